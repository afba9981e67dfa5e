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

public sealed record LeaveMember(DateOnly? On = null, [Text(500)] string? Reason = null);

/// <summary>POST /api/studios/{id}/members/{teacherId}/leave — a member leaves; they may rejoin later.</summary>
public static class LeaveMemberEndpoint
{
    public static ProblemDetails Validate(LeaveMember command, Studio studio, string teacherId, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        var check = new Check().Text(command.Reason, "reason", 500, required: false);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? RosterRules.RemoveMember(studio, teacherId, command.On ?? today, today).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/members/{teacherId}/leave", Name = "LeaveMember"), Authorize(Policy = Policies.StudioManage)]
    [Tags("Roster")]
    public static (Written, MemberLeft) Post(LeaveMember command, [Aggregate("id")] Studio studio, string teacherId, HttpContext http,
        TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new MemberLeft(teacherId, command.On ?? clock.Today(), command.Reason, http.Actor(), clock.GetUtcNow()));
}
