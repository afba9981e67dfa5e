using Microsoft.AspNetCore.Authorization;

namespace Workshops.Core.Auth;

/// <summary>What an endpoint does to a studio; each endpoint declares one through its policy.</summary>
public enum StudioAccess
{
    /// <summary>Read the studio: its host and members, and school, reviewer or integration clients of its region.</summary>
    Read,
    /// <summary>Change the roster: the studio's host, or a school admin of its region.</summary>
    Manage,
    /// <summary>Run the studio's year (plan, tasks, corrections, outputs' revisions and submission): only its own host (or coordinator, who holds the host role in tokens).</summary>
    Work,
    /// <summary>Contribute to the studio's record (log activities, add reflections, draft outputs): its own host and members.</summary>
    Contribute,
    /// <summary>School acts (approvals, hearings): a school admin of its region.</summary>
    School,
    /// <summary>Reviewer acts (assessments, recommendations): a reviewer of its region.</summary>
    Review,
    /// <summary>Attestations: a school admin or a reviewer of its region.</summary>
    Attest,
    /// <summary>Growth-file entries: the studio's host, or its members for their own file (checked per entry).</summary>
    Growth,
    /// <summary>Personal overviews of the roster (certificates): the studio's host, a school admin or a reviewer of its region.</summary>
    Oversee,
    /// <summary>Anonymous evaluations of its activities: its own members' logins (the host leads them; attendance is checked per activity).</summary>
    Evaluate,
}

/// <summary>The authorization policies; every endpoint names exactly one.</summary>
public static class Policies
{
    public const string StudioRead = "studio:read";
    public const string StudioManage = "studio:manage";
    public const string StudioWork = "studio:work";
    public const string StudioContribute = "studio:contribute";
    public const string StudioSchool = "studio:school";
    public const string StudioReview = "studio:review";
    public const string StudioAttest = "studio:attest";
    public const string StudioGrowth = "studio:growth";
    public const string StudioOversee = "studio:oversee";
    public const string StudioEvaluate = "studio:evaluate";
    /// <summary>A teacher's growth file: the teacher's own host or member login, their hosts, and school admins or reviewers of their studios' regions.</summary>
    public const string TeacherRead = "teacher:read";
    /// <summary>A teacher's record (Teachers/TeacherAccess.cs registers these four): read, record facts, recognise, register.</summary>
    public const string TeacherRecordRead = "teacher-record:read";
    public const string TeacherRecordWrite = "teacher-record:write";
    public const string TeacherRecognise = "teacher-record:recognise";
    public const string TeacherRegister = "teacher-record:register";
    /// <summary>Regional settings (hour-policy sets, custom policies): reviewers, within their region.</summary>
    public const string RegionManage = "region:manage";
    /// <summary>Establish a studio: school admins and reviewers, within their region (checked against the body).</summary>
    public const string Establish = "region:establish";
    /// <summary>Regional reads: school admins and reviewers, within their region (checked against the query).</summary>
    public const string RegionRead = "region:read";
    /// <summary>Applications (Applications/ApplicationsSetup.cs registers these three): a school applies and attests, reviewers decide, both read.</summary>
    public const string ApplicationApply = "application:apply";
    public const string ApplicationReview = "application:review";
    public const string ApplicationRead = "application:read";
    /// <summary>A province's package (Submissions/SubmissionAccess.cs): that province's reviewers; the ministry's receipt: national reviewers.</summary>
    public const string SubmissionProvince = "submission:province";
    public const string SubmissionMinistry = "submission:ministry";
    /// <summary>Evaluating a training programme (Evaluations/EvaluationsSetup.cs): the trainees' own logins.</summary>
    public const string EvaluationTrainee = "evaluation:trainee";
    /// <summary>Any authenticated caller (lists scoped to the caller, reference data).</summary>
    public const string Authenticated = "authenticated";
    public const string Integration = "integration";

    public static readonly IReadOnlyDictionary<string, StudioAccess> ByStudio = new Dictionary<string, StudioAccess>
    {
        [StudioRead] = StudioAccess.Read,
        [StudioManage] = StudioAccess.Manage,
        [StudioWork] = StudioAccess.Work,
        [StudioContribute] = StudioAccess.Contribute,
        [StudioSchool] = StudioAccess.School,
        [StudioReview] = StudioAccess.Review,
        [StudioAttest] = StudioAccess.Attest,
        [StudioGrowth] = StudioAccess.Growth,
        [StudioOversee] = StudioAccess.Oversee,
        [StudioEvaluate] = StudioAccess.Evaluate,
    };

