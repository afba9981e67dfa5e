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

public sealed record SubmitOutput([Text(1000)] string? Note = null);

/// <summary>POST /api/studios/{id}/outputs/{outputId}/submit — the host submits a draft (or returned) output to the school.</summary>
public static class SubmitOutputEndpoint
{
    public static DocumentById<OutputStanding> Load(Guid outputId) => new(outputId);

    [WolverineBefore]
    public static ProblemDetails Rules(Guid outputId, StudioState studio, OutputStanding? output) =>
        OutputRules.Can(output?.StudioId == studio.Id ? output : null, outputId, OutputRules.Step.Submit).OrContinue();

    [WolverinePost("/api/studios/{id}/outputs/{outputId}/submit", Name = "SubmitOutput"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Outputs")]
    public static OutputSubmitted Post(SubmitOutput command, Guid outputId, [WriteAggregate("id")] StudioState studio, OutputStanding? output, Stamp stamp) =>
        new(outputId, output!.Year, stamp.By, stamp.At, command.Note);
}
