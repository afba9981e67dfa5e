using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Roster;

public sealed record AddMember(TeacherInfo Teacher, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/members — a member joins (2–4 per studio, seed 000); a fifth is refused with members.max.</summary>
public static class AddMemberEndpoint
{
    public static ProblemDetails Validate(AddMember command, Studio studio, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        var check = new Check();
        TeacherInfo.Check(check, command.Teacher, "teacher", today);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? RosterRules.AddMember(studio, command.Teacher, command.On ?? today, today).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/members", Name = "AddMember"), Authorize(Policy = Policies.StudioManage)]
    [Tags("Roster")]
    public static (Written, MemberJoined) Post(AddMember command, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new MemberJoined(command.Teacher, command.On ?? clock.Today(), http.Actor(), clock.GetUtcNow()));
}
