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

namespace Workshops.Plans;

public sealed record CancelTask([Text(1000)] string Reason);

/// <summary>POST /api/studios/{id}/tasks/{taskId}/cancel — cancel an open task, with a reason.</summary>
public static class CancelTaskEndpoint
{
    public static DocumentById<TaskStanding> Load(Guid taskId) => new(taskId);

    [WolverineBefore]
    public static ProblemDetails Rules(Guid taskId, StudioState studio, TaskStanding? task, Stamp stamp) =>
        PlanRules.Can(studio.Task(taskId, task), taskId, PlanRules.Move.Cancel, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/tasks/{taskId}/cancel", Name = "CancelTask"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Plans and ledger")]
    public static TaskCancelled Post(CancelTask command, Guid taskId, [WriteAggregate("id")] StudioState studio, TaskStanding? task, Stamp stamp) =>
        new(task!.Year, taskId, command.Reason, stamp.By, stamp.At);
}
