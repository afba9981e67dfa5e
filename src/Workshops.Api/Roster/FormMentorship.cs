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

public sealed record FormMentorship([Id] string MentorId, [Id] string MenteeId, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/mentorships — a mentor–mentee pair (师徒结对); a mentee may have two mentors (双导师).</summary>
public static class FormMentorshipEndpoint
{
    public static ProblemDetails Validate(FormMentorship command, Studio studio, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        var check = new Check().Id(command.MentorId, "mentorId").Id(command.MenteeId, "menteeId");
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? RosterRules.FormMentorship(studio, command.MentorId, command.MenteeId, command.On ?? today, today).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/mentorships", Name = "FormMentorship"), Authorize(Policy = Policies.StudioManage)]
    [Tags("Roster")]
    public static (Written, MentorshipFormed) Post(FormMentorship command, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new MentorshipFormed(command.MentorId, command.MenteeId, command.On ?? clock.Today(), http.Actor(), clock.GetUtcNow()));
}
