using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Roster;

public sealed record InviteExpert(Expert Expert, DateOnly? On = null);

/// <summary>POST /api/studios/{id}/experts — an outside expert, mental-health teacher or researcher supplements the team.</summary>
public static class InviteExpertEndpoint
{
    public static ProblemDetails Validate(InviteExpert command, Studio studio, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        var check = new Check();
        if (command.Expert is null) check.Add("expert", "is required");
        else check.Id(command.Expert.Id, "expert.id").Text(command.Expert.Name, "expert.name", 50)
            .Text(command.Expert.Organisation, "expert.organisation", 100).Text(command.Expert.Title, "expert.title", 50, required: false);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? RosterRules.InviteExpert(studio, command.Expert!, command.On ?? today, today).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/experts", Name = "InviteExpert"), Authorize(Policy = Policies.StudioManage)]
    [Tags("Roster")]
    public static (Written, ExpertInvited) Post(InviteExpert command, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new ExpertInvited(command.Expert, command.On ?? clock.Today(), http.Actor(), clock.GetUtcNow()));
}
