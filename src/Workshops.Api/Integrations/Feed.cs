using JasperFx.Events;
using Marten.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using System.ComponentModel;
using System.Text.Json.Serialization;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Integrations;

/// <summary>
/// A page of the feed: at most <c>limit</c> events. <c>next</c> is the address of the next page (this query with this
/// page's cursor) while there is more to read now; a page without it is the end, for now. <c>cursor</c> is where reading
/// continues, on every page: keep the last one and pass it back (<c>?cursor=</c>) later to read only what came since.
/// It is opaque: a position per province, including how many public events of a stored event were already read (one
/// activity gives hours per attendee).
/// </summary>
public sealed record FeedPage(
    IReadOnlyList<IntegrationEvent> Events,
    [property: Description("Where reading continues after this page, opaque: pass it back as `cursor`, now or later (what came since).")]
    string Cursor,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull),
               Description("The address of the next page (this query with `cursor`), while there is more to read now; absent at the end.")]
    string? Next = null);

/// <summary>
/// GET /api/feed?cursor=&amp;limit= — integration events of the caller's region, at most <c>limit</c> a page. Within a
/// province the events come in the event store's total order, and only those at or below its high-water mark: sequence
/// numbers are taken before their transactions commit, so a later sequence can become visible before an earlier one;
/// below the mark there are no such gaps left (the async daemon's high-water agent decides when a gap is a rolled-back
/// transaction). Reading to the end and resuming from the returned cursor therefore misses nothing and repeats nothing.
/// One read examines at most <see cref="MaxEventsPerRead"/> stored events of a province, whatever matches.
/// <para>
/// With a database per province, a national client's read asks every province it reaches in parallel, each from its own
/// position in the cursor, and merges by the store's time, then province code, then sequence. A province that does not
/// answer is named in <c>Missing-Provinces</c> (or the read answers 503 when <c>complete=true</c>) and keeps its
/// position in the next cursor, so its events come on a later page.
/// </para>
/// <para>
/// Contract 7.0.0 retired the parameters <c>after</c> and <c>skip</c> and the fields <c>after</c>, <c>next</c> (a
/// number), <c>nextSkip</c>, <c>highWaterMark</c> and <c>more</c>: a read that still sends the parameters is told so
/// (400) rather than served from the start.
/// </para>
/// </summary>
public static class FeedEndpoint
{
    public const int MaxLimit = 500;
    public const int MaxEventsPerRead = 5000;

    /// <summary>The query parameters contract 7.0.0 retired: the cursor replaces them.</summary>
    public static readonly string[] Retired = ["after", "skip"];

    [WolverineGet("/api/feed", Name = "Feed"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    [ProducesResponseType<FeedPage>(200)]
    public static async Task<IResult> Get(int? limit, string? cursor, bool? complete, IQuerySession session, IDocumentStore store, Tenants tenants,
        TenantData databases, HttpContext http, CancellationToken ct)
    {
        var take = limit ?? 100;
        var positions = cursor is null ? new Dictionary<string, FeedPosition>(StringComparer.Ordinal) : FeedCursor.Read(cursor);
        var check = new Check().When(take is < 1 or > MaxLimit, "limit", $"must be between 1 and {MaxLimit}")
            .When(positions is null, "cursor", "must be a cursor returned by the feed (the cursor of a page, or the one in its next)");
        foreach (var retired in Retired.Where(http.Request.Query.ContainsKey))
            check.Add(retired, "was retired in contract 7.0.0: follow the page's next, or pass its cursor as cursor");
        if (!check.Ok) return Results.Problem(check.Result());
        var caller = Caller.From(http.User);
        if (caller.Region is null) return Results.Problem(Problems.Forbidden("An integration client needs a region claim."));

        var reachable = tenants.Reachable(caller);
        var own = reachable.Count == 1 ? reachable[0] : Tenants.Single;
        // The cursor carries positions, not permissions: a province the token does not reach is refused, never read.
        if (positions!.Keys.FirstOrDefault(t => !reachable.Contains(t) && t != own) is { } foreign)
            return Results.Problem(Problems.Invalid("cursor", $"names a position in {(foreign.Length == 0 ? "another deployment" : foreign)}, which this client does not read"));
        string? Next(bool more, string at) =>
            more ? $"/api/feed?cursor={Uri.EscapeDataString(at)}&limit={take}" + (complete is true ? "&complete=true" : "") : null;

        if (reachable.Count > 1)
        {
            var legs = await tenants.Each(store, reachable, (leg, token) =>
                Read(leg, databases.Of(leg), caller, positions.GetValueOrDefault(tenants.Separate ? leg.TenantId : Tenants.Single, FeedPosition.Start), take, token), ct);
            if (legs.Incomplete(http, complete) is { } incomplete) return Results.Problem(incomplete);
            var read = legs.All.Where(l => l.Failure is null).Select(l => l.Value! with { Tenant = l.Tenant }).ToList();
            var merged = FeedMerge.Page(read, positions, take);
            var at = FeedCursor.Write(merged.Next);
            return Results.Ok(new FeedPage(merged.Items.Select(i => i.Item).ToList(), at, Next(merged.More, at)));
        }

        var one = await Read(session, databases.Of(session), caller, positions.GetValueOrDefault(own, FeedPosition.Start), take, ct);
        var cursorAfter = FeedCursor.Write(new Dictionary<string, FeedPosition> { [own] = one.End });
        return Results.Ok(new FeedPage(one.Items.Select(i => i.Item).ToList(), cursorAfter, Next(one.Full, cursorAfter)));
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
