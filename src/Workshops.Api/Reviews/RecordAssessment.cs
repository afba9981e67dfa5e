using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
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
    /// <summary>The roster's teachers as the studio view has them (their years of service decide recognition).</summary>
    public static Task<Studio?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => StudioViews.Latest(session, id, ct);

    [WolverineBefore]
    public static ProblemDetails Rules(RecordAssessment command, int year, StudioState studio, Stamp stamp)
    {
        var on = command.On ?? stamp.Today;
        Refusal? refusal = year < studio.FoundedOn.Year || year > stamp.Today.Year
            ? new("assessment.year-out-of-range", $"Assessments cover {studio.FoundedOn.Year}–{stamp.Today.Year}, not {year}.")
            : on > stamp.Today ? new("assessment.date-in-future", $"The date {on:yyyy-MM-dd} is in the future.")
            : on.Year < year ? new("assessment.before-year", $"A {year} assessment cannot be dated {on:yyyy-MM-dd}.")
            : null;
        return refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/assessments/{year}", Name = "RecordAssessment"), Authorize(Policy = Policies.StudioReview), Appends]
    [Tags("Reviews")]
    public static Events Post(RecordAssessment command, int year, [WriteAggregate("id")] StudioState studio, Studio view, Stamp stamp)
    {
        var on = command.On ?? stamp.Today;
        var events = new Events { new AssessmentRecorded(year, command.Result, command.Note, on, stamp.By, stamp.At) };
        foreach (var decision in Recognition.Decide(view, command.Result, on))
        {
            var fresh = decision.Titles.Where(t => !studio.Growth.Recognised(decision.TeacherId, t)).ToList();
            foreach (var title in fresh)
                events.Add(new RecognitionGranted(decision.TeacherId, title, year, decision.Rule, decision.Reason, on, stamp.By, stamp.At, decision.Rural));
            if (fresh.Count > 0 && decision.Tier is { } tier && studio.Growth.Tiers.GetValueOrDefault(decision.TeacherId) < tier)
                events.Add(new TierGranted(decision.TeacherId, tier, decision.Rule, decision.Reason, on, stamp.By, stamp.At, decision.Rural));
        }
        return events;
    }
}
