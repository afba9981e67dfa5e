using Wolverine.Attributes;
using Wolverine.Marten;

namespace Workshops.Studios;

/// <summary>A dissolution (撤销) on a day (today unless given), with the reason.</summary>
public sealed record DissolveStudio([Text(2000)] string Reason, DateOnly? On = null);

/// <summary>
/// POST /api/studios/{id}/dissolution — a reviewer of the studio's level or above dissolves the studio. From then on
/// every write to it answers 422 studio.dissolved (the shared write policy asks the decision state); every read still
/// answers, the view showing the dissolution, the term and its assessments.
/// </summary>
public static class DissolveStudioEndpoint
{
    public static ProblemDetails Validate(DissolveStudio command) => new Check().Text(command.Reason, "reason", 2000).Result();

    [WolverineBefore]
    public static ProblemDetails Rules(DissolveStudio command, StudioState studio, HttpContext http, Stamp stamp) =>
        Lifecycle.Dissolve(studio.Lifecycle, studio.FoundedOn, Caller.From(http.User).Region, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/dissolution", Name = "DissolveStudio"), Authorize(Policy = Policies.StudioReview), Appends]
    [Tags("Studios")]
    public static StudioDissolved Post(DissolveStudio command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(command.On ?? stamp.Today, command.Reason.Trim(), stamp.By, stamp.At);
}
