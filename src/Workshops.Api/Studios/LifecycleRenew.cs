using Wolverine.Attributes;
using Wolverine.Marten;

namespace Workshops.Studios;

/// <summary>A renewal for another term of 1–5 years (three unless given), with the reason.</summary>
public sealed record RenewStudio([Text(2000)] string Reason, [Between(1, 5)] int? Years = null);

/// <summary>
/// POST /api/studios/{id}/renewal — a reviewer of the studio's level or above renews a term assessed 合格 or 优秀:
/// the new term starts the day after the old one ends.
/// </summary>
public static class RenewStudioEndpoint
{
    // The body's shape (BodyShape) already holds years to [Between(1, 5)]; only the reason's presence is asked here.
    public static ProblemDetails Validate(RenewStudio command) => new Check().Text(command.Reason, "reason", 2000).Result();

    [WolverineBefore]
    public static ProblemDetails Rules(StudioState studio, HttpContext http) =>
        Lifecycle.Renew(studio.Lifecycle, Caller.From(http.User).Region).OrContinue();

    [WolverinePost("/api/studios/{id}/renewal", Name = "RenewStudio"), Authorize(Policy = Policies.StudioReview), Appends]
    [Tags("Studios")]
    public static StudioRenewed Post(RenewStudio command, [WriteAggregate("id")] StudioState studio, Stamp stamp)
    {
        var starts = studio.Lifecycle.TermEnds.AddDays(1);
        return new(starts, Lifecycle.TermEnd(starts, command.Years ?? Lifecycle.DefaultTermYears), command.Reason.Trim(), stamp.By, stamp.At);
    }
}
