using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Studios;

/// <summary>
/// GET /api/studios?region=&amp;page=&amp;pageSize= — the studios the caller may see: hosts and members their own,
/// school admins, reviewers and integration clients those in their region (optionally narrowed by region).
/// </summary>
public static class ListStudiosEndpoint
{
    [WolverineGet("/api/studios", Name = "ListStudios"), Authorize(Policy = Policies.Authenticated)]
    [Tags("Studios")]
    [ProducesResponseType<Page<Studio>>(200)]
    public static async Task<IResult> Get(string? region, int? page, int? pageSize, IQuerySession session,
        HttpContext http, CancellationToken ct)
    {
        if (Paging.Check(page, pageSize) is { } bad) return Results.Problem(bad);
        if (region is not null && !Region.IsScope(region))
            return Results.Problem(Problems.Invalid("region", "must be a six-digit region code"));
        var caller = Caller.From(http.User);
        IQueryable<StudioIdentity> query = session.Query<StudioIdentity>();
        if (caller.Role is Role.Host or Role.Member)
        {
            var own = caller.Studios.ToArray();
            query = query.Where(s => own.Contains(s.Id));
        }
        else
        {
            var scope = region ?? caller.Region;
            if (scope is null || !caller.CoversCode(scope))
                return Results.Problem(Problems.Forbidden(
                    $"The caller's region ({caller.Region ?? "none"}) does not cover {scope ?? "this query"}."));
            query = query.InRegion(scope);
        }
        if (region is not null && caller.Role is Role.Host or Role.Member)
            query = query.InRegion(region);

        var number = page ?? 1;
        var size = pageSize ?? 20;
        var list = await query.OrderBy(s => s.Name).ThenBy(s => s.Id).ToPagedListAsync(number, size, ct);
        var ids = list.Select(s => s.Id).ToArray();
        var read = await Latest.Of(session, ids, ct, new Latest.Want(typeof(Studio), ids));
        var views = ids.Select(id => StudioViews.Fold(read, 0, id)).OfType<Studio>().ToList();
        return Results.Ok(new Page<Studio>(views, number, size, list.TotalItemCount));
    }
}
