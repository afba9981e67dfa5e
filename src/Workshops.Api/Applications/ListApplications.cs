using Marten;

namespace Workshops.Applications;

/// <summary>
/// GET /api/applications?region=&amp;state=&amp;page=&amp;pageSize= — the applications of the caller's region (or a region
/// inside it), optionally in one state, newest first, a page at a time.
/// </summary>
public static class ListApplicationsEndpoint
{
    [WolverineGet("/api/applications", Name = "ListApplications"), Authorize(Policy = ApplicationsSetup.Read)]
    [Tags("Applications")]
    [ProducesResponseType<Page<Application>>(200)]
    public static async Task<IResult> Get(string? region, string? state, int? page, int? pageSize, IQuerySession session, HttpContext http,
        CancellationToken ct)
    {
        if (Paging.Check(page, pageSize) is { } bad) return Results.Problem(bad);
        if (region is not null && !Region.IsScope(region)) return Results.Problem(Problems.Invalid("region", "must be a six-digit region code"));
        if (Problems.Code<ApplicationState>(state, "state") is { } unknown) return Results.Problem(unknown);
        var caller = Caller.From(http.User);
        var scope = region ?? caller.Region;
        if (scope is null || !caller.CoversCode(scope))
            return Results.Problem(Problems.Forbidden($"The caller's region ({caller.Region ?? "none"}) does not cover {scope ?? "this query"}."));
        var query = session.Query<Application>().InRegion(scope);
        if (state is not null && Codes.TryParse<ApplicationState>(state, out var only)) query = query.Where(a => a.State == only);
        return Results.Ok(await Paging.Read(query.OrderByDescending(a => a.AppliedAt).ThenBy(a => a.Id), page, pageSize, ct));
    }
}
