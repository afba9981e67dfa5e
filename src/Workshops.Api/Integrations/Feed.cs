using JasperFx.Events;
using Marten.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Integrations;

/// <summary>A page of the feed; <c>next</c> is the cursor to continue from (pass it as <c>after</c>).</summary>
public sealed record FeedPage(IReadOnlyList<IntegrationEvent> Events, long After, long Next, long HighWaterMark, bool More);

/// <summary>
/// GET /api/feed?after={cursor}&amp;limit= — integration events of the caller's region in the event store's total order.
/// Only events at or below the high-water mark are served: sequence numbers are taken before their transactions
/// commit, so a later sequence can become visible before an earlier one; below the mark there are no such gaps left
/// (the async daemon's high-water agent decides when a gap is a rolled-back transaction). Reading to the end and
/// resuming from <c>next</c> therefore misses nothing and repeats nothing.
/// </summary>
public static class FeedEndpoint
{
    public const int MaxLimit = 500;

    [WolverineGet("/api/feed", Name = "Feed"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    [ProducesResponseType<FeedPage>(200)]
    public static async Task<IResult> Get(long? after, int? limit, IQuerySession session, NpgsqlDataSource data, HttpContext http,
        CancellationToken ct)
    {
        var take = limit ?? 100;
        var from = after ?? 0;
        if (take is < 1 or > MaxLimit) return Results.Problem(Problems.Invalid("limit", $"must be between 1 and {MaxLimit}"));
        if (from < 0) return Results.Problem(Problems.Invalid("after", "must be 0 or a cursor returned by the feed"));
        var caller = Caller.From(http.User);
        if (caller.Region is null) return Results.Problem(Problems.Forbidden("An integration client needs a region claim."));

        var mark = await HighWaterMark(data, ct);
        var raw = await session.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > from && e.Sequence <= mark)
            .Where(e => e.EventTypesAre(IntegrationTypes.Sources))
            .OrderBy(e => e.Sequence)
            .Take(take)
            .ToListAsync(ct);
        var events = new List<IntegrationEvent>();
        foreach (var e in raw)
        {
            var studio = await StudioIdentities.Of(session, e.StreamId, ct);
            if (studio is null || !caller.Covers(studio.Region)) continue;
            events.AddRange(IntegrationEvents.From(e, studio));
        }
        var more = raw.Count == take;
        var next = more ? raw[^1].Sequence : Math.Max(from, mark);
        return Results.Ok(new FeedPage(events, from, next, mark, more));
    }

    public static async Task<long> HighWaterMark(NpgsqlDataSource data, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand($"select last_seq_id from {Setup.Schema}.mt_event_progression where name = 'HighWaterMark'");
        return await cmd.ExecuteScalarAsync(ct) is long mark ? mark : 0;
    }
}
