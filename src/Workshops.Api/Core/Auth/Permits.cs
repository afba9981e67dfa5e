using Microsoft.AspNetCore.Authorization;
using StudioRegion = Workshops.Core.Region;

namespace Workshops.Core.Auth;

/// <summary>One role that a policy lets in, and the scope it must have (in words).</summary>
public sealed record Permit(Role Role, string Scope);

/// <summary>A requirement of a feature's own (Core names no feature) that says who it lets in.</summary>
public interface IPermits
{
    IReadOnlyList<Permit> Permits();
}

/// <summary>
/// Who may call what, read from the authorization rules themselves (<see cref="Policies.Allows"/> and the
/// requirements of each policy): the OpenAPI document's roles, the README's role table and the 403 answers all come
/// from here, so none can say something the rules do not do.
/// </summary>
public static class Permits
{
    public const string OwnStudio = "own studio";
    public const string StudioRegion = "region covering the studio";
    public const string RouteRegion = "region covering the code in the route";
    public const string BodyRegion = "region covering the one in the body";
    public const string OwnRegion = "own region (the region asked must lie inside it)";
    public const string Anywhere = "any";

    // A studio of district 350203 (city 350200, province 350000), for asking the rules who may act on it.
    private static readonly Guid SampleStudio = Guid.Parse("00000000-0000-7000-8000-000000000001");
    private static readonly StudioRegion SampleRegion = new("350000", "350200", "350203");

    /// <summary>Who may do <paramref name="access"/> to a studio: each role once, with its own studio or its region.</summary>
    public static IReadOnlyList<Permit> Of(StudioAccess access) =>
    [
        .. Enum.GetValues<Role>().Select(role =>
            Policies.Allows(access, new Caller("x", "x", role, new HashSet<Guid> { SampleStudio }, null, null), SampleStudio, SampleRegion)
                ? new Permit(role, OwnStudio)
                : Policies.Allows(access, new Caller("x", "x", role, new HashSet<Guid>(), SampleRegion.City, null), SampleStudio, SampleRegion)
                    ? new Permit(role, StudioRegion)
                    : null).OfType<Permit>(),
    ];

    /// <summary>Who the personal-data rule of growth files lets in (<see cref="TeacherRequirementCheck.Allows"/>).</summary>
    public static IReadOnlyList<Permit> OfTeacherFiles()
    {
        var scope = new TeacherScope([SampleStudio], [SampleRegion.District!]);
        var permits = new List<Permit>();
        foreach (var role in Enum.GetValues<Role>())
        {
            var ways = new List<string>();
            if (TeacherRequirementCheck.Allows(new Caller("x", "x", role, new HashSet<Guid>(), null, "T1"), "T1", scope)) ways.Add("the teacher's own login");
            if (TeacherRequirementCheck.Allows(new Caller("x", "x", role, new HashSet<Guid> { SampleStudio }, null, null), "T1", scope))
                ways.Add("host of a studio the teacher is or was in");
            if (TeacherRequirementCheck.Allows(new Caller("x", "x", role, new HashSet<Guid>(), SampleRegion.District!, null), "T1", scope))
                ways.Add("region of a studio the teacher is or was in");
            if (ways.Count > 0) permits.Add(new Permit(role, string.Join(", or ", ways)));
        }
        return permits;
    }

    /// <summary>
    /// Who an endpoint's policy lets in, from its requirements and its route: a region in the route must lie in the
    /// caller's; establishing a studio judges the region in the body; regional reads judge the region asked for.
    /// </summary>
    public static IReadOnlyList<Permit> Of(string? policyName, AuthorizationPolicy policy, string route)
    {
        var requirements = policy.Requirements;
        if (requirements.OfType<StudioRequirement>().FirstOrDefault() is { } studio) return Of(studio.Access);
        if (requirements.OfType<TeacherRequirement>().Any()) return OfTeacherFiles();
        if (requirements.OfType<IPermits>().FirstOrDefault() is { } described) return described.Permits();
        var roles = requirements.OfType<RoleRequirement>().FirstOrDefault()?.Roles ?? Enum.GetValues<Role>();
        var scope = route.Contains("{code}", StringComparison.Ordinal) && requirements.OfType<RegionRouteRequirement>().Any() ? RouteRegion
            : policyName == Policies.Establish ? BodyRegion
            : policyName == Policies.RegionRead ? OwnRegion
            : Anywhere;
        return [.. roles.Select(r => new Permit(r, scope))];
    }

    /// <summary>"host (own studio), member (own studio)": permits in a line.</summary>
    public static string Line(IEnumerable<Permit> permits) => string.Join("; ", permits.Select(p => $"{p.Role.Code()} ({p.Scope})"));

    private static string Roles(IEnumerable<Role> roles) => string.Join(" or ", roles.Select(r => $"{r.Code()} ({r.Label()})"));

    /// <summary>"a host (坊主/主持人)", "an integration (集成客户端)".</summary>
    private static string ARoles(IEnumerable<Role> roles) => Roles(roles) is var words && "aeiou".Contains(words[0]) ? "an " + words : "a " + words;

    private static string Who(Caller caller) =>
        $"the caller is {caller.Role.Code()}" + (caller.Region is { Length: > 0 } r ? $" of region {r}" : "") +
        (caller.Studios.Count > 0 ? $" of studio {string.Join(", ", caller.Studios)}" : "");

    /// <summary>The 403 of a studio rule: the roles with this studio, and the roles with a region covering it.</summary>
    public static string StudioRefused(StudioAccess access, Caller caller, Guid studioId, StudioRegion region)
    {
        var permits = Of(access);
        var own = permits.Where(p => p.Scope == OwnStudio).Select(p => p.Role).ToList();
        var regional = permits.Where(p => p.Scope == StudioRegion).Select(p => p.Role).ToList();
        var ways = new List<string>();
        if (own.Count > 0) ways.Add($"{ARoles(own)} token whose studio claim lists {studioId}");
        if (regional.Count > 0)
            ways.Add($"{ARoles(regional)} token whose region claim covers the studio ({region.District}, {region.City} or {region.Province})");
        return $"This needs {string.Join(", or ", ways)}; {Who(caller)}.";
    }

    public static string RoleRefused(IEnumerable<Role> roles, Caller caller) => $"This needs {ARoles(roles)} token; {Who(caller)}.";

    public static string RegionRefused(Caller caller, string code) =>
        $"This needs a region claim covering {code} ({code} itself or a province or city containing it); {Who(caller)}.";

    /// <summary>The 403 of a growth file; it names no studio or region of the teacher, which are personal too.</summary>
    public static string TeacherRefused(Caller caller, string teacherId) =>
        $"Growth files are personal: this one is read by the teacher's own host or member token (teacher claim {teacherId}), " +
        $"by the host of a studio they are or were in, and by school admins or reviewers whose region claim is the district, city or " +
        $"province of such a studio (reviewers also 000000); {Who(caller)}.";
}
