using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Roster;

public sealed record AppointHost(TeacherInfo Teacher, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/host — appoint the host (坊主/主持人); one at a time.</summary>
public static class AppointHostEndpoint
{
    public static ProblemDetails Validate(AppointHost command, Studio studio, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        var check = new Check();
        TeacherInfo.Check(check, command.Teacher, "teacher", today);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? RosterRules.AppointHost(studio, command.Teacher, command.On ?? today, today).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/host", Name = "AppointHost"), Authorize(Policy = Policies.StudioManage)]
    [Tags("Roster")]
    public static (Written, HostAppointed) Post(AppointHost command, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new HostAppointed(command.Teacher, command.On ?? clock.Today(), http.Actor(), clock.GetUtcNow()));
}
