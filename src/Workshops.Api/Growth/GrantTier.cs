using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Programmes;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Teachers;
using Workshops.Core.Contract;

namespace Workshops.Growth;

public sealed record GrantExpertTier([Text(1000)] string? Basis = null);

/// <summary>What the expert tier reads: the studio's rule set today and the teacher's facts today from their record (null: no record).</summary>
public sealed record ExpertTierInputs(RuleSet RuleSet, TeacherFacts? Facts);

/// <summary>
/// POST /api/studios/{id}/growth/{teacherId}/expert-tier — a reviewer enters the expert tier (专家型班主任) in the studio's
/// growth file for a teacher whose record holds it: seed 000 三.(二).4 selects candidates, trains them and then
/// recognises them on the teacher's record (POST /api/teachers/{teacherId}/expert-candidacy, …/training,
/// …/recognitions). Backbone and leader tiers come with recognition after an assessment.
/// </summary>
public static class GrantExpertTierEndpoint
{
    public static async Task<ExpertTierInputs> LoadAsync(Guid id, string teacherId, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var set = (await RosterJudging.RuleSetOf(session, id, today, ct))?.RuleSet ?? RuleSetPresets.National;
        var record = await session.LoadAsync<TeacherRecord>(TeacherStreams.IdOf(teacherId), ct);
        return new ExpertTierInputs(set, record is { Schools.Count: > 0 } ? TeacherFacts.AsOfDay(record, today) : null);
    }

    public static ProblemDetails Validate(GrantExpertTier command, string teacherId, StudioState studio)
    {
        return studio.Roster.Holding(teacherId) is null
            ? Problems.Rule("growth.not-on-roster", $"{teacherId} is not on this studio's roster.")
            : WolverineContinue.NoProblems;
    }

    [WolverineBefore]
    public static ProblemDetails Rules(string teacherId, StudioState studio, ExpertTierInputs inputs)
    {
        var eligibility = Eligibilities.ExpertTier(inputs.RuleSet, inputs.Facts);
        Refusal? refusal = studio.Growth.Tiers.GetValueOrDefault(teacherId) == Tier.Expert ? new("tier.already-granted", "The expert tier is already granted.")
            : !eligibility.Eligible ? new("tier.expert-not-eligible", eligibility.Reason)
            : null;
        return refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/expert-tier", Name = "GrantExpertTier"), Authorize(Policy = Policies.StudioReview), Appends]
    [Tags("Growth files")]
    public static TierGranted Post(GrantExpertTier command, string teacherId, [WriteAggregate("id")] StudioState studio, ExpertTierInputs inputs, Stamp stamp)
    {
        var basis = command.Basis ?? Eligibilities.ExpertTier(inputs.RuleSet, inputs.Facts).Reason;
        var rule = inputs.RuleSet.Ladder.First(r => r.Path == RungPath.Selection);
        return new(teacherId, Tier.Expert, TierRules.RuleOf(inputs.RuleSet, rule), basis, stamp.Today, stamp.By, stamp.At, inputs.Facts!.Rural);
    }
}
