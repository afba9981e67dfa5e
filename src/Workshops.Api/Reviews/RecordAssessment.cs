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
using Workshops.Programmes;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Teachers;
using Workshops.Years;
using Workshops.Core.Contract;

namespace Workshops.Reviews;

public sealed record RecordAssessment(AssessmentResult Result, [Text(2000)] string? Note = null, DateOnly? On = null);

/// <summary>What recognition after an assessment reads: the roster (studio view), the studio's rule set on the day and the roster's teacher records.</summary>
public sealed record AssessmentInputs(Studio? View, RuleSet RuleSet, IReadOnlyDictionary<string, TeacherRecord> Records);

/// <summary>
/// POST /api/studios/{id}/assessments/{year} — a reviewer records the annual assessment (优秀/合格/不合格). A qualified
/// result confers the assessment rungs of the studio's rule set (seed 000 三.(二).3 under Xiamen's) on the eligible host
/// and members, judged on their teacher records as of the assessment day, in the same transaction: the titles on the
/// studio's stream (its growth files and reports) and the recognitions on each teacher's own stream. A title is
/// conferred once, so recording the assessment again never recognises twice.
/// </summary>
public static class RecordAssessmentEndpoint
{
    public static async Task<AssessmentInputs> LoadAsync(Guid id, RecordAssessment command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var on = command.On ?? clock.Today();
        var view = await StudioViews.Latest(session, id, ct);
        var set = (await RosterJudging.RuleSetOf(session, id, on, ct))?.RuleSet ?? RuleSetPresets.National;
        var records = view is null ? new Dictionary<string, TeacherRecord>() : await RosterJudging.Records(session, view.CurrentRoster().Select(r => r.Teacher.Id), ct);
        return new AssessmentInputs(view, set, records);
    }

    /// <summary>The day given and the year in the route: an assessment is dated in or after the year it assesses, and not after today (input, 400).</summary>
    public static ProblemDetails Validate(RecordAssessment command, int year, Stamp stamp) =>
        new Check().Day(command.On, "on", stamp.Today).When(command.On is { } on && on.Year < year, "on", $"is before {year}: a {year} assessment is dated in or after that year").Result();

    [WolverineBefore]
    public static ProblemDetails Rules(int year, StudioState studio, Stamp stamp)
    {
        Refusal? refusal = year < studio.FoundedOn.Year || year > stamp.Today.Year
            ? new("assessment.year-out-of-range", $"Assessments cover {studio.FoundedOn.Year}–{stamp.Today.Year}, not {year}.")
            : null;
        return refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/assessments/{year}", Name = "RecordAssessment"), Authorize(Policy = Policies.StudioReview), Appends]
    [Tags("Reviews")]
    public static (Events, IEnumerable<IMartenOp>) Post(RecordAssessment command, int year, [WriteAggregate("id")] StudioState studio, AssessmentInputs inputs,
        Stamp stamp)
    {
        var on = command.On ?? stamp.Today;
        var events = new Events { new AssessmentRecorded(year, command.Result, command.Note, on, stamp.By, stamp.At) };
        var decisions = inputs.View is null ? [] : Recognition.Decide(inputs.View, inputs.RuleSet, inputs.Records, command.Result, on);
        foreach (var decision in decisions)
        {
            var fresh = decision.Titles.Where(t => !studio.Growth.Recognised(decision.TeacherId, t)).ToList();
            foreach (var title in fresh)
                events.Add(new RecognitionGranted(decision.TeacherId, title, year, decision.Rule, decision.Reason, on, stamp.By, stamp.At, decision.Rural));
            if (fresh.Count > 0 && decision.Tier is { } tier && studio.Growth.Tiers.GetValueOrDefault(decision.TeacherId) < tier)
                events.Add(new TierGranted(decision.TeacherId, tier, decision.Rule, decision.Reason, on, stamp.By, stamp.At, decision.Rural));
        }
        var onRecords = Recognition.OnTeacherRecords(decisions, inputs.RuleSet, inputs.Records, studio.Id, on, stamp.By, stamp.At);
        return (events, onRecords.GroupBy(r => r.TeacherId).Select(g => (IMartenOp)MartenOps.Append(TeacherStreams.IdOf(g.Key), [.. g.Cast<object>()])).ToList());
    }
}
