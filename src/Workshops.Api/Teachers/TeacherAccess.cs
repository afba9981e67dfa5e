using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Teachers;

/// <summary>What a caller does to a teacher's record.</summary>
public enum TeacherAct
{
    /// <summary>Read the record, its facts, history and tiers.</summary>
    Read,
    /// <summary>Record facts (service, titles, honours, schools, mentors, corrections).</summary>
    Record,
    /// <summary>Recognise, revoke, select and train (the authority's acts).</summary>
    Recognise,
}

/// <summary>
/// Who may read and write a teacher's record. Tokens name a region, not a school, so "the school admin of the
/// teacher's school" is a school admin whose region covers the region of the teacher's school on the day (a national
/// claim is not a school's). "The host of a studio the teacher is on" is a host whose token names a studio whose
/// roster holds the teacher now (to write) or held them (to read). Reads follow the growth file's rule: the teacher's
/// own login (host or member role with their teacher claim), their school, their hosts, reviewers covering the school's
/// region. Recognition is a reviewer's act within their region.
/// </summary>
public static class TeacherAccess
{
    public static bool Allows(TeacherAct act, Caller caller, string teacherId, string schoolRegion, bool hostsNow, bool hostedEver) => act switch
    {
        TeacherAct.Read => (caller.Role is Role.Host or Role.Member && caller.TeacherId == teacherId)
                           || (caller.Role == Role.School && SchoolCovers(caller, schoolRegion))
                           || (caller.Role == Role.Host && hostedEver)
                           || (caller.Role == Role.Reviewer && caller.CoversCode(schoolRegion)),
        TeacherAct.Record => (caller.Role == Role.School && SchoolCovers(caller, schoolRegion)) || (caller.Role == Role.Host && hostsNow),
        TeacherAct.Recognise => caller.Role == Role.Reviewer && caller.CoversCode(schoolRegion),
        _ => false,
    };

    public static bool SchoolCovers(Caller caller, string region) => caller.Region != Region.National && caller.CoversCode(region);

    /// <summary>Registers the teacher-record policies named in <see cref="Policies"/> and their check.</summary>
    public static WebApplicationBuilder AddTeacherAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAuthorizationHandler, TeacherActCheck>();
        builder.Services.AddSingleton<IAuthorizationHandler, TeacherRegisterCheck>();
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy(Policies.TeacherRecordRead, p => p.RequireAuthenticatedUser().AddRequirements(new TeacherActRequirement(TeacherAct.Read)));
            o.AddPolicy(Policies.TeacherRecordWrite, p => p.RequireAuthenticatedUser().AddRequirements(new TeacherActRequirement(TeacherAct.Record)));
            o.AddPolicy(Policies.TeacherRecognise, p => p.RequireAuthenticatedUser().AddRequirements(new TeacherActRequirement(TeacherAct.Recognise)));
            // Registering: the roles here, the region or roster against the body in the endpoint.
            o.AddPolicy(Policies.TeacherRegister, p => p.RequireAuthenticatedUser().AddRequirements(new TeacherRegisterRequirement()));
        });
        return builder;
    }

    public static string Refusal(TeacherAct act) => act switch
    {
        TeacherAct.Read => "A teacher's record is personal: only the teacher, their school, their studio's host and reviewers of their region may read it.",
        TeacherAct.Record => "Only a school admin of the teacher's school region or the host of a studio the teacher is on may record facts.",
        _ => "Only a reviewer whose region covers the teacher's school recognises.",
    };

    /// <summary>Does the host's token name a studio whose roster holds the teacher now, or held them before?</summary>
    public static async Task<(bool Now, bool Ever)> Hosts(IQuerySession session, Caller caller, string teacherId, CancellationToken ct)
    {
        if (caller.Role != Role.Host || caller.Studios.Count == 0) return (false, false);
        // The decision state is kept in the write transaction, so a teacher added a moment ago already counts.
        var studios = await session.LoadManyAsync<StudioState>(ct, caller.Studios.Take(20).ToArray());
        return (studios.Any(s => s.Roster.Holding(teacherId) is not null), studios.Any(s => s.Roster.EverHeld(teacherId)));
    }

    /// <summary>
    /// The same, with each of the token's studios read in its own province's database: with a database per province a
    /// record kept in one province may be written by the host of a studio in another (the teacher moved on).
    /// </summary>
    public static async Task<(bool Now, bool Ever)> Hosts(HttpContext http, IQuerySession session, Caller caller, string teacherId, CancellationToken ct)
    {
        var services = http.RequestServices;
        var tenants = services.GetRequiredService<Tenants>();
        if (!tenants.Separate || caller.Role != Role.Host || caller.Studios.Count == 0) return await Hosts(session, caller, teacherId, ct);
        var scopes = services.GetRequiredService<IStudioScopes>();
        var store = services.GetRequiredService<IDocumentStore>();
        var studios = new List<StudioState>();
        foreach (var province in await ProvincesOf(caller.Studios.Take(20), scopes, services, ct))
        {
            var other = province.Key == session.TenantId ? null : tenants.Session(store, province.Key);
            await using (other)
                studios.AddRange(await (other ?? session).LoadManyAsync<StudioState>(ct, province.ToArray()));
        }
        return (studios.Any(s => s.Roster.Holding(teacherId) is not null), studios.Any(s => s.Roster.EverHeld(teacherId)));
    }

    private static async Task<IEnumerable<IGrouping<string, Guid>>> ProvincesOf(IEnumerable<Guid> studios, IStudioScopes scopes, IServiceProvider services,
        CancellationToken ct)
    {
        var found = new List<(string Province, Guid Studio)>();
        foreach (var id in studios)
            if (await scopes.RegionOf(services, id, ct) is { } region) found.Add((Tenants.Of(region.Province), id));
        return found.GroupBy(f => f.Province, f => f.Studio);
    }
}

