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

/// <summary>How the task went, in <c>reason</c> like every other step of a task (it was <c>note</c> before contract 4.0.0).</summary>
public sealed record ProgressTask([Text(2000), Formerly("note")] string Reason, [Between(0, 100)] int? Percent = null);

/// <summary>POST /api/studios/{id}/tasks/{taskId}/progress — a progress note on an open task.</summary>
public static class ProgressTaskEndpoint
{
    public static DocumentById<TaskStanding> Load(Guid taskId) => new(taskId);

    [WolverineBefore]
    public static ProblemDetails Rules(Guid taskId, StudioState studio, TaskStanding? task, Stamp stamp) =>
        PlanRules.Can(studio.Task(taskId, task), taskId, PlanRules.Move.Progress, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/tasks/{taskId}/progress", Name = "ProgressTask"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Plans and ledger")]
    public static TaskProgressed Post(ProgressTask command, Guid taskId, [WriteAggregate("id")] StudioState studio, TaskStanding? task, Stamp stamp) =>
        new(studio.Task(taskId, task)!.Year, taskId, command.Reason, command.Percent, stamp.By, stamp.At);
}
