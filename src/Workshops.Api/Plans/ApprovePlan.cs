using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Plans;

public sealed record ApprovePlan([Text(1000)] string? Note = null);

/// <summary>POST /api/studios/{id}/plans/{year}/approval — the school approves the plan; its tasks open in the ledger.</summary>
public static class ApprovePlanEndpoint
{
    public static ProblemDetails Validate(ApprovePlan command, int year, Studio studio, HttpContext http)
    {
        var check = new Check().Text(command.Note, "note", 1000, required: false);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? PlanRules.Approve(studio, year).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/plans/{year}/approval", Name = "ApprovePlan"), Authorize(Policy = Policies.StudioSchool)]
    [Tags("Plans and ledger")]
    public static (Written, AnnualPlanApproved) Post(ApprovePlan command, int year, [Aggregate("id")] Studio studio, HttpContext http,
        TimeProvider clock)
    {
        var plan = studio.Plans[year];
        return (Writes.Done(http, studio.Id, studio.Version),
            new AnnualPlanApproved(year, plan.Revision, plan.TaskIds, command.Note, http.Actor(), clock.GetUtcNow()));
    }
}
