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

public sealed record ReturnOutput([Text(1000)] string Reason);

/// <summary>POST /api/studios/{id}/outputs/{outputId}/return — the school returns a submitted output for revision, with a reason.</summary>
public static class ReturnOutputEndpoint
{
    public static DocumentById<OutputStanding> Load(Guid outputId) => new(outputId);

    [WolverineBefore]
    public static ProblemDetails Rules(Guid outputId, StudioState studio, OutputStanding? output) =>
        OutputRules.Can(output?.StudioId == studio.Id ? output : null, outputId, OutputRules.Step.Return).OrContinue();

    [WolverinePost("/api/studios/{id}/outputs/{outputId}/return", Name = "ReturnOutput"), Authorize(Policy = Policies.StudioSchool), Appends]
    [Tags("Outputs")]
    public static OutputReturned Post(ReturnOutput command, Guid outputId, [WriteAggregate("id")] StudioState studio, OutputStanding? output, Stamp stamp) =>
        new(outputId, output!.Year, command.Reason, stamp.By, stamp.At);
}
