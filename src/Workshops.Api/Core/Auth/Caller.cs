using System.Security.Claims;
using StudioRegion = Workshops.Core.Region;

namespace Workshops.Core.Auth;

[Codes("roles")]
public enum Role
{
    [Label("坊主/主持人")] Host,
    [Label("成员")] Member,
    [Label("学校管理员")] School,
    [Label("评审专家")] Reviewer,
    [Label("集成客户端")] Integration,
}

/// <summary>Who acted: stored on every event.</summary>
public sealed record Actor(string Id, string Name, Role Role);

/// <summary>The caller as the token describes them: role, studios, region scope and, for teachers, their teacher id.</summary>
public sealed record Caller(string Id, string Name, Role Role, IReadOnlySet<Guid> Studios, string? Region, string? TeacherId)
{
    public const string RoleClaim = "role";
    public const string StudioClaim = "studio";
    public const string RegionClaim = "region";
    public const string TeacherClaim = "teacher";
    public const string NameClaim = "name";
    public const string SubjectClaim = "sub";

    public Actor Actor => new(Id, Name, Role);

    public bool InStudio(Guid studioId) => Studios.Contains(studioId);

    /// <summary>A region claim covers a studio when it equals the studio's province, city or district code.</summary>
    public bool Covers(StudioRegion region) =>
        Region is { Length: > 0 } r && (r == StudioRegion.National || r == region.Province || r == region.City || r == region.District);

    /// <summary>A region claim covers a region code when the code is the claim or lies inside it.</summary>
    public bool CoversCode(string code) => Region is { Length: > 0 } r && StudioRegion.Contains(r, code);

    /// <summary>
    /// The region a regional list is read for: the one asked, else the caller's own; and the 403 to answer instead when the
    /// caller's region does not cover it (or the caller has none).
    /// </summary>
    public (string Scope, Microsoft.AspNetCore.Mvc.ProblemDetails? Refused) ListScope(string? region)
    {
        var scope = region ?? Region;
        return scope is not null && CoversCode(scope)
            ? (scope, null)
            : ("", Problems.Forbidden($"The caller's region ({Region ?? "none"}) does not cover {scope ?? "this query"}."));
    }

    public static Caller? TryFrom(ClaimsPrincipal principal)
    {
        var id = principal.FindFirst(SubjectClaim)?.Value;
        var roleText = principal.FindFirst(RoleClaim)?.Value;
        if (string.IsNullOrWhiteSpace(id) || !Codes.TryParse<Role>(roleText, out var role)) return null;
        var studios = principal.FindAll(StudioClaim)
            .Select(c => Guid.TryParse(c.Value, out var g) ? g : Guid.Empty)
            .Where(g => g != Guid.Empty)
            .ToHashSet();
        return new Caller(id, principal.FindFirst(NameClaim)?.Value ?? id, role, studios,
            principal.FindFirst(RegionClaim)?.Value, principal.FindFirst(TeacherClaim)?.Value);
    }

    public static Caller From(ClaimsPrincipal principal) =>
        TryFrom(principal) ?? throw new InvalidOperationException("The request has no authenticated caller.");
}
