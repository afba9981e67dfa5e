using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Plans;
using Workshops.Studios;
using TaskStatus = Workshops.Plans.TaskStatus;

namespace Workshops.Years;

/// <summary>A year's plan as drafted: the goals, the planned tasks with their ids, the revisions and the approval.</summary>
public sealed record PlanView(Guid StudioId, int Year, string Goals, int Revision, bool Approved, PlanApproval? Approval, IReadOnlyList<PlannedTask> Tasks,
    IReadOnlyList<PlanRevision> Revisions);

/// <summary>A task as the plan has it, its owner named beside the id.</summary>
public sealed record PlannedTask(Guid TaskId, string Title, string? Description, string? OwnerId, TeacherName? Owner, DateOnly? Due,
    IReadOnlyList<ActivityKind> ExpectedKinds)
{
    public static PlannedTask Of(TaskSpec t, Studio studio) =>
        new(t.TaskId, t.Title, t.Description, t.OwnerId, t.OwnerId is { } owner ? TeacherName.Of(studio, owner) : null, t.Due, t.ExpectedKinds);
}

/// <summary>One task of a year's list: what it is, who owns it, when it is due and where it stands (the ledger has the rest).</summary>
public sealed record TaskSummary(Guid TaskId, string Title, string? OwnerId, TeacherName? Owner, DateOnly? Due, TaskOrigin Origin, TaskStatus Status, int? Percent,
    bool Overdue);

/// <summary>One task with its year, state, history and the activities linked to it.</summary>
public sealed record TaskView(Guid StudioId, int Year, LedgerLine Task);

/// <summary>
/// The reads behind the URLs the plan and task writes answer with: GET /api/studios/{id}/plans/{year},
/// GET /api/studios/{id}/tasks?year= and GET /api/studios/{id}/tasks/{taskId}. They read what the year view reads,
/// with the events the daemon has not folded yet folded in, so a client reads its own write.
/// </summary>
public static class GetPlanAndTasksEndpoint
{
    [WolverineGet("/api/studios/{id}/plans/{year}", Name = "GetPlan"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Plans and ledger")]
    [ProducesResponseType<PlanView>(200)]
    public static async Task<IResult> Plan(Guid id, int year, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        if (await History.Load(session, id, null, clock.Today(), [year], ct) is not { } at) return Results.Problem(Problems.NotFound($"No studio {id}."));
        if (at.Year(year).Plan is not { } plan) return Results.Problem(Problems.NotFound($"No plan for {year}; the host drafts it (PUT …/plans/{year})."));
        return Results.Ok(new PlanView(id, year, plan.Goals, plan.Revision, plan.Approval is not null, plan.Approval,
            [.. plan.Tasks.Select(t => PlannedTask.Of(t, at.Studio))], plan.Revisions));
    }

    [WolverineGet("/api/studios/{id}/tasks", Name = "ListTasks"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Plans and ledger")]
    [ProducesResponseType<IReadOnlyList<TaskSummary>>(200)]
    public static async Task<IResult> Tasks(Guid id, int? year, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var asked = year ?? today.Year;
        if (await History.Load(session, id, null, today, [asked], ct) is not { } at) return Results.Problem(Problems.NotFound($"No studio {id}."));
        return Results.Ok(at.Year(asked).Tasks.Select(t => new TaskSummary(t.TaskId, t.Spec.Title, t.Spec.OwnerId,
            t.Spec.OwnerId is { } owner ? TeacherName.Of(at.Studio, owner) : null, t.Spec.Due, t.Origin, t.Status,
            t.Percent, LedgerView.IsOverdue(t, today))).ToList());
    }

    [WolverineGet("/api/studios/{id}/tasks/{taskId}", Name = "GetTask"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Plans and ledger")]
    [ProducesResponseType<TaskView>(200)]
    public static async Task<IResult> OneTask(Guid id, Guid taskId, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        // A task in the ledger has a standing of its own (carrying over moves its year); one planned but not approved yet
        // is in its plan, which the studio's decision state lists.
        var standing = await session.LoadAsync<TaskStanding>(taskId, ct);
        int? year = standing?.StudioId == id ? standing.Year
            : (await session.LoadAsync<StudioState>(id, ct))?.Plans.Where(p => p.Value.Planned.Contains(taskId)).Select(p => (int?)p.Key).FirstOrDefault();
        var unknown = Problems.NotFound($"No task {taskId} in this studio's plans or ledgers.");
        if (year is not { } y) return Results.Problem(unknown);
        if (await History.Load(session, id, null, today, [y], ct) is not { } at) return Results.Problem(Problems.NotFound($"No studio {id}."));
        var activities = await ActivityQueries.OfYear(session, id, y, ct);
        var line = LedgerView.Of(at.Studio, at.Year(y), today, activities).Tasks.FirstOrDefault(t => t.TaskId == taskId);
        return line is null ? Results.Problem(unknown) : Results.Ok(new TaskView(id, y, line));
    }
}
