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

public sealed record ApproveOutput([Text(1000)] string? Note = null);

/// <summary>POST /api/studios/{id}/outputs/{outputId}/approve — the school approves a submitted output.</summary>
public static class ApproveOutputEndpoint
{
    public static ProblemDetails Validate(ApproveOutput command, Guid outputId, Studio studio, HttpContext http)
    {
        var check = new Check().Text(command.Note, "note", 1000, required: false);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? OutputRules.Can(studio, outputId, OutputRules.Step.Approve).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/outputs/{outputId}/approve", Name = "ApproveOutput"), Authorize(Policy = Policies.StudioSchool)]
    [Tags("Outputs")]
    public static (Written, OutputApproved) Post(ApproveOutput command, Guid outputId, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new OutputApproved(outputId, studio.Outputs[outputId].Year, command.Note, http.Actor(), clock.GetUtcNow()));
}
