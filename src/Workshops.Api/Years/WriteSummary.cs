using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Years;

public sealed record WriteSummary([Text(20_000)] string Text);

/// <summary>POST /api/studios/{id}/years/{year}/summary — the year-end summary (年终总结); writing again revises it.</summary>
public static class WriteSummaryEndpoint
{
    public static ProblemDetails Validate(WriteSummary command, int year, Studio studio, HttpContext http, TimeProvider clock)
    {
        var check = new Check().Text(command.Text, "text", 20_000);
        if (!check.Ok) return check.Result();
        var today = clock.Today();
        Refusal? refusal = year < studio.FoundedOn.Year || year > today.Year
            ? new("summary.year-out-of-range", $"A summary can be written for {studio.FoundedOn.Year}–{today.Year}, not {year}.")
            : null;
        return Writes.IfMatch(http, studio.Version) ?? refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/years/{year}/summary", Name = "WriteSummary"), Authorize(Policy = Policies.StudioWork)]
    [Tags("Years")]
    public static (Written, YearSummaryWritten) Post(WriteSummary command, int year, [Aggregate("id")] Studio studio, HttpContext http,
        TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version),
            new YearSummaryWritten(year, command.Text, studio.Summaries.GetValueOrDefault(year) + 1, http.Actor(), clock.GetUtcNow()));
}
