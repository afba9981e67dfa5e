using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Growth;

public sealed record ChoosePolicies(IReadOnlyList<string> Policies);

/// <summary>
/// Hour policies as data: GET /api/hour-policies lists the presets and custom policies; POST /api/hour-policies adds one;
/// PUT /api/regions/{code}/hour-policies chooses a region's set; GET /api/regions/{code}/hour-policies shows it.
/// </summary>
public static class ManagePoliciesEndpoint
{
    [WolverineGet("/api/hour-policies", Name = "ListHourPolicies"), Authorize(Policy = Policies.Authenticated)]
    [Tags("Hour policies")]
    public static Task<IReadOnlyList<HourPolicy>> List(IQuerySession session, CancellationToken ct) => PolicyCatalog.All(session, ct);

    /// <summary>GET /api/hour-policies/{policy} — one policy by its code (where POST /api/hour-policies points).</summary>
    [WolverineGet("/api/hour-policies/{policy}", Name = "GetHourPolicy"), Authorize(Policy = Policies.Authenticated)]
    [Tags("Hour policies")]
    [ProducesResponseType<HourPolicy>(200)]
    public static async Task<IResult> One(string policy, IQuerySession session, CancellationToken ct) =>
        await PolicyCatalog.Find(session, policy, ct) is { } found
            ? Results.Ok(found)
            : Results.Problem(Problems.NotFound($"No hour policy {policy}: GET /api/hour-policies lists them."));
}

/// <summary>POST /api/hour-policies — a reviewer adds a policy as data. (Its own class: Validate applies to every endpoint of a class.)</summary>
public static class AddHourPolicyEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(HourPolicy policy, IDocumentSession session, CancellationToken ct)
    {
        var check = new Check();
        foreach (var (field, message) in HourPolicy.Problems(policy)) check.Add(field, message);
        if (!check.Ok) return check.Result();
        return await PolicyCatalog.Find(session, policy.Code, ct) is not null
            ? Problems.Rule("policy.exists", $"A policy with the code {policy.Code} exists; policies are not redefined, add one with a new code.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/hour-policies", Name = "AddHourPolicy"), Authorize(Policy = Policies.RegionManage)]
    [Tags("Hour policies")]
    public static (CreationResponse, IMartenOp) Add(HourPolicy policy, HttpContext http, TimeProvider clock) =>
        (new CreationResponse($"/api/hour-policies/{policy.Code}"),
            MartenOps.Insert(new CustomPolicy { Id = policy.Code, Policy = policy, By = http.Actor(), At = clock.GetUtcNow() }));
}

/// <summary>A region's chosen set of hour policies.</summary>
public static class RegionHourPoliciesEndpoint
{
    [WolverineGet("/api/regions/{code}/hour-policies", Name = "GetRegionHourPolicies"), Authorize(Policy = Policies.Authenticated)]
    [Tags("Hour policies")]
    [ProducesResponseType<PolicySetInEffect>(200)]
    public static async Task<IResult> InEffect(string code, IQuerySession session, CancellationToken ct)
    {
        if (!Region.IsCode(code)) return Results.Problem(Problems.Invalid("code", "must be a six-digit region code"));
        return Results.Ok(await PolicyCatalog.For(session, [code], ct));
    }

    [WolverinePut("/api/regions/{code}/hour-policies", Name = "ChooseRegionHourPolicies"), Authorize(Policy = Policies.RegionManage)]
    [Tags("Hour policies")]
    [ProducesResponseType<PolicySetInEffect>(200)]
    public static async Task<IResult> Choose(string code, ChoosePolicies command, IDocumentSession session, HttpContext http,
        TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        if (!Region.IsCode(code)) return Results.Problem(Problems.Invalid("code", "must be a six-digit region code"));
        if (!caller.CoversCode(code)) return Results.Problem(Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {code}."));
        if (command.Policies is null || command.Policies.Count > 50) return Results.Problem(Problems.Invalid("policies", "list 0-50 policy codes"));
        var all = await PolicyCatalog.All(session, ct);
        var unknown = command.Policies.Where(p => all.All(a => a.Code != p)).ToList();
        if (unknown.Count > 0) return Results.Problem(Problems.Rule("policy.unknown", $"Unknown policies: {string.Join(", ", unknown)}."));
        session.Store(new RegionPolicySet { Id = code, Policies = [.. command.Policies.Distinct()], By = http.Actor(), At = clock.GetUtcNow() });
        await session.SaveChangesAsync(ct);
        return Results.Ok(await PolicyCatalog.For(session, [code], ct));
    }
}
