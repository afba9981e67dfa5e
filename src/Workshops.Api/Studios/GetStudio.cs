using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Studios;

/// <summary>GET /api/studios/{id} — the studio view with its roster; ETag carries the stream version.</summary>
public static class GetStudioEndpoint
{
    [WolverineGet("/api/studios/{id}", Name = "GetStudio"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Studios")]
    [ProducesResponseType<Studio>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var studio = await session.LoadAsync<Studio>(id, ct);
        if (studio is null) return Results.Problem(Problems.NotFound($"No studio {id}."));
        var etag = Writes.ETag(studio.Version);
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.ToString() == etag) return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Ok(studio);
    }
}
