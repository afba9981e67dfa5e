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

public sealed record ApproveOutput([Text(1000)] string? Note = null);

/// <summary>POST /api/studios/{id}/outputs/{outputId}/approve — the school approves a submitted output.</summary>
public static class ApproveOutputEndpoint
{
    public static DocumentById<OutputStanding> Load(Guid outputId) => new(outputId);

    [WolverineBefore]
    public static ProblemDetails Rules(Guid outputId, StudioState studio, OutputStanding? output) =>
        OutputRules.Can(output?.StudioId == studio.Id ? output : null, outputId, OutputRules.Step.Approve).OrContinue();

    [WolverinePost("/api/studios/{id}/outputs/{outputId}/approve", Name = "ApproveOutput"), Authorize(Policy = Policies.StudioSchool), Appends]
    [Tags("Outputs")]
    public static OutputApproved Post(ApproveOutput command, Guid outputId, [WriteAggregate("id")] StudioState studio, OutputStanding? output, Stamp stamp) =>
        new(outputId, output!.Year, command.Note, stamp.By, stamp.At);
}
