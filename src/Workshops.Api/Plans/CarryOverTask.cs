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

public sealed record CarryOverTask([Text(1000)] string Reason);

/// <summary>POST /api/studios/{id}/tasks/{taskId}/carry-over — carry an open task into next year's ledger, with a reason.</summary>
public static class CarryOverTaskEndpoint
{
    public static ProblemDetails Validate(CarryOverTask command, Guid taskId, Studio studio, HttpContext http, TimeProvider clock)
    {
        var check = new Check().Text(command.Reason, "reason", 1000);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? PlanRules.Can(studio, taskId, PlanRules.Move.CarryOver, clock.Today()).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/tasks/{taskId}/carry-over", Name = "CarryOverTask"), Authorize(Policy = Policies.StudioWork)]
    [Tags("Plans and ledger")]
    public static (Written, TaskCarriedOver) Post(CarryOverTask command, Guid taskId, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new TaskCarriedOver(studio.Tasks[taskId].Year, taskId, studio.Tasks[taskId].Year + 1, command.Reason, studio.Tasks[taskId].Spec, http.Actor(), clock.GetUtcNow()));
}
