using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Growth;

public sealed record AddGrowthReflection([Text(10_000)] string Text, DateOnly? Date = null);

/// <summary>POST /api/studios/{id}/growth/{teacherId}/reflections — the teacher's own reflection.</summary>
public static class AddGrowthReflectionEndpoint
{
    public static ProblemDetails Validate(AddGrowthReflection command, string teacherId, Studio studio, HttpContext http, TimeProvider clock)
    {
        // Who may write comes before what they wrote: a refused caller learns nothing about the body.
        if (GrowthAccess.Check(http, studio, teacherId) is { } denied) return denied;
        var today = clock.Today();
        var check = new Check().Text(command.Text, "text", 10_000);
        var refusal = GrowthAccess.Dated(studio, command.Date ?? today, today);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/reflections", Name = "AddGrowthReflection"), Authorize(Policy = Policies.StudioGrowth)]
    [Tags("Growth files")]
    public static (Written, GrowthReflectionAdded) Post(AddGrowthReflection command, string teacherId, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new GrowthReflectionAdded(Guid.CreateVersion7(), teacherId, command.Date ?? clock.Today(), command.Text, http.Actor(), clock.GetUtcNow()));
}