    public static void Add(AuthorizationOptions options)
    {
        foreach (var (name, access) in ByStudio)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().AddRequirements(new StudioRequirement(access)));
        }
        options.AddPolicy(Establish, p => p.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(Role.School, Role.Reviewer)));
        options.AddPolicy(RegionRead, p => p.RequireAuthenticatedUser()
            .AddRequirements(new RoleRequirement(Role.School, Role.Reviewer), new RegionRouteRequirement()));
        options.AddPolicy(RegionManage, p => p.RequireAuthenticatedUser()
            .AddRequirements(new RoleRequirement(Role.Reviewer), new RegionRouteRequirement()));
        options.AddPolicy(TeacherRead, p => p.RequireAuthenticatedUser().AddRequirements(new TeacherRequirement()));
        options.AddPolicy(Integration, p => p.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(Role.Integration)));
        options.AddPolicy(Authenticated, p => p.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(Enum.GetValues<Role>())));
        options.FallbackPolicy = options.GetPolicy(Authenticated);
    }

    /// <summary>The rule itself, as a pure function: may this caller do this to a studio of that region?</summary>
    public static bool Allows(StudioAccess access, Caller caller, Guid studioId, Region region)
    {
        var own = caller.InStudio(studioId);
        var covers = caller.Covers(region);
        return access switch
        {
            StudioAccess.Read => caller.Role switch
            {
                Role.Host or Role.Member => own,
                Role.School or Role.Reviewer or Role.Integration => covers,
                _ => false,
            },
            StudioAccess.Manage => (caller.Role == Role.Host && own) || (caller.Role == Role.School && covers),
            StudioAccess.Work => caller.Role == Role.Host && own,
            StudioAccess.Contribute => caller.Role is Role.Host or Role.Member && own,
            StudioAccess.School => caller.Role == Role.School && covers,
            StudioAccess.Review => caller.Role == Role.Reviewer && covers,
            StudioAccess.Attest => (caller.Role is Role.School or Role.Reviewer) && covers,
            StudioAccess.Growth => caller.Role is Role.Host or Role.Member && own,
            StudioAccess.Oversee => (caller.Role == Role.Host && own) || (caller.Role is Role.School or Role.Reviewer && covers),
            StudioAccess.Evaluate => caller.Role == Role.Member && own,
            _ => false,
        };
    }
}

public sealed record StudioRequirement(StudioAccess Access) : IAuthorizationRequirement;

public sealed record TeacherRequirement : IAuthorizationRequirement;

/// <summary>A region in the route ({code}) must lie inside the caller's region claim.</summary>
public sealed record RegionRouteRequirement : IAuthorizationRequirement;

public sealed class RegionRouteRequirementCheck : AuthorizationHandler<RegionRouteRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RegionRouteRequirement requirement)
    {
        if (context.Resource is not HttpContext http || Caller.TryFrom(context.User) is not { } caller) return Task.CompletedTask;
        var code = http.GetRouteValue("code")?.ToString();
        if (code is null || caller.CoversCode(code)) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, Permits.RegionRefused(caller, code)));
        return Task.CompletedTask;
    }
}

/// <summary>Where a teacher has been: the studios and region codes of their growth file.</summary>
public sealed record TeacherScope(IReadOnlyList<Guid> StudioIds, IReadOnlyList<string> RegionCodes);

/// <summary>Where a teacher has been: the studios and regions of their growth file (kept by the growth feature).</summary>
public interface ITeacherScopes
{
    Task<TeacherScope?> Of(HttpContext http, string teacherId, CancellationToken ct);
}

public sealed record RoleRequirement(params Role[] Roles) : IAuthorizationRequirement;

