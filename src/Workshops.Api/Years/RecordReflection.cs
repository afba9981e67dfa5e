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

namespace Workshops.Years;

public sealed record RecordReflection([Text(10_000)] string Text, [Text(5000)] string? Adjustments = null, DateOnly? Date = null);

/// <summary>POST /api/studios/{id}/reflections — a periodic reflection and the adjustments to strategy it led to.</summary>
public static class RecordReflectionEndpoint
{
    [WolverineBefore]
    public static ProblemDetails Rules(RecordReflection command, StudioState studio, Stamp stamp)
    {
        var date = command.Date ?? stamp.Today;
        Refusal? refusal = date > stamp.Today ? new("reflection.date-in-future", $"The date {date:yyyy-MM-dd} is in the future.")
            : date < studio.FoundedOn ? new("reflection.date-before-founding", $"The studio was founded on {studio.FoundedOn:yyyy-MM-dd}.")
            : null;
        return refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/reflections", Name = "RecordReflection"), Authorize(Policy = Policies.StudioContribute), Appends]
    [Tags("Years")]
    public static ReflectionRecorded Post(RecordReflection command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(Guid.CreateVersion7(), command.Date ?? stamp.Today, command.Text, command.Adjustments, stamp.By, stamp.At);
}
