using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Years;

public sealed record RecordReflection([Text(10_000)] string Text, [Text(5000)] string? Adjustments = null, DateOnly? Date = null);

/// <summary>POST /api/studios/{id}/reflections — a periodic reflection and the adjustments to strategy it led to.</summary>
public static class RecordReflectionEndpoint
{
    public static ProblemDetails Validate(RecordReflection command, Studio studio, HttpContext http, TimeProvider clock)
    {
        var check = new Check().Text(command.Text, "text", 10_000).Text(command.Adjustments, "adjustments", 5000, required: false);
        if (!check.Ok) return check.Result();
        var today = clock.Today();
        var date = command.Date ?? today;
        Refusal? refusal = date > today ? new("reflection.date-in-future", $"The date {date:yyyy-MM-dd} is in the future.")
            : date < studio.FoundedOn ? new("reflection.date-before-founding", $"The studio was founded on {studio.FoundedOn:yyyy-MM-dd}.")
            : null;
        return Writes.IfMatch(http, studio.Version) ?? refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/reflections", Name = "RecordReflection"), Authorize(Policy = Policies.StudioContribute)]
    [Tags("Years")]
    public static (Written, ReflectionRecorded) Post(RecordReflection command, [Aggregate("id")] Studio studio, HttpContext http,
        TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version),
            new ReflectionRecorded(Guid.CreateVersion7(), command.Date ?? clock.Today(), command.Text, command.Adjustments, http.Actor(),
                clock.GetUtcNow()));
}
