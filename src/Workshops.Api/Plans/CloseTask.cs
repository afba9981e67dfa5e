using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Plans;

/// <summary>Closing a task off: why it is done in <c>reason</c> (it was <c>note</c> before contract 4.0.0), evidence and the activities that did it.</summary>
public sealed record CloseTask([Text(2000), Formerly("note")] string Reason, [Items(0, 20), HttpUrl] IReadOnlyList<string>? Evidence = null,
    [Items(0, 100)] IReadOnlyList<Guid>? ActivityIds = null);

/// <summary>POST /api/studios/{id}/tasks/{taskId}/close — close a task off (销账) with a reason, evidence and the activities that did it.</summary>
public static class CloseTaskEndpoint
{
    public static (DocumentById<TaskStanding>, DocumentsById<ActivityEntry>) Load(CloseTask command, Guid taskId) =>
        (new(taskId), new([.. command.ActivityIds ?? []]));

    public static ProblemDetails Validate(CloseTask command)
    {
        var check = new Check().Text(command.Reason, "reason", 2000)
            .Count(command.Evidence, "evidence", 0, 20)
            .Count(command.ActivityIds, "activityIds", 0, 100);
        foreach (var (url, i) in (command.Evidence ?? []).Select((u, i) => (u, i))) check.Url(url, $"evidence[{i}]");
        return check.Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(CloseTask command, Guid taskId, StudioState studio, TaskStanding? task, IReadOnlyList<ActivityEntry> activities,
        Stamp stamp)
    {
        if (PlanRules.Can(studio.Task(taskId, task), taskId, PlanRules.Move.Close, stamp.Today) is { } refused) return Problems.Rule(refused);
        foreach (var id in command.ActivityIds ?? [])
        {
            var record = activities.FirstOrDefault(a => a.Id == id);
            if (record is null || record.StudioId != studio.Id || record.Voided)
                return Problems.Rule("task.unknown-activity", $"Activity {id} is not a standing activity of this studio.");
        }
        return WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/studios/{id}/tasks/{taskId}/close", Name = "CloseTask"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Plans and ledger")]
    public static TaskClosed Post(CloseTask command, Guid taskId, [WriteAggregate("id")] StudioState studio, TaskStanding? task, Stamp stamp) =>
        new(task!.Year, taskId, command.Reason, command.Evidence ?? [], command.ActivityIds ?? [], stamp.By, stamp.At);
}
