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

public sealed record NameCoordinator(TeacherInfo Teacher, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/coordinator — name a coordinator (负责人) who coordinates but does not host (seed 001).</summary>
public static class NameCoordinatorEndpoint
{
    public static ProblemDetails Validate(NameCoordinator command, TimeProvider clock)
    {
        var check = new Check();
        TeacherInfo.Check(check, command.Teacher, "teacher", clock.Today());
        return check.Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(NameCoordinator command, StudioState studio, Stamp stamp) =>
        RosterRules.NameCoordinator(studio, command.Teacher, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/coordinator", Name = "NameCoordinator"), Authorize(Policy = Policies.StudioManage), Appends]
    [Tags("Roster")]
    public static CoordinatorNamed Post(NameCoordinator command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(command.Teacher, command.On ?? stamp.Today, stamp.By, stamp.At);
}
