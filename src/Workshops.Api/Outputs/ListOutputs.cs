using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Outputs;

/// <summary>
/// GET /api/studios/{id}/outputs?year=&amp;kind=&amp;state= and GET /api/studios/{id}/outputs/{outputId}: only outputs in a state
/// the caller may read (<see cref="OutputRules.VisibleStates"/>).
/// </summary>
public static class ListOutputsEndpoint
{
    [WolverineGet("/api/studios/{id}/outputs", Name = "ListOutputs"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Outputs")]
    [ProducesResponseType<Page<OutputListing>>(200)]
    public static async Task<IResult> Get(Guid id, int? year, string? kind, string? state, int? page, int? pageSize,
        IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var check = new Check()
            .Paging(page, pageSize)
            .Code<OutputKind>(kind, "kind")
            .Code<OutputState>(state, "state");
        if (!check.Ok) return Results.Problem(check.Result());
        // Only the states the caller may read (drafts are the studio's own; see OutputRules.VisibleStates).
        var studio = await StudioIdentities.Of(session, id, ct);
        var visible = studio is null ? [] : OutputRules.VisibleStates(Caller.From(http.User), id, studio.Region).Select(s => s.Code()).ToArray();
        var query = session.Query<OutputRecord>().Where(o => o.StudioId == id && visible.Contains(o.StateCode));
        if (year is not null) query = query.Where(o => o.Year == year);
        if (kind is not null) query = query.Where(o => o.KindCode == kind);
        if (state is not null) query = query.Where(o => o.StateCode == state);
        var outputs = await Paging.Read(query.OrderByDescending(o => o.Year).ThenByDescending(o => o.Id), page, pageSize, ct);
        var people = outputs.Items.Count == 0 ? null : await StudioViews.Latest(session, id, ct);
        return Results.Ok(outputs.With([.. outputs.Items.Select(o => OutputListing.Of(o, people))]));
    }

    [WolverineGet("/api/studios/{id}/outputs/{outputId}", Name = "GetOutput"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Outputs")]
    [ProducesResponseType<OutputRecord>(200)]
    public static async Task<IResult> GetOne(Guid id, Guid outputId, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var record = await session.LoadAsync<OutputRecord>(outputId, ct);
        // An output the caller may not read yet is as unknown to them as one that does not exist.
        return record is null || record.StudioId != id ||
               !OutputRules.VisibleStates(Caller.From(http.User), id, new Region(record.Province, record.City, record.District)).Contains(record.State)
            ? Results.Problem(Problems.NotFound($"No output {outputId} in studio {id}."))
            : Results.Ok(record.Named(await StudioViews.Latest(session, id, ct)));
    }
}
