using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Roster;

public sealed record NameCoordinator(TeacherInfo Teacher, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/coordinator — name a coordinator (负责人) who coordinates but does not host (seed 001).</summary>
public static class NameCoordinatorEndpoint
{
    public static ProblemDetails Validate(NameCoordinator command, Studio studio, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        var check = new Check();
        TeacherInfo.Check(check, command.Teacher, "teacher", today);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? RosterRules.NameCoordinator(studio, command.Teacher, command.On ?? today, today).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/coordinator", Name = "NameCoordinator"), Authorize(Policy = Policies.StudioManage)]
    [Tags("Roster")]
    public static (Written, CoordinatorNamed) Post(NameCoordinator command, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new CoordinatorNamed(command.Teacher, command.On ?? clock.Today(), http.Actor(), clock.GetUtcNow()));
}
