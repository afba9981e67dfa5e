using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Attributes;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Roster;

public sealed record StepDownCoordinator(DateOnly? On = null, [Text(500)] string? Reason = null);

/// <summary>POST /api/studios/{id}/coordinator/step-down — the coordinator steps down.</summary>
public static class StepDownCoordinatorEndpoint
{
    [WolverineBefore]
    public static ProblemDetails Rules(StepDownCoordinator command, StudioState studio, Stamp stamp) =>
        RosterRules.StepDown(studio, RosterRole.Coordinator, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/coordinator/step-down", Name = "StepDownCoordinator"), Authorize(Policy = Policies.StudioManage), Appends]
    [Tags("Roster")]
    public static CoordinatorSteppedDown Post(StepDownCoordinator command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(studio.Roster.Coordinator!.TeacherId, command.On ?? stamp.Today, command.Reason, stamp.By, stamp.At);
}
