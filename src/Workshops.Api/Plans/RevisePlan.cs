using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Contract;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Plans;

/// <summary>
/// The parts of a plan to change; those left out keep their value. <c>tasks</c> is the plan's whole task list. A plan
/// needs both, so neither can be cleared with null.
/// </summary>
public sealed record PlanChanges : Changes
{
    [Text(5000)] public string? Goals { get; set => field = Sent("goals", value); }
    [Items(1, 100)] public IReadOnlyList<TaskInput>? Tasks { get; set => field = Sent("tasks", value); }

    public IReadOnlyList<string> Named() => Edits.Given(("goals", Gave("goals")), ("tasks", Gave("tasks")));

    public Check Uncleared(Check check) => Uncleared(check, ("goals", Goals), ("tasks", Tasks));

    /// <summary>The planned tasks after the change: the list given (a task keeps its id when it names it), or the plan's own.</summary>
    public IReadOnlyList<TaskSpec> Specs(YearPlan plan, Func<Guid> newId) =>
        Tasks is null ? plan.Tasks : [.. Tasks.Select(t => t.Spec(t.Id ?? newId()))];
}

/// <summary>A plan's revision in the house edit convention: only the changed parts, in <c>changes</c>, and why.</summary>
public sealed record RevisePlan(PlanChanges Changes, [Text(1000)] string Reason);

/// <summary>
/// POST /api/studios/{id}/plans/{year}/revision — revise a drafted plan that is not approved yet: the parts in
/// <c>changes</c> replace theirs, the rest stay; the revision is a new draft of the plan that says why.
/// </summary>
public static class RevisePlanEndpoint
{
    /// <summary>The plan as drafted last (read as GET …/plans/{year} reads it), and the standings of the tasks the changes name by id.</summary>
    public static async Task<(YearPlan?, IReadOnlyList<TaskStanding>)> LoadAsync(RevisePlan command, Guid id, int year, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var at = await History.Load(session, id, null, clock.Today(), [year], ct);
        var ids = command.Changes?.Tasks?.Where(t => t?.Id is not null).Select(t => t.Id!.Value).ToList() ?? [];
        return (at?.Year(year).Plan, await new DocumentsById<TaskStanding>(ids).Fetch(session, ct));
    }

    public static ProblemDetails Validate(RevisePlan command, int year)
    {
        var check = new Check();
        if (command.Changes is null) return check.Add("changes", "is required").Result();
        if (command.Changes.Named().Count == 0) return check.Add("changes", "name at least one part to change").Result();
        if (!command.Changes.Uncleared(check).Ok) return check.Result();
        for (var i = 0; i < (command.Changes.Tasks?.Count ?? 0); i++) TaskInput.Check(check, command.Changes.Tasks![i], $"changes.tasks[{i}]", year);
        var ids = command.Changes.Tasks?.Where(t => t?.Id is not null).Select(t => t.Id!.Value).ToList() ?? [];
        return check.When(ids.Count != ids.Distinct().Count(), "changes.tasks", "task ids must be distinct").Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(RevisePlan command, int year, StudioState studio, YearPlan? plan, IReadOnlyList<TaskStanding> named, Stamp stamp) =>
        (plan is null ? PlanRules.NoPlan(year, "revise") : PlanRules.Draft(studio, year, command.Changes.Specs(plan, Guid.NewGuid), stamp.Today, named))
        .OrContinue();

    [WolverinePost("/api/studios/{id}/plans/{year}/revision", Name = "RevisePlan"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Plans and ledger")]
    public static AnnualPlanDrafted Post(RevisePlan command, int year, [WriteAggregate("id")] StudioState studio, YearPlan plan, Stamp stamp) =>
        new(year, command.Changes.Goals ?? plan.Goals, command.Changes.Specs(plan, Guid.CreateVersion7), studio.Plans[year].Revision + 1,
            stamp.By, stamp.At, command.Reason);
}
