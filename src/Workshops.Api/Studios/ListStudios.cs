using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Studios;

/// <summary>
/// GET /api/studios?region=&amp;page=&amp;pageSize=&amp;complete= — the studios the caller may see: hosts and members their
/// own, school admins, reviewers and integration clients those in their region (optionally narrowed by region); each
/// lifecycle says whether a rectification is overdue today.
/// With a database per province the list is read from every province the caller reaches, in parallel, and merged in
/// one order (name, then id, compared by code point as the C-collated databases sort them); a province that does not
/// answer is named in the Missing-Provinces header, or refuses the read with 503 when complete=true.
/// </summary>
public static class ListStudiosEndpoint
{
    [WolverineGet("/api/studios", Name = "ListStudios"), Authorize(Policy = Policies.Authenticated)]
    [Tags("Studios")]
    [ProducesResponseType<Page<Studio>>(200)]
    public static async Task<IResult> Get(string? region, int? page, int? pageSize, bool? complete, IDocumentStore store, Tenants tenants,
        HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        if (Paging.Check(page, pageSize) is { } bad) return Results.Problem(bad);
        if (region is not null && !Region.IsScope(region))
            return Results.Problem(Problems.Invalid("region", "must be a six-digit region code"));
        var caller = Caller.From(http.User);
        string? scope = null;
        if (caller.Role is not (Role.Host or Role.Member))
        {
            scope = region ?? caller.Region;
            if (scope is null || !caller.CoversCode(scope))
                return Results.Problem(Problems.Forbidden(
                    $"The caller's region ({caller.Region ?? "none"}) does not cover {scope ?? "this query"}."));
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
        var merged = rows.Select(r => r.View).OfType<Studio>().Select(v => v with { Lifecycle = v.Lifecycle.On(today) }).ToList();
        return Results.Ok(new Page<Studio>(merged, number, size, legs.Values.Sum(l => (long)l.Total)));
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
