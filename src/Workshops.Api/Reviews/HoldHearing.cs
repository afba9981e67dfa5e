using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
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
    public static ProblemDetails Validate(HoldHearing command, Studio studio, HttpContext http, TimeProvider clock)
    {
        var check = new Check().Text(command.Note, "note", 2000, required: false);
        if (!check.Ok) return check.Result();
        var today = clock.Today();
        Refusal? refusal = command.Date > today ? new("hearing.date-in-future", $"The date {command.Date:yyyy-MM-dd} is in the future.")
            : command.Date < studio.FoundedOn ? new("hearing.date-before-founding", $"The studio was founded on {studio.FoundedOn:yyyy-MM-dd}.")
            : command.Semester is { } s && s != Semesters.Of(command.Date)
                ? new("hearing.semester-mismatch", $"{command.Date:yyyy-MM-dd} falls in the {Semesters.Of(command.Date).Code()} semester.")
                : null;
        return Writes.IfMatch(http, studio.Version) ?? refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/leadership-hearings", Name = "HoldHearing"), Authorize(Policy = Policies.StudioSchool)]
    [Tags("Reviews")]
    public static (Written, LeadershipHearingHeld) Post(HoldHearing command, [Aggregate("id")] Studio studio, HttpContext http,
        TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version),
            new LeadershipHearingHeld(Guid.CreateVersion7(), command.Date, Semesters.Of(command.Date), command.Note, http.Actor(),
                clock.GetUtcNow()));
}
