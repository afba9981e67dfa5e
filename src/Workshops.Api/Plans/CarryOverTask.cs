using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Plans;

public sealed record CarryOverTask(string Reason);

/// <summary>POST /api/studios/{id}/tasks/{taskId}/carry-over — carry an open task into next year's ledger, with a reason.</summary>
public static class CarryOverTaskEndpoint
{
    public static ProblemDetails Validate(CarryOverTask command) => new Check().Text(command.Reason, "reason", 1000).Result();

    [WolverineBefore]
    public static ProblemDetails Rules(Guid taskId, Studio studio, Stamp stamp) =>
        PlanRules.Can(studio, taskId, PlanRules.Move.CarryOver, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/tasks/{taskId}/carry-over", Name = "CarryOverTask"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Plans and ledger")]
    public static TaskCarriedOver Post(CarryOverTask command, Guid taskId, [WriteAggregate("id")] Studio studio, Stamp stamp) =>
        new(studio.Tasks[taskId].Year, taskId, studio.Tasks[taskId].Year + 1, command.Reason, studio.Tasks[taskId].Spec, stamp.By, stamp.At);
}
