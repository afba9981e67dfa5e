using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Contract;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Years;
using Workshops.Views;

namespace Workshops.Standards;

/// <summary>
/// GET /api/studios/{id}/checklist?standard=moe-2022|k12-workshop&amp;year=&amp;asOf=YYYY-MM-DD — one row per item with status,
/// a one-line reason in Chinese and the events behind it. Without asOf it reads the projections; a past day gives
/// exactly what was recorded by the end of that day.
/// </summary>
public static class GetChecklistEndpoint
{
    [Formats("json", "csv", "xlsx")]
    [WolverineGet("/api/studios/{id}/checklist", Name = "GetChecklist"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Standards")]
    [ProducesResponseType<Checklist>(200)]
    public static async Task<IResult> Get(Guid id, string? standard, int? year, string? asOf, string? format, IQuerySession session,
        ViewMemo memo, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var (kind, unsupported) = Reports.Exports.Choose(http, format);
        var today = clock.Today();
        var (day, problem) = History.Parse(asOf, today);
        var on = day ?? today;
        var check = new Check().Also(unsupported).Also(problem).When(year is { } y && (y < 1990 || y > on.Year), "year", $"must be a year up to {on.Year}");
        if (!check.Ok) return Results.Problem(check.Result());

        var key = ViewMemo.Key("checklist", id, standard, year ?? on.Year, day?.ToString("yyyy-MM-dd"));
        if (kind == Reports.ExportFormat.Json && await memo.Kept(http, key, ct) is { } kept) return kept;
        ViewMemo.Taken? taken = null;
        var facts = await ChecklistFactsLoader.Load(session, id, year ?? on.Year, day, today, ct, itemized: true,
            reading: async inputs => taken = await memo.Take(http, inputs, ct));
        if (facts is null) return Results.Problem(Problems.NotFound($"No studio {id}{(day is null ? "" : $" on {day:yyyy-MM-dd}")}."));
        var chosen = await StandardsLibrary.For(session, facts.Studio, standard, ct);
        if (chosen is null)
        {
            var codes = (await StandardsLibrary.All(session, ct)).Select(s => s.Code);
            return Results.Problem(Problems.Invalid("standard", $"allowed: {string.Join(", ", codes)}"));
        }
        var checklist = Checklist.Of(chosen, facts);
        if (kind != Reports.ExportFormat.Json)
        {
            await Reports.Exports.Write(http, kind, $"{facts.Studio.Name}-{facts.Year}年达标情况", checklist.Tables());
            return Results.Empty;
        }
        return await memo.Keep(http, key, taken, await ChecklistFactsLoader.WithSequences(checklist, facts, session, ct), ct);
    }
}
