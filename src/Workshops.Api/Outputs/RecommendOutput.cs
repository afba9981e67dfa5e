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

namespace Workshops.Outputs;

public sealed record RecommendOutput(RecommendationLevel Level, [Text(1000)] string? Note = null);

/// <summary>POST /api/studios/{id}/outputs/{outputId}/recommend — a reviewer recommends an approved output to the next level above their jurisdiction (district → city → province → ministry).</summary>
public static class RecommendOutputEndpoint
{
    public static DocumentById<OutputStanding> Load(Guid outputId) => new(outputId);

    [WolverineBefore]
    public static ProblemDetails Rules(RecommendOutput command, Guid outputId, StudioState studio, OutputStanding? output, HttpContext http) =>
        (OutputRules.Can(output?.StudioId == studio.Id ? output : null, outputId, OutputRules.Step.Recommend, command.Level)
            ?? OutputRules.Recommends(Caller.From(http.User).Region, command.Level)).OrContinue();

    [WolverinePost("/api/studios/{id}/outputs/{outputId}/recommend", Name = "RecommendOutput"), Authorize(Policy = Policies.StudioReview), Appends]
    [Tags("Outputs")]
    public static OutputRecommended Post(RecommendOutput command, Guid outputId, [WriteAggregate("id")] StudioState studio, OutputStanding? output, Stamp stamp) =>
        new(outputId, output!.Year, command.Level, command.Note, stamp.By, stamp.At);
}
