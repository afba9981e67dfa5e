using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;
using Workshops.Years;

namespace Workshops.Plans;

public sealed record CarryOverTask([Text(1000)] string Reason);

/// <summary>POST /api/studios/{id}/tasks/{taskId}/carry-over — carry an open task into next year's ledger, with a reason.</summary>
public static class CarryOverTaskEndpoint
{
    /// <summary>The task's standing, and its spec as the ledger of its year has it (the event carries the spec into the next year).</summary>
    public static async Task<(TaskStanding?, TaskSpec?)> LoadAsync(Guid id, Guid taskId, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var task = await session.LoadAsync<TaskStanding>(taskId, ct);
        if (task is null || task.StudioId != id) return (task, null);
        var at = await History.Load(session, id, null, clock.Today(), [task.Year], ct);
        return (task, at?.Year(task.Year).Tasks.FirstOrDefault(t => t.TaskId == taskId)?.Spec);
    }

    [WolverineBefore]
    public static ProblemDetails Rules(Guid taskId, StudioState studio, TaskStanding? task, Stamp stamp) =>
        PlanRules.Can(studio.Task(taskId, task), taskId, PlanRules.Move.CarryOver, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/tasks/{taskId}/carry-over", Name = "CarryOverTask"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Plans and ledger")]
    public static TaskCarriedOver Post(CarryOverTask command, Guid taskId, [WriteAggregate("id")] StudioState studio, TaskStanding? task, TaskSpec? spec,
        Stamp stamp) =>
        new(task!.Year, taskId, task.Year + 1, command.Reason, spec!, stamp.By, stamp.At);
}
