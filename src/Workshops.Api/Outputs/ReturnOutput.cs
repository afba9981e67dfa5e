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

public sealed record ReturnOutput([Text(1000)] string Reason);

/// <summary>POST /api/studios/{id}/outputs/{outputId}/return — the school returns a submitted output for revision, with a reason.</summary>
public static class ReturnOutputEndpoint
{
    public static ProblemDetails Validate(ReturnOutput command, Guid outputId, Studio studio, HttpContext http)
    {
        var check = new Check().Text(command.Reason, "reason", 1000);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? OutputRules.Can(studio, outputId, OutputRules.Step.Return).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/outputs/{outputId}/return", Name = "ReturnOutput"), Authorize(Policy = Policies.StudioSchool)]
    [Tags("Outputs")]
    public static (Written, OutputReturned) Post(ReturnOutput command, Guid outputId, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new OutputReturned(outputId, studio.Outputs[outputId].Year, command.Reason, http.Actor(), clock.GetUtcNow()));
}
