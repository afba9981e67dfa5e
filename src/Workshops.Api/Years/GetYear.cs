using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Views;

namespace Workshops.Years;

/// <summary>
/// GET /api/studios/{id}/years/{year}?asOf= — the year view; GET /api/studios/{id}/ledger/{year}?asOf= — the task ledger.
/// Without asOf they read the projections; with a past date they fold the events recorded until that day.
/// </summary>
public static class GetYearEndpoint
{
    [WolverineGet("/api/studios/{id}/years/{year}", Name = "GetYear"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Years")]
    [ProducesResponseType<YearView>(200)]
    public static async Task<IResult> Get(Guid id, int year, string? asOf, IQuerySession session, ViewMemo memo, HttpContext http,
        TimeProvider clock, CancellationToken ct)
    {
        var key = ViewMemo.Key("year", id, year, asOf);
        if (await memo.Kept(http, key, ct) is { } kept) return kept;
        var (at, problem) = await Read(id, year, asOf, session, clock, ct);
        if (problem is not null) return Results.Problem(problem);
        var taken = await memo.Take(http, ViewMemo.Inputs.Stream(id, at!.StreamVersion), ct);
        var view = YearView.Of(at.Studio, at.Year(year), at.Today);
        if (asOf is null) view = view with { Evaluations = await Workshops.Evaluations.EvaluationReads.OfYear(session, id, year, ct) };
        return await memo.Keep(http, key, taken, view, ct);
    }

    [WolverineGet("/api/studios/{id}/ledger/{year}", Name = "GetLedger"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Plans and ledger")]
    [ProducesResponseType<LedgerView>(200)]
    public static async Task<IResult> Ledger(Guid id, int year, string? asOf, IQuerySession session, ViewMemo memo, HttpContext http,
        TimeProvider clock, CancellationToken ct)
    {
        var key = ViewMemo.Key("ledger", id, year, asOf);
        if (await memo.Kept(http, key, ct) is { } kept) return kept;
        var (at, problem) = await Read(id, year, asOf, session, clock, ct);
        if (problem is not null) return Results.Problem(problem);
        var taken = await memo.Take(http, ViewMemo.Inputs.Stream(id, at!.StreamVersion), ct);
        IReadOnlyList<Activities.ActivityEntry> activities = at.Activities is { } folded
            ? [.. folded.Values.Where(a => !a.Voided && a.Year == year)]
            : await Activities.ActivityQueries.OfYear(session, id, year, ct);
        return await memo.Keep(http, key, taken, LedgerView.Of(at.Studio, at.Year(year), at.Today, activities), ct);
    }

    private static async Task<(StudioAt?, ProblemDetails?)> Read(Guid id, int year, string? asOf, IQuerySession session,
        TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var (day, problem) = History.Parse(asOf, today);
        if (problem is not null) return (null, problem);
        var at = await History.Load(session, id, day, today, [year], ct);
        return at is null ? (null, Problems.NotFound($"No studio {id}.")) : (at with { Today = day ?? today }, null);
    }
}
