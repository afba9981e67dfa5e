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

public sealed record ProgressTask([Text(2000)] string Note, [Between(0, 100)] int? Percent = null);

/// <summary>POST /api/studios/{id}/tasks/{taskId}/progress — a progress note on an open task.</summary>
public static class ProgressTaskEndpoint
{
    public static ProblemDetails Validate(ProgressTask command, Guid taskId, Studio studio, HttpContext http, TimeProvider clock)
    {
        var check = new Check().Text(command.Note, "note", 2000)
            .When(command.Percent is < 0 or > 100, "percent", "must be between 0 and 100");
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? PlanRules.Can(studio, taskId, PlanRules.Move.Progress, clock.Today()).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/tasks/{taskId}/progress", Name = "ProgressTask"), Authorize(Policy = Policies.StudioWork)]
    [Tags("Plans and ledger")]
    public static (Written, TaskProgressed) Post(ProgressTask command, Guid taskId, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new TaskProgressed(studio.Tasks[taskId].Year, taskId, command.Note, command.Percent, http.Actor(), clock.GetUtcNow()));
}
