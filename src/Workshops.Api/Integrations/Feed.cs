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
/// A page of the feed: at most <c>limit</c> events. To continue, pass <c>cursor</c> back as <c>cursor</c> (it carries a
/// position per province). A province's client may instead pass <c>next</c> as <c>after</c> and <c>nextSkip</c> as
/// <c>skip</c> (one stored event can make several public ones, hours per attendee; <c>nextSkip</c> says how many of the
/// next one this page already holds); <c>after</c>, <c>next</c>, <c>highWaterMark</c> and <c>nextSkip</c> are 0 on a
/// page read with a cursor.
/// </summary>
public sealed record FeedPage(IReadOnlyList<IntegrationEvent> Events, long After, long Next, long HighWaterMark, bool More, int NextSkip = 0,
    string Cursor = "");

/// <summary>
/// GET /api/feed?cursor=&amp;limit= (or ?after=&amp;skip=&amp;limit=) — integration events of the caller's region, at most
/// <c>limit</c> a page. Within a province the events come in the event store's total order, and only those at or below
/// its high-water mark: sequence numbers are taken before their transactions commit, so a later sequence can become
/// visible before an earlier one; below the mark there are no such gaps left (the async daemon's high-water agent
/// decides when a gap is a rolled-back transaction). Reading to the end and resuming from the returned cursor therefore
/// misses nothing and repeats nothing. One read examines at most <see cref="MaxEventsPerRead"/> stored events of a
/// province, whatever matches.
/// <para>
/// With a database per province, a national client's read (or any read given a <c>cursor</c>) asks every province it
/// reaches in parallel, each from its own position, and merges by the store's time, then province code, then sequence.
/// A province that does not answer is named in <c>Missing-Provinces</c> (or the read answers 503 when
/// <c>complete=true</c>) and keeps its position in the next cursor, so its events come on a later page.
/// </para>
/// </summary>
public static class FeedEndpoint
{
    public const int MaxLimit = 500;
    public const int MaxEventsPerRead = 5000;

    [WolverineGet("/api/feed", Name = "Feed"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    [ProducesResponseType<FeedPage>(200)]
    public static async Task<IResult> Get(long? after, int? skip, int? limit, string? cursor, bool? complete, IQuerySession session,
        IDocumentStore store, Tenants tenants, TenantData databases, HttpContext http, CancellationToken ct)
    {
        var take = limit ?? 100;
        var from = after ?? 0;
        var check = new Check().When(take is < 1 or > MaxLimit, "limit", $"must be between 1 and {MaxLimit}")
            .When(from < 0, "after", "must be 0 or a cursor returned by the feed")
            .When(skip is < 0, "skip", "must be 0 or the nextSkip returned by the feed");
        if (!check.Ok) return Results.Problem(check.Result());
        var caller = Caller.From(http.User);
        if (caller.Region is null) return Results.Problem(Problems.Forbidden("An integration client needs a region claim."));

        var reachable = tenants.Reachable(caller);
        if (cursor is not null || reachable.Count > 1)
        {
            if (after is not null || skip is not null)
                return Results.Problem(Problems.Invalid("after", "a read across provinces continues with cursor, not after and skip"));
            var positions = cursor is null ? new Dictionary<string, FeedPosition>(StringComparer.Ordinal) : FeedCursor.Read(cursor);
            if (positions is null)
                return Results.Problem(Problems.Invalid("cursor", "must be a cursor returned by the feed"));
            // The cursor carries positions, not permissions: a province the token does not reach is refused, never read.
            if (positions.Keys.FirstOrDefault(t => !reachable.Contains(t)) is { } foreign)
                return Results.Problem(Problems.Invalid("cursor", $"names a position in {(foreign.Length == 0 ? "another deployment" : foreign)}, which this client does not read"));
            var legs = await tenants.Each(store, reachable, (leg, token) =>
                Read(leg, databases.Of(leg), caller, positions.GetValueOrDefault(tenants.Separate ? leg.TenantId : Tenants.Single, FeedPosition.Start), take, token), ct);
            if (legs.Incomplete(http, complete) is { } incomplete) return Results.Problem(incomplete);
            var read = legs.All.Where(l => l.Failure is null).Select(l => l.Value! with { Tenant = l.Tenant }).ToList();
            var merged = FeedMerge.Page(read, positions, take);
            return Results.Ok(new FeedPage(merged.Items.Select(i => i.Item).ToList(), 0, 0, 0, merged.More, 0, FeedCursor.Write(merged.Next)));
        }

        var one = await Read(session, databases.Of(session), caller, new FeedPosition(from, skip ?? 0), take, ct);
        var next = new Dictionary<string, FeedPosition> { [reachable.Count == 1 ? reachable[0] : Tenants.Single] = one.End };
        return Results.Ok(new FeedPage(one.Items.Select(i => i.Item).ToList(), from, one.End.After, one.Mark, one.Full, one.End.Skip,
            FeedCursor.Write(next)));
    }

    /// <summary>
    /// One database's part of a page: up to <paramref name="take"/> events after <paramref name="from"/>, at or below its
    /// high-water mark, and where it continues when all of them are taken.
    /// </summary>
    private static async Task<FeedLeg<IntegrationEvent>> Read(IQuerySession session, NpgsqlDataSource data, Caller caller, FeedPosition from,
        int take, CancellationToken ct)
    {
        var mark = await HighWater.Mark(data, ct);
        var page = new EventPage<Fed<IntegrationEvent>>(take, from.After, from.Skip);
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
                var items = studio is null || !caller.Covers(studio.Region) ? [] : IntegrationEvents.From(e, studio).ToList();
                if (!page.Add(e.Sequence, items.Select((item, i) => new Fed<IntegrationEvent>(item, e.Timestamp, e.Sequence, i, i == items.Count - 1)))) break;
                if (++examined >= MaxEventsPerRead)
                {
                    page.Stop();
                    break;
                }
            }
        }
        var next = page.Full ? new FeedPosition(page.Position, page.NextSkip) : new FeedPosition(Math.Max(from.After, mark), 0);
        return new FeedLeg<IntegrationEvent>(session.TenantId, page.Items, next, page.Full) { Mark = mark };
    }
}
