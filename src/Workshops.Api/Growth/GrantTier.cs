using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
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
    public static ProblemDetails Validate(GrantExpertTier command, string teacherId, Studio studio, HttpContext http, TimeProvider clock)
    {
        var check = new Check().Text(command.Basis, "basis", 1000, required: false);
        if (!check.Ok) return check.Result();
        if (studio.Holding(teacherId) is not { } held) return Problems.Rule("growth.not-on-roster", $"{teacherId} is not on this studio's roster.");
        var eligibility = Eligibilities.Expert(held.Teacher, clock.Today());
        Refusal? refusal = studio.Tiers.GetValueOrDefault(teacherId) == Tier.Expert ? new("tier.already-granted", "The expert tier is already granted.")
            : !eligibility.Eligible ? new("tier.expert-not-eligible", eligibility.Reason)
            : null;
        return Writes.IfMatch(http, studio.Version) ?? refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/expert-tier", Name = "GrantExpertTier"), Authorize(Policy = Policies.StudioReview)]
    [Tags("Growth files")]
    public static (Written, TierGranted) Post(GrantExpertTier command, string teacherId, [Aggregate("id")] Studio studio, HttpContext http,
        TimeProvider clock)
    {
        var today = clock.Today();
        var teacher = studio.Holding(teacherId)!.Teacher;
        var basis = command.Basis ?? Eligibilities.Expert(teacher, today).Reason;
        return (Writes.Done(http, studio.Id, studio.Version),
            new TierGranted(teacherId, Tier.Expert, "seed000.expert-8-years", basis, today, http.Actor(), clock.GetUtcNow(), teacher.Rural));
    }
}
