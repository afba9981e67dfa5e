using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
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
    public static ProblemDetails Validate(StepDownCoordinator command, Studio studio, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        var check = new Check().Text(command.Reason, "reason", 500, required: false);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? RosterRules.StepDown(studio, studio.Coordinator, RosterRole.Coordinator, command.On ?? today, today).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/coordinator/step-down", Name = "StepDownCoordinator"), Authorize(Policy = Policies.StudioManage)]
    [Tags("Roster")]
    public static (Written, CoordinatorSteppedDown) Post(StepDownCoordinator command, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new CoordinatorSteppedDown(studio.Coordinator!.Teacher.Id, command.On ?? clock.Today(), command.Reason, http.Actor(), clock.GetUtcNow()));
}
