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

public sealed record ReopenTask([Text(1000)] string Reason);

/// <summary>POST /api/studios/{id}/tasks/{taskId}/reopen — reopen a closed or cancelled task: an explicit event with a reason.</summary>
public static class ReopenTaskEndpoint
{
    public static ProblemDetails Validate(ReopenTask command, Guid taskId, Studio studio, HttpContext http, TimeProvider clock)
    {
        var check = new Check().Text(command.Reason, "reason", 1000);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? PlanRules.Can(studio, taskId, PlanRules.Move.Reopen, clock.Today()).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/tasks/{taskId}/reopen", Name = "ReopenTask"), Authorize(Policy = Policies.StudioWork)]
    [Tags("Plans and ledger")]
    public static (Written, TaskReopened) Post(ReopenTask command, Guid taskId, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new TaskReopened(studio.Tasks[taskId].Year, taskId, command.Reason, http.Actor(), clock.GetUtcNow()));
}
