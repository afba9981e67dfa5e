using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Contract;
using Workshops.Core.Http;

namespace Workshops.Studios;

/// <summary>
/// A studio as the list shows it: who it is, where, its host and coordinator by name, how many people it has and where it
/// stands today; the roster, plans, tasks and history are in the studio view (GET /api/studios/{id}, the <c>url</c>).
/// </summary>
[Labelled]
public sealed record StudioListing(
    Guid Id,
    string Name,
    string School,
    Region Region,
    StudioLevel Level,
    Track Track,
    bool Rural,
    DateOnly FoundedOn,
    BuildMode Mode,
    bool Published,
    TeacherName? Host,
    TeacherName? Coordinator,
    int Members,
    int Trainees,
    int Experts,
    int Warnings,
    StudioStanding Standing,
    DateOnly TermEnds,
    DateOnly? RectifyBy,
    bool RectificationOverdue,
    bool AssessmentOverdue,
    string Url)
{
    /// <summary>The summary of a studio view; whether a rectification or the term's assessment is overdue is judged on <paramref name="today"/>.</summary>
    public static StudioListing Of(Studio studio, DateOnly today)
    {
        var lifecycle = studio.Lifecycle.On(today);
        return new(studio.Id, studio.Name, studio.School, studio.Region, studio.Level, studio.Track, studio.Rural, studio.FoundedOn, studio.Mode,
            studio.Published, Person(studio.Host), Person(studio.Coordinator), studio.Members.Count, studio.Trainees.Count, studio.Experts.Count,
            studio.Warnings.Count, lifecycle.Standing, lifecycle.TermEnds, lifecycle.RectifyBy, lifecycle.RectificationOverdue,
            lifecycle.AssessmentOverdue, $"/api/studios/{studio.Id}");
    }

    private static TeacherName? Person(Roster.RosterEntry? entry) => entry is null ? null : new(entry.Teacher.Id, entry.Teacher.Name);
}

/// <summary>
/// GET /api/studios?region=&amp;page=&amp;pageSize=&amp;complete= — the studios the caller may see: hosts and members their
/// own, school admins, reviewers and integration clients those in their region (optionally narrowed by region); each
/// summary says whether a rectification is overdue today (<see cref="StudioListing"/>).
/// With a database per province the list is read from every province the caller reaches, in parallel, and merged in
/// one order (name, then id, compared by code point as the C-collated databases sort them); a province that does not
/// answer is named in the Missing-Provinces header, or refuses the read with 503 when complete=true.
/// </summary>
public static class ListStudiosEndpoint
{
    [WolverineGet("/api/studios", Name = "ListStudios"), Authorize(Policy = Policies.Authenticated)]
    [Tags("Studios")]
    [ProducesResponseType<Page<StudioListing>>(200)]
    public static async Task<IResult> Get(string? region, int? page, int? pageSize, bool? complete, IDocumentStore store, Tenants tenants,
        HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var check = new Check().Paging(page, pageSize).Region(region, "region");
        if (!check.Ok) return Results.Problem(check.Result());
        var caller = Caller.From(http.User);
        // Hosts and members list their own studios (in the region asked, if any); everyone else a region their own covers.
        string? scope = null;
        if (caller.Role is not (Role.Host or Role.Member))
        {
            (scope, var refused) = caller.ListScope(region);
            if (refused is not null) return Results.Problem(refused);
        }

        var number = page ?? 1;
        var size = pageSize ?? 20;
        var targets = tenants.Within(caller, region ?? scope ?? Region.National);
        // One database pages in place; several each give their first number × size rows, and the merge takes the page.
        var inPlace = targets.Count == 1;
        var legs = await tenants.Each(store, targets, async (session, token) =>
        {
            var query = Visible(session, caller, region, scope);
            var total = await query.CountAsync(token);
            var ordered = query.OrderBy(s => s.Name).ThenBy(s => s.Id);
            var rows = inPlace
                ? await ordered.Skip((number - 1) * size).Take(size).ToListAsync(token)
                : await ordered.Take(number * size).ToListAsync(token);
            var ids = rows.Select(s => s.Id).ToArray();
            var read = await Latest.Of(session, ids, token, new Latest.Want(typeof(Studio), ids));
            var views = new List<(StudioIdentity Key, Studio? View)>();
            foreach (var s in rows)
                views.Add((s, StudioViews.Fold(read, 0, s.Id) ?? (StudioViews.Missed(read, s.Id) ? await StudioViews.FromStream(session, s.Id, token) : null)));
            return (Total: total, Rows: views);
        }, ct);
        if (legs.Incomplete(http, complete) is { } incomplete) return Results.Problem(incomplete);

        // One database: its page as it sorted it (whatever its collation); several: the union in code-point order.
        var rows = inPlace
            ? legs.Values.SelectMany(l => l.Rows)
            : legs.Values.SelectMany(l => l.Rows)
                .OrderBy(r => r.Key.Name, StringComparer.Ordinal).ThenBy(r => r.Key.Id.ToString(), StringComparer.Ordinal)
                .Skip((number - 1) * size).Take(size);
        var today = clock.Today();
        var merged = rows.Select(r => r.View).OfType<Studio>().Select(v => StudioListing.Of(v, today)).ToList();
        return Results.Ok(new Page<StudioListing>(merged, number, size, legs.Values.Sum(l => (long)l.Total)));
    }

    private static IQueryable<StudioIdentity> Visible(IQuerySession session, Caller caller, string? region, string? scope)
    {
        IQueryable<StudioIdentity> query = session.Query<StudioIdentity>();
        if (caller.Role is Role.Host or Role.Member)
        {
            var own = caller.Studios.ToArray();
            query = query.Where(s => own.Contains(s.Id));
            if (region is not null) query = query.InRegion(region);
            return query;
        }
        return query.InRegion(scope!);
    }
}