/// <summary>Resolves the studio in the route, looks up its region and applies <see cref="Policies.Allows"/>.</summary>
public sealed class StudioRequirementCheck(IStudioScopes scopes) : AuthorizationHandler<StudioRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, StudioRequirement requirement)
    {
        if (context.Resource is not HttpContext http || Caller.TryFrom(context.User) is not { } caller) return;
        var studioId = StudioRoute.IdOf(http);
        if (studioId is null)
        {
            // A malformed id: let routing answer 404 rather than leaking a policy decision.
            context.Succeed(requirement);
            return;
        }
        var region = await StudioRoute.RegionOf(http, scopes);
        if (region is null)
        {
            // Unknown studio: the endpoint answers 404.
            context.Succeed(requirement);
            return;
        }
        if (Policies.Allows(requirement.Access, caller, studioId.Value, region)) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, Permits.StudioRefused(requirement.Access, caller, studioId.Value, region)));
    }
}

public sealed class RoleRequirementCheck : AuthorizationHandler<RoleRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        if (Caller.TryFrom(context.User) is { } caller)
        {
            if (requirement.Roles.Contains(caller.Role)) context.Succeed(requirement);
            else context.Fail(new AuthorizationFailureReason(this, Permits.RoleRefused(requirement.Roles, caller)));
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Personal data: a growth file (and the hours read from it) is read by
/// <list type="bullet">
/// <item>the teacher's own login: a host or member token whose <c>teacher</c> claim is the teacher (the claim means
/// nothing in a school, reviewer or integration token);</item>
/// <item>the host of a studio the teacher is or was in (current or former member, trainee, coordinator);</item>
/// <item>their school: a school admin whose region claim is the province, city or district of a studio the teacher is
/// or was in (school admins are scoped by region, as everywhere else);</item>
/// <item>a reviewer whose region claim covers such a studio, or a national reviewer.</item>
/// </list>
/// Fellow members, integration clients and other regions are refused.
/// </summary>
public sealed class TeacherRequirementCheck : AuthorizationHandler<TeacherRequirement>
{
    public static bool Allows(Caller caller, string teacherId, TeacherScope scope) => caller.Role switch
    {
        Role.Host or Role.Member when caller.TeacherId == teacherId => true,
        Role.Host => scope.StudioIds.Any(caller.InStudio),
        Role.School => scope.RegionCodes.Any(c => caller.Region == c),
        Role.Reviewer => caller.Region == Region.National || scope.RegionCodes.Any(c => caller.Region == c),
        _ => false,
    };

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TeacherRequirement requirement)
    {
        if (context.Resource is not HttpContext http || Caller.TryFrom(context.User) is not { } caller) return;
        var teacherId = http.GetRouteValue("teacherId")?.ToString() ?? "";
        var scope = await http.RequestServices.GetRequiredService<ITeacherScopes>().Of(http, teacherId, http.RequestAborted);
        if (scope is null || Allows(caller, teacherId, scope)) context.Succeed(requirement); // unknown: the endpoint answers 404
        else context.Fail(new AuthorizationFailureReason(this, Permits.TeacherRefused(caller, teacherId)));
    }
}

/// <summary>
/// The studio a request's route is about: <c>{studioId}</c>, or <c>{id}</c> under <c>/api/studios/</c> and
/// <c>/api/showcase/studios/</c> (an application's or a webhook's <c>{id}</c> is not a studio's). Its region is looked up
/// once per request and kept in <see cref="HttpContext.Items"/>: the studio policy and the tenant of the request share it.
/// </summary>
public static class StudioRoute
{
    private const string ItemKey = "workshops.route-studio-region";

    public static Guid? IdOf(HttpContext http)
    {
        var value = http.GetRouteValue("studioId")?.ToString();
        if (value is null && (http.Request.Path.StartsWithSegments("/api/studios") || http.Request.Path.StartsWithSegments("/api/showcase/studios")))
            value = http.GetRouteValue("id")?.ToString();
        return Guid.TryParse(value, out var id) ? id : null;
    }

    /// <summary>The region of the route's studio; null without a studio in the route or for an unknown studio.</summary>
    public static async ValueTask<Region?> RegionOf(HttpContext http, IStudioScopes scopes)
    {
        if (http.Items.TryGetValue(ItemKey, out var known)) return known as Region;
        var region = IdOf(http) is { } id ? await scopes.RegionOf(http.RequestServices, id, http.RequestAborted) : null;
        http.Items[ItemKey] = region;
        return region;
    }
}
