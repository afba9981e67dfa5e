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

public sealed record StepDownHost(DateOnly? On = null, [Text(500)] string? Reason = null);

/// <summary>POST /api/studios/{id}/host/step-down — the host steps down; a new one can then be appointed.</summary>
public static class StepDownHostEndpoint
{
    [WolverineBefore]
    public static ProblemDetails Rules(StepDownHost command, StudioState studio, Stamp stamp) =>
        RosterRules.StepDown(studio, RosterRole.Host, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/host/step-down", Name = "StepDownHost"), Authorize(Policy = Policies.StudioManage), Appends]
    [Tags("Roster")]
    public static HostSteppedDown Post(StepDownHost command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(studio.Roster.Host!.TeacherId, command.On ?? stamp.Today, command.Reason, stamp.By, stamp.At);
}
