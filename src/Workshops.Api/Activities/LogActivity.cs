using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Plans;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Activities;

/// <summary>An activity as a host logs it; hours come from <c>hours</c> or from <c>start</c> and <c>end</c>.</summary>
public sealed record LogActivity(
    ActivityKind Kind,
    [Items(1, 5)] IReadOnlyList<Domain> Domains,
    [Text(200)] string Title,
    DateOnly Date,
    [Between(0, ActivityRules.HoursPerDay, AboveMin = true)] decimal? Hours = null,
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

    /// <param name="today">Today in China: an activity is logged once it has happened.</param>
    public static void Check(Check check, ActivityFacts facts, decimal? givenHours, TimeOnly? start, TimeOnly? end, DateOnly today, string prefix = "")
    {
        check.Day(facts.Date, $"{prefix}date", today);
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
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < facts.Attendees.Count; i++)
        {
            var a = facts.Attendees[i];
            if (a is null) { check.Add($"{prefix}attendees[{i}]", "is required"); continue; }
            if (a.Guest) check.Text(a.Name, $"{prefix}attendees[{i}].name", 50);
            if (a.TeacherId is not null && !seen.Add(a.TeacherId))
                check.Add($"{prefix}attendees[{i}].teacherId", $"{a.TeacherId} is listed twice; list each teacher once, with the hours attended");
            // The hours' lower bound is the field's own (BodyShape); the upper one is the activity's hours.
            if (a.Hours > facts.Hours && facts.Hours > 0)
                check.Add($"{prefix}attendees[{i}].hours", $"is more than the activity's {facts.Hours} hours");
        }
    }
}

public sealed record ActivityCreated(Guid StudioId, Guid ActivityId, long Version)
    : CreationResponse($"/api/studios/{StudioId}/activities/{ActivityId}");

/// <summary>POST /api/studios/{id}/activities — log what the studio did (工作载体), with attendance and the tasks it served.</summary>
public static class LogActivityEndpoint
{
    /// <summary>The studio's activities that day and the tasks the activity serves, in the round trip that loads the studio.</summary>
    public static (ActivityQueries.SameDay, DocumentsById<TaskStanding>) Load(LogActivity command, Guid id) =>
        (new(id, command.Date), new([.. command.TaskIds ?? []]));

    public static ProblemDetails Validate(LogActivity command, Stamp stamp)
    {
        var check = new Check();
        if (command.Domains is null || command.Title is null) return check.Add("body", "kind, domains, title and date are required").Result();
        ActivityInput.Check(check, command.Facts(), command.Hours, command.Start, command.End, stamp.Today);
        return check.Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(LogActivity command, StudioState studio, IReadOnlyList<ActivityEntry> sameDay, IReadOnlyList<TaskStanding> tasks) =>
        ActivityRules.Check(studio, sameDay, command.Facts(), tasks: tasks).OrContinue();

    [WolverinePost("/api/studios/{id}/activities", Name = "LogActivity"), Authorize(Policy = Policies.StudioContribute), Appends(typeof(ActivityCreated))]
    [Tags("Activities")]
    public static ActivityLogged Post(LogActivity command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(Guid.CreateVersion7(), command.Facts(), stamp.By, stamp.At);

    public static ActivityCreated Created(ActivityLogged logged, Written written) => new(written.StudioId, logged.ActivityId, written.Version);
}

public static class ActivityQueries
{
    /// <summary>The studio's standing activities on a date: what the 24-hours-a-day rule adds up.</summary>
    public sealed class SameDay(Guid studioId, DateOnly date) : QueryListPlan<ActivityEntry>
    {
        public override IQueryable<ActivityEntry> Query(IQuerySession session) =>
            session.Query<ActivityEntry>().Where(a => a.StudioId == studioId && a.Date == date && !a.Voided);
    }

    /// <summary>The studio's standing activities of a year (for the ledger's links).</summary>
    public static async Task<IReadOnlyList<ActivityEntry>> OfYear(IQuerySession session, Guid studioId, int year, CancellationToken ct) =>
        await session.Query<ActivityEntry>().Where(a => a.StudioId == studioId && a.Year == year && !a.Voided).ToListAsync(ct);
}
