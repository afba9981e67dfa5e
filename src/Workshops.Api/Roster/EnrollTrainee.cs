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

public sealed record EnrollTrainee(TeacherInfo Teacher, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/trainees — a trainee (研修人员) is enrolled; any number.</summary>
public static class EnrollTraineeEndpoint
{
    public static ProblemDetails Validate(EnrollTrainee command, TimeProvider clock)
    {
        var check = new Check();
        TeacherInfo.Check(check, command.Teacher, "teacher", clock.Today());
        return check.Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(EnrollTrainee command, StudioState studio, Stamp stamp) =>
        RosterRules.EnrollTrainee(studio, command.Teacher, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/trainees", Name = "EnrollTrainee"), Authorize(Policy = Policies.StudioManage), Appends]
    [Tags("Roster")]
    public static TraineeEnrolled Post(EnrollTrainee command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(command.Teacher, command.On ?? stamp.Today, stamp.By, stamp.At);
}
