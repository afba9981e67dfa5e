using Marten;
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

namespace Workshops.Growth;

public sealed record GrantExpertTier([Text(1000)] string? Basis = null);

/// <summary>
/// POST /api/studios/{id}/growth/{teacherId}/expert-tier — a reviewer grants the expert tier (专家型班主任) to an eligible
/// teacher (seed 000 三.(二).4); backbone and leader tiers come with recognition after an assessment.
/// </summary>
public static class GrantExpertTierEndpoint
{
    /// <summary>The roster's teachers as the studio view has them (eligibility reads their years and titles).</summary>
    public static Task<Studio?> LoadAsync(Guid id, IDocumentSession session, CancellationToken ct) => StudioViews.Latest(session, id, ct);

    public static ProblemDetails Validate(GrantExpertTier command, string teacherId, StudioState studio)
    {
        return studio.Roster.Holding(teacherId) is null
            ? Problems.Rule("growth.not-on-roster", $"{teacherId} is not on this studio's roster.")
            : WolverineContinue.NoProblems;
    }

    [WolverineBefore]
    public static ProblemDetails Rules(string teacherId, StudioState studio, Studio view, Stamp stamp)
    {
        var eligibility = Eligibilities.Expert(view.Holding(teacherId)!.Teacher, stamp.Today);
        Refusal? refusal = studio.Growth.Tiers.GetValueOrDefault(teacherId) == Tier.Expert ? new("tier.already-granted", "The expert tier is already granted.")
            : !eligibility.Eligible ? new("tier.expert-not-eligible", eligibility.Reason)
            : null;
        return refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/expert-tier", Name = "GrantExpertTier"), Authorize(Policy = Policies.StudioReview), Appends]
    [Tags("Growth files")]
    public static TierGranted Post(GrantExpertTier command, string teacherId, [WriteAggregate("id")] StudioState studio, Studio view, Stamp stamp)
    {
        var teacher = view.Holding(teacherId)!.Teacher;
        var basis = command.Basis ?? Eligibilities.Expert(teacher, stamp.Today).Reason;
        return new(teacherId, Tier.Expert, "seed000.expert-8-years", basis, stamp.Today, stamp.By, stamp.At, teacher.Rural);
    }
}
