using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Activities;

/// <summary>An activity as a host logs it; hours come from <c>hours</c> or from <c>start</c> and <c>end</c>.</summary>
public sealed record LogActivity(
    ActivityKind Kind,
    [Items(1, 5)] IReadOnlyList<Domain> Domains,
    [Text(200)] string Title,
    DateOnly Date,
    decimal? Hours = null,
    TimeOnly? Start = null,
    TimeOnly? End = null,
    [Text(200)] string? Place = null,
    [Items(0, 500)] IReadOnlyList<Attendance>? Attendees = null,
    [Items(0, 50)] IReadOnlyList<Guid>? TaskIds = null,
    [Text(5000)] string? Summary = null,
    [Items(0, 20), HttpUrl] IReadOnlyList<string>? Evidence = null)
{
    public ActivityFacts Facts() => ActivityInput.Facts(Kind, Domains, Title, Date, Hours, Start, End, Place, Attendees, TaskIds, Summary, Evidence);
}

/// <summary>Input-shape checks shared by logging and correcting an activity.</summary>
public static class ActivityInput
{
    public static decimal? HoursOf(decimal? hours, TimeOnly? start, TimeOnly? end) =>
        start is { } s && end is { } e && e > s ? Math.Round((decimal)(e - s).TotalHours, 2) : hours;

    public static ActivityFacts Facts(ActivityKind kind, IReadOnlyList<Domain> domains, string title, DateOnly date, decimal? hours,
        TimeOnly? start, TimeOnly? end, string? place, IReadOnlyList<Attendance>? attendees, IReadOnlyList<Guid>? taskIds,
        string? summary, IReadOnlyList<string>? evidence) =>
        new(kind, [.. domains.Distinct()], title.Trim(), date, HoursOf(hours, start, end) ?? 0, attendees ?? [], [.. (taskIds ?? []).Distinct()],
            evidence ?? [], start, end, place, summary);

    public static void Check(Check check, ActivityFacts facts, decimal? givenHours, TimeOnly? start, TimeOnly? end, string prefix = "")
    {
        // Counts, lengths, ids and URLs are limited on the records and checked with the body (Core/Contract/Limits);
        // what is left here relates fields to each other.
        if (start is null != end is null) check.Add($"{prefix}end", "start and end go together");
        else if (start is { } s && end is { } e)
        {
            if (e <= s) check.Add($"{prefix}end", "must be after start");
            else if (givenHours is { } h && Math.Abs(h - facts.Hours) > 0.01m)
                check.Add($"{prefix}hours", $"does not match start and end ({facts.Hours} hours)");
        }
        else if (givenHours is null) check.Add($"{prefix}hours", "give hours, or start and end");
        for (var i = 0; i < facts.Attendees.Count; i++)
        {
            var a = facts.Attendees[i];
            if (a is null) { check.Add($"{prefix}attendees[{i}]", "is required"); continue; }
            if (a.Guest) check.Text(a.Name, $"{prefix}attendees[{i}].name", 50);
        }
    }
}

public sealed record ActivityCreated(Guid StudioId, Guid ActivityId, long Version)
    : CreationResponse($"/api/studios/{StudioId}/activities/{ActivityId}");

/// <summary>POST /api/studios/{id}/activities — log what the studio did (工作载体), with attendance and the tasks it served.</summary>
public static class LogActivityEndpoint
{
    public static Task<IReadOnlyList<ActivityRecord>> LoadAsync(LogActivity command, Guid id, IDocumentSession session, CancellationToken ct) =>
        ActivityQueries.SameDay(session, id, command.Date, ct);

    public static ProblemDetails Validate(LogActivity command, Studio studio, IReadOnlyList<ActivityRecord> sameDay, HttpContext http, TimeProvider clock)
    {
        var check = new Check();
        if (command.Domains is null || command.Title is null) return check.Add("body", "kind, domains, title and date are required").Result();
        var facts = command.Facts();
        ActivityInput.Check(check, facts, command.Hours, command.Start, command.End);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? ActivityRules.Check(studio, sameDay, facts, clock.Today()).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/activities", Name = "LogActivity"), Authorize(Policy = Policies.StudioContribute)]
    [Tags("Activities")]
    public static (ActivityCreated, ActivityLogged) Post(LogActivity command, [Aggregate("id")] Studio studio, HttpContext http,
        TimeProvider clock)
    {
        var activityId = Guid.CreateVersion7();
        var written = Writes.Done(http, studio.Id, studio.Version);
        return (new ActivityCreated(studio.Id, activityId, written.Version),
            new ActivityLogged(activityId, command.Facts(), http.Actor(), clock.GetUtcNow()));
    }
}

public static class ActivityQueries
{
    /// <summary>The studio's standing activities on a date: what the 24-hours-a-day rule adds up.</summary>
    public static async Task<IReadOnlyList<ActivityRecord>> SameDay(IQuerySession session, Guid studioId, DateOnly date, CancellationToken ct) =>
        await session.Query<ActivityRecord>().Where(a => a.StudioId == studioId && a.Date == date && !a.Voided).ToListAsync(ct);

    /// <summary>The studio's standing activities of a year (for the ledger's links).</summary>
    public static async Task<IReadOnlyList<ActivityRecord>> OfYear(IQuerySession session, Guid studioId, int year, CancellationToken ct) =>
        await session.Query<ActivityRecord>().Where(a => a.StudioId == studioId && a.Year == year && !a.Voided).ToListAsync(ct);
}
