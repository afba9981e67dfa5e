using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
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
    [WolverineBefore]
    public static ProblemDetails Rules(int year, StudioState studio, Stamp stamp) =>
        (year < studio.FoundedOn.Year || year > stamp.Today.Year
            ? new Refusal("summary.year-out-of-range", $"A summary can be written for {studio.FoundedOn.Year}–{stamp.Today.Year}, not {year}.")
            : null).OrContinue();

    [WolverinePost("/api/studios/{id}/years/{year}/summary", Name = "WriteSummary"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Years")]
    public static YearSummaryWritten Post(WriteSummary command, int year, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(year, command.Text, studio.Summaries.GetValueOrDefault(year) + 1, stamp.By, stamp.At);
}
