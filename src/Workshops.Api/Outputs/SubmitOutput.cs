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

public sealed record SubmitOutput([Text(1000)] string? Note = null);

/// <summary>POST /api/studios/{id}/outputs/{outputId}/submit — the host submits a draft (or returned) output to the school.</summary>
public static class SubmitOutputEndpoint
{
    public static ProblemDetails Validate(SubmitOutput command, Guid outputId, Studio studio, HttpContext http)
    {
        var check = new Check().Text(command.Note, "note", 1000, required: false);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? OutputRules.Can(studio, outputId, OutputRules.Step.Submit).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/outputs/{outputId}/submit", Name = "SubmitOutput"), Authorize(Policy = Policies.StudioWork)]
    [Tags("Outputs")]
    public static (Written, OutputSubmitted) Post(SubmitOutput command, Guid outputId, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new OutputSubmitted(outputId, studio.Outputs[outputId].Year, http.Actor(), clock.GetUtcNow(), command.Note));
}
