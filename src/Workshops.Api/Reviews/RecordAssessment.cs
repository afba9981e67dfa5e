using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Wolverine.Marten;
using Workshops.Growth;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Years;
using Workshops.Core.Contract;

namespace Workshops.Reviews;

public sealed record RecordAssessment(AssessmentResult Result, [Text(2000)] string? Note = null, DateOnly? On = null);

/// <summary>
/// POST /api/studios/{id}/assessments/{year} — a reviewer records the annual assessment (优秀/合格/不合格). A qualified
/// result confers the titles of seed 000 三.(二).3 on the eligible host and members in the same append; a title is
/// conferred once, so recording the assessment again never recognises twice.
/// </summary>
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
    public static (Written, Events) Post(RecordAssessment command, int year, [Aggregate("id")] Studio studio, HttpContext http,
        TimeProvider clock)
    {
        var on = command.On ?? clock.Today();
        var by = http.Actor();
        var at = clock.GetUtcNow();
        var events = new Events { new AssessmentRecorded(year, command.Result, command.Note, on, by, at) };
        foreach (var decision in Recognition.Decide(studio, command.Result, on))
        {
            var fresh = decision.Titles.Where(t => !studio.Recognitions.Contains(Studio.RecognitionKey(decision.TeacherId, t))).ToList();
            foreach (var title in fresh)
                events.Add(new RecognitionGranted(decision.TeacherId, title, year, decision.Rule, decision.Reason, on, by, at, decision.Rural));
            if (fresh.Count > 0 && decision.Tier is { } tier && studio.Tiers.GetValueOrDefault(decision.TeacherId) < tier)
                events.Add(new TierGranted(decision.TeacherId, tier, decision.Rule, decision.Reason, on, by, at, decision.Rural));
        }
        return (Writes.Done(http, studio.Id, studio.Version, events.Count), events);
    }
}
