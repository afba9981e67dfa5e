using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Plans;

public sealed record CloseTask([Text(2000)] string Note, [Items(0, 20), HttpUrl] IReadOnlyList<string>? Evidence = null,
    [Items(0, 100)] IReadOnlyList<Guid>? ActivityIds = null);

/// <summary>POST /api/studios/{id}/tasks/{taskId}/close — close a task off (销账) with a note, evidence and the activities that did it.</summary>
public static class CloseTaskEndpoint
{
    public static async Task<IReadOnlyList<ActivityRecord>> LoadAsync(CloseTask command, IDocumentSession session, CancellationToken ct) =>
        command.ActivityIds is { Count: > 0 } ids ? await session.LoadManyAsync<ActivityRecord>(ct, ids) : [];

    public static ProblemDetails Validate(CloseTask command, Guid taskId, Studio studio, IReadOnlyList<ActivityRecord> activities,
        HttpContext http, TimeProvider clock)
    {
        var check = new Check().Text(command.Note, "note", 2000)
            .Count(command.Evidence, "evidence", 0, 20)
            .Count(command.ActivityIds, "activityIds", 0, 100);
        foreach (var (url, i) in (command.Evidence ?? []).Select((u, i) => (u, i))) check.Url(url, $"evidence[{i}]");
        if (!check.Ok) return check.Result();
        if (Writes.IfMatch(http, studio.Version) is { } stale) return stale;
        if (PlanRules.Can(studio, taskId, PlanRules.Move.Close, clock.Today()) is { } refused) return Problems.Rule(refused);
        foreach (var id in command.ActivityIds ?? [])
        {
            var record = activities.FirstOrDefault(a => a.Id == id);
            if (record is null || record.StudioId != studio.Id || record.Voided)
                return Problems.Rule("task.unknown-activity", $"Activity {id} is not a standing activity of this studio.");
        }
        return WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/studios/{id}/tasks/{taskId}/close", Name = "CloseTask"), Authorize(Policy = Policies.StudioWork)]
    [Tags("Plans and ledger")]
    public static (Written, TaskClosed) Post(CloseTask command, Guid taskId, [Aggregate("id")] Studio studio, HttpContext http,
        TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version),
            new TaskClosed(studio.Tasks[taskId].Year, taskId, command.Note, command.Evidence ?? [], command.ActivityIds ?? [],
                http.Actor(), clock.GetUtcNow()));
}
