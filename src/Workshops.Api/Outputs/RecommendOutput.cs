using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
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
    public static ProblemDetails Validate(RecommendOutput command, Guid outputId, Studio studio, HttpContext http)
    {
        var check = new Check().Text(command.Note, "note", 1000, required: false);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version)
            ?? (OutputRules.Can(studio, outputId, OutputRules.Step.Recommend, command.Level)
                ?? OutputRules.Recommends(Caller.From(http.User).Region, command.Level)).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/outputs/{outputId}/recommend", Name = "RecommendOutput"), Authorize(Policy = Policies.StudioReview)]
    [Tags("Outputs")]
    public static (Written, OutputRecommended) Post(RecommendOutput command, Guid outputId, [Aggregate("id")] Studio studio,
        HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version),
            new OutputRecommended(outputId, studio.Outputs[outputId].Year, command.Level, command.Note, http.Actor(), clock.GetUtcNow()));
}
