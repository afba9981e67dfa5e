using Microsoft.AspNetCore.Authorization;
using Workshops.Core;
using Workshops.Core.Auth;

namespace Workshops.Submissions;

/// <summary>
/// Who acts on a province's package (<see cref="SubmissionRules.ActsForProvince"/>, <see cref="SubmissionRules.ActsForMinistry"/>),
/// as policies, so the contract and the README's role table say what the rules do. A route code that is no province's
/// passes here and is answered 400 by the endpoint.
/// </summary>
public sealed record SubmissionActorRequirement(SubmissionActor Actor) : IAuthorizationRequirement, IPermits
{
    public const string ProvincePolicy = Policies.SubmissionProvince;
    public const string MinistryPolicy = Policies.SubmissionMinistry;

    public bool Allows(Caller caller, string code) =>
        caller.Role == Role.Reviewer && (!Region.IsCode(code) || Region.Depth(code) != 1
                                         || (Actor == SubmissionActor.Province ? SubmissionRules.ActsForProvince(caller.Region, code)
                                             : SubmissionRules.ActsForMinistry(caller.Region)));

    /// <summary>Who <see cref="Allows"/> lets act on Fujian's package, asked of each role with Fujian's and the national region.</summary>
    public IReadOnlyList<Permit> Permits()
    {
        const string province = "350000";
        var scope = Actor == SubmissionActor.Province ? "the province in the route itself" : "national (000000)";
        return
        [
            .. Enum.GetValues<Role>()
                .Where(role => new[] { province, Region.National }.Any(region => Allows(new Caller("x", "x", role, new HashSet<Guid>(), region, null), province)))
                .Select(role => new Permit(role, scope)),
        ];
    }

    public string Refusal(string code) => Actor == SubmissionActor.Province
        ? $"Only reviewers of {code} act on its package: this needs a reviewer (评审专家) token whose region claim is {code}."
        : "Receipt is acknowledged by a national reviewer: this needs a reviewer (评审专家) token whose region claim is 000000.";
}

public sealed class SubmissionActorCheck : AuthorizationHandler<SubmissionActorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SubmissionActorRequirement requirement)
    {
        if (context.Resource is not HttpContext http || Caller.TryFrom(context.User) is not { } caller) return Task.CompletedTask;
        var code = http.GetRouteValue("code")?.ToString() ?? "";
        if (requirement.Allows(caller, code)) context.Succeed(requirement);
        else context.Fail(new AuthorizationFailureReason(this, requirement.Refusal(code)));
        return Task.CompletedTask;
    }
}

public static class SubmissionAccess
{
    /// <summary>Registers the two policies: the province's own reviewers write its package, a national reviewer acknowledges it.</summary>
    public static WebApplicationBuilder AddSubmissionAccess(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IAuthorizationHandler, SubmissionActorCheck>();
        builder.Services.AddAuthorization(o =>
        {
            o.AddPolicy(SubmissionActorRequirement.ProvincePolicy, p => p.RequireAuthenticatedUser()
                .AddRequirements(new RegionRouteRequirement(), new SubmissionActorRequirement(SubmissionActor.Province)));
            o.AddPolicy(SubmissionActorRequirement.MinistryPolicy, p => p.RequireAuthenticatedUser()
                .AddRequirements(new RegionRouteRequirement(), new SubmissionActorRequirement(SubmissionActor.Ministry)));
        });
        return builder;
    }
}
