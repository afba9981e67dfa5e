using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Studios;

public sealed record NameSupervision(string SchoolLeader, string Department, DateOnly? On = null);

/// <summary>
/// The school named the studio's supervising school leader (主管校领导) and the department responsible for it (责任部门):
/// seed 001 二.1 明确工作室建设的主管校领导、责任部门. A later naming replaces the earlier one from its day.
/// </summary>
public sealed record SupervisionNamed(string SchoolLeader, string Department, DateOnly On, Actor By, DateTimeOffset At) : IStudioEvent;

/// <summary>POST /api/studios/{id}/supervision — name the studio's 主管校领导 and 责任部门 (seed 001 二.1; Annex 2 lists them).</summary>
public static class NameSupervisionEndpoint
{
    public static ProblemDetails Validate(NameSupervision command, TimeProvider clock) => new Check()
        .Text(command.SchoolLeader, "schoolLeader", 50)
        .Text(command.Department, "department", 100)
        .When(command.On > clock.Today(), "on", "must not be in the future")
        .Result();

    [WolverineBefore]
    public static ProblemDetails Rules(NameSupervision command, StudioState studio, Stamp stamp) =>
        (command.On is { } on && on < studio.FoundedOn
            ? new Refusal("supervision.date-before-founding", $"The studio was founded on {studio.FoundedOn:yyyy-MM-dd}.")
            : null).OrContinue();

    [WolverinePost("/api/studios/{id}/supervision", Name = "NameSupervision"), Authorize(Policy = Policies.StudioSchool), Appends]
    [Tags("Studios")]
    public static SupervisionNamed Post(NameSupervision command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(command.SchoolLeader.Trim(), command.Department.Trim(), command.On ?? stamp.Today, stamp.By, stamp.At);
}
