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

public sealed record InviteExpert(Expert Expert, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/experts — an outside expert, mental-health teacher or researcher supplements the team.</summary>
public static class InviteExpertEndpoint
{
    public static ProblemDetails Validate(InviteExpert command)
    {
        var check = new Check();
        if (command.Expert is null) check.Add("expert", "is required");
        else check.Id(command.Expert.Id, "expert.id").Text(command.Expert.Name, "expert.name", 50)
            .Text(command.Expert.Organisation, "expert.organisation", 100).Text(command.Expert.Title, "expert.title", 50, required: false);
        return check.Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(InviteExpert command, StudioState studio, Stamp stamp) =>
        RosterRules.InviteExpert(studio, command.Expert, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/experts", Name = "InviteExpert"), Authorize(Policy = Policies.StudioManage), Appends]
    [Tags("Roster")]
    public static ExpertInvited Post(InviteExpert command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(command.Expert, command.On ?? stamp.Today, stamp.By, stamp.At);
}
