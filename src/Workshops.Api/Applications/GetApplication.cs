using Marten;

namespace Workshops.Applications;

/// <summary>GET /api/applications/{id} — the application with its plan and every decision; school admins and reviewers of its region (others: 404). ETag: its version.</summary>
public static class GetApplicationEndpoint
{
    [WolverineGet("/api/applications/{id}", Name = "GetApplication"), Authorize(Policy = ApplicationsSetup.Read)]
    [Tags("Applications")]
    [ProducesResponseType<Application>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var application = await session.LoadAsync<Application>(id, ct);
        if (application is null || !Caller.From(http.User).Covers(application.Region)) return Results.Problem(Problems.NotFound($"No application {id}."));
        http.Response.Headers.ETag = Writes.ETag(application.Version);
        return Results.Ok(application);
    }
}
