using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Years;
using Workshops.Core.Contract;

namespace Workshops.Reviews;

public sealed record HoldHearing(DateOnly Date, Semester? Semester = null, [Text(2000)] string? Note = null);

/// <summary>
/// POST /api/studios/{id}/leadership-hearings — the school's leadership heard head-teacher work
/// (seed 001 Annex 1, 1.1.1: at least once each semester). The semester follows from the date.
/// </summary>
public static class HoldHearingEndpoint
{
    /// <summary>A hearing is recorded once held, and a semester given must be the date's: the body's own, told as input (400).</summary>
    public static ProblemDetails Validate(HoldHearing command, Stamp stamp) =>
        new Check().Day(command.Date, "date", stamp.Today).When(command.Semester is { } s && s != Semesters.Of(command.Date), "semester",
            $"{command.Date:yyyy-MM-dd} falls in the {Semesters.Of(command.Date).Code()} semester ({Semesters.Of(command.Date).Label()}); send that or leave it out").Result();

    [WolverineBefore]
    public static ProblemDetails Rules(HoldHearing command, StudioState studio)
    {
        Refusal? refusal = command.Date < studio.FoundedOn ? new("hearing.date-before-founding", $"The studio was founded on {studio.FoundedOn:yyyy-MM-dd}.") : null;
        return refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/leadership-hearings", Name = "HoldHearing"), Authorize(Policy = Policies.StudioSchool), Appends]
    [Tags("Reviews")]
    public static LeadershipHearingHeld Post(HoldHearing command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(Guid.CreateVersion7(), command.Date, Semesters.Of(command.Date), command.Note, stamp.By, stamp.At);
}
