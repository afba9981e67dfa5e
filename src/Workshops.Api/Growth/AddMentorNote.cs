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

namespace Workshops.Growth;

/// <summary>Text is checked after access (who may write depends on the mentor pairs), so it is optional to the JSON reader.</summary>
public sealed record AddMentorNote([Text(10_000)] string? Text = null, DateOnly? Date = null);

/// <summary>POST /api/studios/{id}/growth/{teacherId}/mentor-notes — a mentor's note on a mentee (or the host's).</summary>
public static class AddMentorNoteEndpoint
{
    public static ProblemDetails Validate(AddMentorNote command, string teacherId, StudioState studio, HttpContext http, Stamp stamp) =>
        // Who may write comes before what they wrote: a refused caller learns nothing about the body.
        GrowthAccess.Check(http, studio, teacherId, asMentor: true) ?? new Check().Text(command.Text, "text", 10_000)
            .Day(command.Date, "date", stamp.Today).Result();

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/mentor-notes", Name = "AddMentorNote"), Authorize(Policy = Policies.StudioGrowth), Appends]
    [Tags("Growth files")]
    public static MentorNoteAdded Post(AddMentorNote command, string teacherId, [WriteAggregate("id")] StudioState studio, HttpContext http, Stamp stamp) =>
        new(Guid.CreateVersion7(), teacherId, Caller.From(http.User).TeacherId ?? stamp.By.Id, command.Date ?? stamp.Today, command.Text!, stamp.By, stamp.At);
}
