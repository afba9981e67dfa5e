using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Attributes;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Roster;

public sealed record AppointHost(TeacherInfo Teacher, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/host — appoint the host (坊主/主持人); one at a time.</summary>
public static class AppointHostEndpoint
{
    public static ProblemDetails Validate(AppointHost command, TimeProvider clock)
    {
        var check = new Check();
        TeacherInfo.Check(check, command.Teacher, "teacher", clock.Today());
        return check.Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(AppointHost command, StudioState studio, Stamp stamp) =>
        RosterRules.AppointHost(studio, command.Teacher, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/host", Name = "AppointHost"), Authorize(Policy = Policies.StudioManage), Appends]
    [Tags("Roster")]
    public static HostAppointed Post(AppointHost command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(command.Teacher, command.On ?? stamp.Today, stamp.By, stamp.At);
}
