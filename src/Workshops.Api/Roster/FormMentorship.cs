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

public sealed record FormMentorship([Id] string MentorId, [Id] string MenteeId, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/mentorships — a mentor–mentee pair (师徒结对); a mentee may have two mentors (双导师).</summary>
public static class FormMentorshipEndpoint
{
    public static ProblemDetails Validate(FormMentorship command)
    {
        var check = new Check().Id(command.MentorId, "mentorId").Id(command.MenteeId, "menteeId");
        return check.Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(FormMentorship command, StudioState studio, Stamp stamp) =>
        RosterRules.FormMentorship(studio, command.MentorId, command.MenteeId, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/mentorships", Name = "FormMentorship"), Authorize(Policy = Policies.StudioManage), Appends]
    [Tags("Roster")]
    public static MentorshipFormed Post(FormMentorship command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(command.MentorId, command.MenteeId, command.On ?? stamp.Today, stamp.By, stamp.At);
}