public sealed record TeacherActRequirement(TeacherAct Act) : IAuthorizationRequirement, IPermits
{
    /// <summary>Who <see cref="TeacherAccess.Allows"/> lets in, asked of each role in each way (for the contract and the README).</summary>
    public IReadOnlyList<Permit> Permits()
    {
        const string school = "350203";
        var permits = new List<Permit>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var ways = new List<string>();
            if (TeacherAccess.Allows(Act, new Caller("x", "x", role, new HashSet<Guid>(), null, "T1"), "T1", school, false, false))
                ways.Add("the teacher's own login");
            if (TeacherAccess.Allows(Act, new Caller("x", "x", role, new HashSet<Guid>(), school, null), "T1", school, false, false))
                ways.Add("region covering the teacher's school");
            if (TeacherAccess.Allows(Act, new Caller("x", "x", role, new HashSet<Guid> { Guid.Empty }, null, null), "T1", school, true, true))
                ways.Add(Act == TeacherAct.Read ? "host of a studio the teacher is or was on" : "host of a studio the teacher is on");
            if (ways.Count > 0) permits.Add(new Permit(role, string.Join(", or ", ways)));
        }
        return permits;
    }
}

/// <summary>
/// Registering a teacher: whoever may record facts on the record (<see cref="TeacherAct.Record"/>), judged against the
/// region and id in the body by the endpoint, since there is no record yet.
/// </summary>
public sealed record TeacherRegisterRequirement : IAuthorizationRequirement, IPermits
{
    public IReadOnlyList<Permit> Permits() =>
    [
        .. new TeacherActRequirement(TeacherAct.Record).Permits()
            .Select(p => p with { Scope = p.Scope.Replace("the teacher's school", "the school's region in the body", StringComparison.Ordinal) }),
    ];
}

public sealed class TeacherRegisterCheck : AuthorizationHandler<TeacherRegisterRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TeacherRegisterRequirement requirement)
    {
        if (Caller.TryFrom(context.User) is not { } caller) return Task.CompletedTask;
        var roles = requirement.Permits().Select(p => p.Role).ToList();
        if (roles.Contains(caller.Role)) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, Workshops.Core.Auth.Permits.RoleRefused(roles, caller)));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Resolves the teacher in the route ({teacherId}), reads their school's region today and the caller's rosters, and
/// applies <see cref="TeacherAccess.Allows"/> before the request body is read. An unknown teacher passes: the endpoint
/// answers 404.
/// </summary>
public sealed class TeacherActCheck(TimeProvider clock) : AuthorizationHandler<TeacherActRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TeacherActRequirement requirement)
    {
        if (context.Resource is not HttpContext http || Caller.TryFrom(context.User) is not { } caller) return;
        var teacherId = http.GetRouteValue("teacherId")?.ToString() ?? "";
        // The record and rosters of the request's database: the province's with a database per province.
        var allowed = await Tenants.OnRequestTenant(http, async session =>
        {
            var record = await session.LoadAsync<Teachers.TeacherRecord>(TeacherStreams.IdOf(teacherId), http.RequestAborted);
            if (record is null) return true;
            var (now, ever) = await TeacherAccess.Hosts(http, session, caller, teacherId, http.RequestAborted);
            return TeacherAccess.Allows(requirement.Act, caller, teacherId, record.SchoolOn(clock.Today()).Region, now, ever);
        });
        if (allowed) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, TeacherAccess.Refusal(requirement.Act)));
    }
}
