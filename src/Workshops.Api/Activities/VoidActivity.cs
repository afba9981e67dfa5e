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

namespace Workshops.Activities;

public sealed record VoidActivity([Text(1000)] string Reason);

/// <summary>POST /api/studios/{id}/activities/{activityId}/void — void a mistaken activity; it stays in history, out of every count.</summary>
public static class VoidActivityEndpoint
{
    public static DocumentById<ActivityEntry> Load(Guid activityId) => new(activityId);

    [WolverineBefore]
    public static ProblemDetails Rules(StudioState studio, ActivityEntry? entry) => ActivityRules.Changeable(entry, studio.Id).OrContinue();

    /// <summary>The activity in full: the void states the facts it takes away.</summary>
    [WolverineBefore]
    public static Task<ActivityRecord?> LoadRecord(ActivityEntry entry, IDocumentSession session, CancellationToken ct) => ActivityRecords.Of(session, entry, ct);

    [WolverinePost("/api/studios/{id}/activities/{activityId}/void", Name = "VoidActivity"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Activities")]
    public static ActivityVoided Post(VoidActivity command, [WriteAggregate("id")] StudioState studio, ActivityRecord record, Stamp stamp) =>
        new(record.Id, record.Facts, command.Reason, stamp.By, stamp.At);
}
