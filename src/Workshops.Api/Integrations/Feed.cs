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

/// <summary>
/// A page of the feed: at most <c>limit</c> events. To continue, pass <c>next</c> as <c>after</c> and <c>nextSkip</c> as
/// <c>skip</c> (one stored event can make several public ones, hours per attendee; <c>nextSkip</c> says how many of the
/// next one this page already holds).
/// </summary>
public sealed record FeedPage(IReadOnlyList<IntegrationEvent> Events, long After, long Next, long HighWaterMark, bool More, int NextSkip = 0);

/// <summary>
/// GET /api/feed?after={cursor}&amp;skip=&amp;limit= — integration events of the caller's region in the event store's total
/// order, at most <c>limit</c> a page. Only events at or below the high-water mark are served: sequence numbers are
/// taken before their transactions commit, so a later sequence can become visible before an earlier one; below the mark
/// there are no such gaps left (the async daemon's high-water agent decides when a gap is a rolled-back transaction).
/// Reading to the end and resuming from <c>next</c> and <c>nextSkip</c> therefore misses nothing and repeats nothing.
/// One read examines at most <see cref="MaxEventsPerRead"/> stored events, whatever matches.
/// </summary>
public static class FeedEndpoint
{
    public const int MaxLimit = 500;
    public const int MaxEventsPerRead = 5000;

    [WolverineGet("/api/feed", Name = "Feed"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    [ProducesResponseType<FeedPage>(200)]
    public static async Task<IResult> Get(long? after, int? skip, int? limit, IQuerySession session, TenantData databases, HttpContext http,
        CancellationToken ct)
    {
        var take = limit ?? 100;
        var from = after ?? 0;
        var check = new Check().When(take is < 1 or > MaxLimit, "limit", $"must be between 1 and {MaxLimit}")
            .When(from < 0, "after", "must be 0 or a cursor returned by the feed")
            .When(skip is < 0, "skip", "must be 0 or the nextSkip returned by the feed");
        if (!check.Ok) return Results.Problem(check.Result());
        var caller = Caller.From(http.User);
        if (caller.Region is null) return Results.Problem(Problems.Forbidden("An integration client needs a region claim."));

        var mark = await HighWaterMark(databases.Of(session), ct);
        var page = new EventPage<IntegrationEvent>(take, from, skip ?? 0);
        var examined = 0;
        var end = false;
        while (!page.Full && !end)
        {
            var batch = await session.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > page.Position && e.Sequence <= mark)
                .Where(e => e.EventTypesAre(IntegrationTypes.Sources))
                .OrderBy(e => e.Sequence)
                .Take(MaxLimit)
                .ToListAsync(ct);
            end = batch.Count < MaxLimit;
            foreach (var e in batch)
            {
                var studio = await StudioIdentities.Of(session, e.StreamId, ct);
                if (!page.Add(e.Sequence, studio is null || !caller.Covers(studio.Region) ? [] : IntegrationEvents.From(e, studio))) break;
                if (++examined >= MaxEventsPerRead)
                {
                    page.Stop();
                    break;
                }
            }
        }
        var next = page.Full ? page.Position : Math.Max(from, mark);
        return Results.Ok(new FeedPage(page.Items, from, next, mark, page.Full, page.NextSkip));
    }
    public static async Task<long> HighWaterMark(NpgsqlDataSource data, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand($"select last_seq_id from {Setup.Schema}.mt_event_progression where name = 'HighWaterMark'");
        return await cmd.ExecuteScalarAsync(ct) is long mark ? mark : 0;
    }
}
