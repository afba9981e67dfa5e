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

public sealed record StepDownHost(DateOnly? On = null, [Text(500)] string? Reason = null);

/// <summary>POST /api/studios/{id}/host/step-down — the host steps down; a new one can then be appointed.</summary>
public static class StepDownHostEndpoint
{
    public static ProblemDetails Validate(StepDownHost command, Studio studio, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        var check = new Check().Text(command.Reason, "reason", 500, required: false);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? RosterRules.StepDown(studio, studio.Host, RosterRole.Host, command.On ?? today, today).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/host/step-down", Name = "StepDownHost"), Authorize(Policy = Policies.StudioManage)]
    [Tags("Roster")]
    public static (Written, HostSteppedDown) Post(StepDownHost command, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new HostSteppedDown(studio.Host!.Teacher.Id, command.On ?? clock.Today(), command.Reason, http.Actor(), clock.GetUtcNow()));
}
