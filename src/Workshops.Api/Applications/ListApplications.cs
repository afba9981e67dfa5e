using Marten;
using Workshops.Studios;

namespace Workshops.Applications;

/// <summary>
/// An application as the list shows it: what was applied for, by whom, where it stands and whose turn it is; the
/// construction plan, the Party organisation's approval and each level's decision are in the application (the <c>url</c>).
/// </summary>
[Labelled]
public sealed record ApplicationListing(
    Guid Id,
    string Name,
    string School,
    Region Region,
    StudioLevel Level,
    Track Track,
    bool Rural,
    ApplicationState State,
    StudioLevel? Awaiting,
    bool PartyApproved,
    int Decisions,
    Guid? StudioId,
    Actor AppliedBy,
    DateTimeOffset AppliedAt,
    string Url)
{
    public static ApplicationListing Of(Application a) => new(a.Id, a.Name, a.School, a.Region, a.Level, a.Track, a.Rural, a.State, a.Awaiting,
        a.PartyApproval is not null, a.Steps.Count, a.StudioId, a.AppliedBy, a.AppliedAt, $"/api/applications/{a.Id}");
}

/// <summary>
/// GET /api/applications?region=&amp;state=&amp;page=&amp;pageSize= — the applications of the caller's region (or a region
/// inside it), optionally in one state, newest first, a page at a time, as summaries (<see cref="ApplicationListing"/>).
/// </summary>
public static class ListApplicationsEndpoint
{
    [WolverineGet("/api/applications", Name = "ListApplications"), Authorize(Policy = ApplicationsSetup.Read)]
    [Tags("Applications")]
    [ProducesResponseType<Page<ApplicationListing>>(200)]
    public static async Task<IResult> Get(string? region, string? state, int? page, int? pageSize, IQuerySession session, HttpContext http,
        CancellationToken ct)
    {
        var check = new Check().Paging(page, pageSize).Region(region, "region").Code<ApplicationState>(state, "state");
        if (!check.Ok) return Results.Problem(check.Result());
        var (scope, refused) = Caller.From(http.User).ListScope(region);
        if (refused is not null) return Results.Problem(refused);
        var query = session.Query<Application>().InRegion(scope);
        if (state is not null && Codes.TryParse<ApplicationState>(state, out var only)) query = query.Where(a => a.State == only);
        var applications = await Paging.Read(query.OrderByDescending(a => a.AppliedAt).ThenBy(a => a.Id), page, pageSize, ct);
        return Results.Ok(applications.With([.. applications.Items.Select(ApplicationListing.Of)]));
    }
}
