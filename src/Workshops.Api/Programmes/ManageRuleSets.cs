using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Programmes;

/// <summary>GET /api/rule-sets — every programme's rule set: the presets and the editions added as data.</summary>
public static class ListRuleSetsEndpoint
{
    [WolverineGet("/api/rule-sets", Name = "ListRuleSets"), Authorize(Policy = Policies.Authenticated)]
    [Tags("Programmes")]
    public static Task<IReadOnlyList<RuleSet>> Get(IQuerySession session, CancellationToken ct) => RuleSetLibrary.All(session, ct);
}

/// <summary>GET /api/rule-sets/{ruleSet} — one rule set by its code (where POST /api/rule-sets points).</summary>
public static class GetRuleSetEndpoint
{
    [WolverineGet("/api/rule-sets/{ruleSet}", Name = "GetRuleSet"), Authorize(Policy = Policies.Authenticated)]
    [Tags("Programmes")]
    [ProducesResponseType<RuleSet>(200)]
    public static async Task<IResult> Get(string ruleSet, IQuerySession session, CancellationToken ct) =>
        await RuleSetLibrary.Find(session, ruleSet, ct) is { } found
            ? Results.Ok(found)
            : Results.Problem(Problems.NotFound($"No rule set {ruleSet}: GET /api/rule-sets lists them."));
}

/// <summary>POST /api/rule-sets — a reviewer adds a later or local edition as data (a new code; editions are never redefined).</summary>
public static class AddRuleSetEndpoint
{
    public static async Task<ProblemDetails> ValidateAsync(RuleSet ruleSet, IQuerySession session, CancellationToken ct)
    {
        var check = new Check();
        foreach (var (field, message) in RuleSet.Problems(ruleSet)) check.Add(field, message);
        if (!check.Ok) return check.Result();
        return await RuleSetLibrary.Find(session, ruleSet.Code, ct) is not null
            ? Problems.Rule("rule-set.exists", $"A rule set {ruleSet.Code} exists; add a new edition under a new code.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/rule-sets", Name = "AddRuleSet"), Authorize(Policy = Policies.RegionManage)]
    [Tags("Programmes")]
    public static (CreationResponse, IMartenOp) Post(RuleSet ruleSet, HttpContext http, TimeProvider clock) =>
        (new CreationResponse($"/api/rule-sets/{ruleSet.Code}"),
            MartenOps.Insert(new CustomRuleSet { Id = ruleSet.Code, RuleSet = ruleSet, By = http.Actor(), At = clock.GetUtcNow() }));
}
