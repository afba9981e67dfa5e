using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
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
    [WolverineBefore]
    public static ProblemDetails Rules(int year, StudioState studio) => PlanRules.Approve(studio, year).OrContinue();

    [WolverinePost("/api/studios/{id}/plans/{year}/approval", Name = "ApprovePlan"), Authorize(Policy = Policies.StudioSchool), Appends]
    [Tags("Plans and ledger")]
    public static AnnualPlanApproved Post(ApprovePlan command, int year, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(year, studio.Plans[year].Revision, studio.Plans[year].Planned, command.Note, stamp.By, stamp.At);
}
