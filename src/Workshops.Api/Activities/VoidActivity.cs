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

namespace Workshops.Activities;

public sealed record VoidActivity(string Reason);

/// <summary>POST /api/studios/{id}/activities/{activityId}/void — void a mistaken activity; it stays in history, out of every count.</summary>
public static class VoidActivityEndpoint
{
    public static Task<ActivityRecord?> LoadAsync(Guid activityId, IDocumentSession session, CancellationToken ct) =>
        session.LoadAsync<ActivityRecord>(activityId, ct);

    public static ProblemDetails Validate(VoidActivity command) => new Check().Text(command.Reason, "reason", 1000).Result();

    [WolverineBefore]
    public static ProblemDetails Rules(Studio studio, ActivityRecord? record) => ActivityRules.Changeable(record, studio.Id).OrContinue();

    [WolverinePost("/api/studios/{id}/activities/{activityId}/void", Name = "VoidActivity"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Activities")]
    public static ActivityVoided Post(VoidActivity command, [WriteAggregate("id")] Studio studio, ActivityRecord record, Stamp stamp) =>
        new(record.Id, record.Facts, command.Reason, stamp.By, stamp.At);
}
