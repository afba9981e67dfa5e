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

/// <summary>Text is checked after access (who may write depends on the mentor pairs), so it is optional to the JSON reader.</summary>
public sealed record AddMentorNote([Text(10_000)] string? Text = null, DateOnly? Date = null);

/// <summary>POST /api/studios/{id}/growth/{teacherId}/mentor-notes — a mentor's note on a mentee (or the host's).</summary>
public static class AddMentorNoteEndpoint
{
    public static ProblemDetails Validate(AddMentorNote command, string teacherId, Studio studio, HttpContext http, TimeProvider clock)
    {
        // Who may write comes before what they wrote: a refused caller learns nothing about the body.
        if (GrowthAccess.Check(http, studio, teacherId, asMentor: true) is { } denied) return denied;
        var today = clock.Today();
        var check = new Check().Text(command.Text, "text", 10_000);
        var refusal = GrowthAccess.Dated(studio, command.Date ?? today, today);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/mentor-notes", Name = "AddMentorNote"), Authorize(Policy = Policies.StudioGrowth)]
    [Tags("Growth files")]
    public static (Written, MentorNoteAdded) Post(AddMentorNote command, string teacherId, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new MentorNoteAdded(Guid.CreateVersion7(), teacherId, Caller.From(http.User).TeacherId ?? http.Actor().Id, command.Date ?? clock.Today(), command.Text!, http.Actor(), clock.GetUtcNow()));
}
