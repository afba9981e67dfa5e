using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Roster;

public sealed record EnrollTrainee(TeacherInfo Teacher, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/trainees — a trainee (研修人员) is enrolled; any number.</summary>
public static class EnrollTraineeEndpoint
{
    public static ProblemDetails Validate(EnrollTrainee command, Studio studio, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        var check = new Check();
        TeacherInfo.Check(check, command.Teacher, "teacher", today);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? RosterRules.EnrollTrainee(studio, command.Teacher, command.On ?? today, today).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/trainees", Name = "EnrollTrainee"), Authorize(Policy = Policies.StudioManage)]
    [Tags("Roster")]
    public static (Written, TraineeEnrolled) Post(EnrollTrainee command, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new TraineeEnrolled(command.Teacher, command.On ?? clock.Today(), http.Actor(), clock.GetUtcNow()));
}
