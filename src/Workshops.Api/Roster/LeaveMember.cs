using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Attributes;
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
    [WolverineBefore]
    public static ProblemDetails Rules(LeaveMember command, StudioState studio, string teacherId, Stamp stamp) =>
        RosterRules.RemoveMember(studio, teacherId, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/members/{teacherId}/leave", Name = "LeaveMember"), Authorize(Policy = Policies.StudioManage), Appends]
    [Tags("Roster")]
    public static MemberLeft Post(LeaveMember command, [WriteAggregate("id")] StudioState studio, string teacherId, Stamp stamp) =>
        new(teacherId, command.On ?? stamp.Today, command.Reason, stamp.By, stamp.At);
}
