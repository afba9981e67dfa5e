using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Roster;

public sealed record AddMember(TeacherInfo Teacher, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/members — a member joins (2–4 per studio, seed 000); a fifth is refused with members.max.</summary>
public static class AddMemberEndpoint
{
    public static ProblemDetails Validate(AddMember command, TimeProvider clock)
    {
        var check = new Check();
        TeacherInfo.Check(check, command.Teacher, "teacher", clock.Today());
        return check.Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(AddMember command, StudioState studio, Stamp stamp) =>
        RosterRules.AddMember(studio, command.Teacher, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/members", Name = "AddMember"), Authorize(Policy = Policies.StudioManage), Appends]
    [Tags("Roster")]
    public static MemberJoined Post(AddMember command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(command.Teacher, command.On ?? stamp.Today, stamp.By, stamp.At);
}
