using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Activities;

public sealed record VoidActivity([Text(1000)] string Reason);

/// <summary>POST /api/studios/{id}/activities/{activityId}/void — void a mistaken activity; it stays in history, out of every count.</summary>
public static class VoidActivityEndpoint
{
    public static Task<ActivityRecord?> LoadAsync(Guid activityId, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<ActivityRecord>(activityId, ct);

    public static ProblemDetails Validate(VoidActivity command, Studio studio, ActivityRecord? record, HttpContext http)
    {
        var check = new Check().Text(command.Reason, "reason", 1000);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? ActivityRules.Changeable(record, studio.Id).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/activities/{activityId}/void", Name = "VoidActivity"), Authorize(Policy = Policies.StudioWork)]
    [Tags("Activities")]
    public static (Written, ActivityVoided) Post(VoidActivity command, [Aggregate("id")] Studio studio, ActivityRecord record,
        HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version),
            new ActivityVoided(record.Id, record.Facts, command.Reason, http.Actor(), clock.GetUtcNow()));
}
