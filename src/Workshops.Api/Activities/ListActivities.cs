using Marten;
using Marten.Linq.MatchesSql;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Activities;

/// <summary>
/// GET /api/studios/{id}/activities?year=&amp;kind=&amp;domain=&amp;teacherId=&amp;includeVoided=&amp;page=&amp;pageSize= —
/// newest first, as summaries (<see cref="ActivityListing"/>) with the url of each record. GET /api/studios/{id}/activities/{activityId} — one activity with its history.
/// </summary>
public static class ListActivitiesEndpoint
{
    [WolverineGet("/api/studios/{id}/activities", Name = "ListActivities"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Activities")]
    [ProducesResponseType<Page<ActivityListing>>(200)]
    public static async Task<IResult> Get(Guid id, int? year, string? kind, string? domain, string? teacherId, bool? includeVoided,
        int? page, int? pageSize, IQuerySession session, CancellationToken ct)
    {
        var check = new Check()
            .Paging(page, pageSize)
            .Code<ActivityKind>(kind, "kind")
            .Code<Domain>(domain, "domain");
        if (!check.Ok) return Results.Problem(check.Result());

        var query = session.Query<ActivityEntry>().Where(a => a.StudioId == id);
        if (includeVoided != true) query = query.Where(a => !a.Voided);
        if (year is not null) query = query.Where(a => a.Year == year);
        if (kind is not null) query = query.Where(a => a.KindCode == kind);
        if (domain is not null) query = query.Where(a => a.DomainCodes.Contains(domain));
        if (teacherId is not null)
        {
            var (rows, objects) = StoredAttended.Containing(teacherId);
            query = query.Where(a => a.MatchesSql("(d.data -> 'attendees' @> ?::jsonb or d.data -> 'attendees' @> ?::jsonb)", rows, objects));
        }
        var entries = await Paging.Read(query.OrderByDescending(a => a.Date).ThenByDescending(a => a.Id), page, pageSize, ct);
        var people = entries.Items.Count == 0 ? null : await Studios.StudioViews.Latest(session, id, ct);
        return Results.Ok(entries.With([.. (await ActivityRecords.Of(session, entries.Items, ct)).Select(r => ActivityListing.Of(r, people))]));
    }

    [WolverineGet("/api/studios/{id}/activities/{activityId}", Name = "GetActivity"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Activities")]
    [ProducesResponseType<ActivityRecord>(200)]
    public static async Task<IResult> GetOne(Guid id, Guid activityId, IQuerySession session, CancellationToken ct)
    {
        var entry = await session.LoadAsync<ActivityEntry>(activityId, ct);
        var record = entry?.StudioId == id ? await ActivityRecords.Of(session, entry, ct) : null;
        return record is null
            ? Results.Problem(Problems.NotFound($"No activity {activityId} in studio {id}."))
            : Results.Ok(record.Named(await Studios.StudioViews.Latest(session, id, ct)));
    }
}
