using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Reviews;

public sealed record RecordAssessment(AssessmentResult Result, string? Note = null, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/assessments/{year} — a reviewer records the annual assessment (优秀/合格/不合格).</summary>
public static class RecordAssessmentEndpoint
{
    public static ProblemDetails Validate(RecordAssessment command, int year, Studio studio, HttpContext http, TimeProvider clock)
    {
        var check = new Check().Text(command.Note, "note", 2000, required: false);
        if (!check.Ok) return check.Result();
        var today = clock.Today();
        var on = command.On ?? today;
        Refusal? refusal = year < studio.FoundedOn.Year || year > today.Year
            ? new("assessment.year-out-of-range", $"Assessments cover {studio.FoundedOn.Year}–{today.Year}, not {year}.")
            : on > today ? new("assessment.date-in-future", $"The date {on:yyyy-MM-dd} is in the future.")
            : on.Year < year ? new("assessment.before-year", $"A {year} assessment cannot be dated {on:yyyy-MM-dd}.")
            : null;
        return Writes.IfMatch(http, studio.Version) ?? refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/assessments/{year}", Name = "RecordAssessment"), Authorize(Policy = Policies.StudioReview)]
    [Tags("Reviews")]
    public static (Written, AssessmentRecorded) Post(RecordAssessment command, int year, [Aggregate("id")] Studio studio, HttpContext http,
        TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version),
            new AssessmentRecorded(year, command.Result, command.Note, command.On ?? clock.Today(), http.Actor(), clock.GetUtcNow()));
}
