using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Views;

namespace Workshops.Studios;

/// <summary>
/// GET /api/studios/{id} — the studio view with its roster; ETag carries the stream version. Teachers' personal fields
/// go to the studio's own people and its school only (<see cref="StudioAudiences"/>).
/// </summary>
public static class GetStudioEndpoint
{
    [WolverineGet("/api/studios/{id}", Name = "GetStudio"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Studios")]
    [ProducesResponseType<Studio>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, ViewMemo memo, HttpContext http, CancellationToken ct)
    {
        // Kept like the computed views: a stored studio is converted for the wire (enumerations as codes) once per change,
        // once per audience (personal fields are for the studio's own people and its school only).
        var identity = await StudioIdentities.Of(session, id, ct);
        if (identity is null) return Results.Problem(Problems.NotFound($"No studio {id}."));
        var audience = StudioAudiences.Of(Caller.From(http.User), id, identity.Region);
        var key = ViewMemo.Key("studio", id, audience.ToString().ToLowerInvariant());
        if (await memo.Kept(http, key, ct) is { } kept) return kept;
        var studio = await StudioViews.Latest(session, id, ct);
        if (studio is null) return Results.Problem(Problems.NotFound($"No studio {id}."));
        var taken = await memo.Take(ViewMemo.Inputs.Stream(id, studio.Version), ct);
        return await memo.Keep(http, key, taken, StudioAudiences.View(studio, audience), ct, etag: Writes.ETag(studio.Version));
    }
}
