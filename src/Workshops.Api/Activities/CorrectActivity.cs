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

/// <summary>The fields to change; those left out keep their value.</summary>
public sealed record ActivityChanges(
    ActivityKind? Kind = null,
    [Items(1, 5)] IReadOnlyList<Domain>? Domains = null,
    [Text(200)] string? Title = null,
    DateOnly? Date = null,
    decimal? Hours = null,
    TimeOnly? Start = null,
    TimeOnly? End = null,
    [Text(200)] string? Place = null,
    [Items(0, 500)] IReadOnlyList<Attendance>? Attendees = null,
    [Items(0, 50)] IReadOnlyList<Guid>? TaskIds = null,
    [Text(5000)] string? Summary = null,
    [Items(0, 20), HttpUrl] IReadOnlyList<string>? Evidence = null)
{
    public IReadOnlyList<string> Named() => Edits.Given(
        ("kind", Kind is not null), ("domains", Domains is not null), ("title", Title is not null), ("date", Date is not null),
        ("hours", Hours is not null || Start is not null), ("start", Start is not null), ("end", End is not null),
        ("place", Place is not null), ("attendees", Attendees is not null), ("taskIds", TaskIds is not null),
        ("summary", Summary is not null), ("evidence", Evidence is not null));

    public ActivityFacts Apply(ActivityFacts before)
    {
        var start = Start ?? (Hours is null ? before.Start : null);
        var end = End ?? (Hours is null ? before.End : null);
        return ActivityInput.Facts(Kind ?? before.Kind, Domains ?? before.Domains, Title ?? before.Title, Date ?? before.Date,
            Hours ?? before.Hours, start, end, Place ?? before.Place, Attendees ?? before.Attendees, TaskIds ?? before.TaskIds,
            Summary ?? before.Summary, Evidence ?? before.Evidence);
    }
}

public sealed record CorrectActivity(ActivityChanges Changes, [Text(1000)] string Reason);

/// <summary>POST /api/studios/{id}/activities/{activityId}/corrections — correct an activity; views show the corrected facts and keep history.</summary>
public static class CorrectActivityEndpoint
{
    /// <summary>The activity in full (the correction states the facts it replaces) and the studio's activities on the corrected date.</summary>
    public static async Task<(ActivityEntry?, ActivityRecord?, IReadOnlyList<ActivityEntry>)> LoadAsync(CorrectActivity command, Guid id, Guid activityId,
        IDocumentSession session, CancellationToken ct)
    {
        var entry = await session.LoadAsync<ActivityEntry>(activityId, ct);
        if (entry is null || entry.StudioId != id) return (entry, null, []);
        var record = await ActivityRecords.Of(session, entry, ct);
        var date = command.Changes?.Date ?? entry.Date;
        return (entry, record, await session.Query<ActivityEntry>().Where(a => a.StudioId == id && a.Date == date && !a.Voided).ToListAsync(ct));
    }

    public static ProblemDetails Validate(CorrectActivity command, StudioState studio, ActivityEntry? entry, ActivityRecord? record)
    {
        var check = new Check().Text(command.Reason, "reason", 1000);
        if (command.Changes is null) check.Add("changes", "is required");
        else if (command.Changes.Named().Count == 0) check.Add("changes", "name at least one field to change");
        if (!check.Ok) return check.Result();
        if (ActivityRules.Changeable(entry, studio.Id) is { } unknown) return Problems.Rule(unknown);
        var after = command.Changes!.Apply(record!.Facts);
        ActivityInput.Check(check, after, command.Changes.Hours ?? (command.Changes.Start is null ? after.Hours : null),
            after.Start, after.End, "changes.");
        return check.Result();
    }

    /// <summary>The tasks the corrected facts name.</summary>
    [WolverineBefore]
    public static Task<IReadOnlyList<TaskStanding>> LoadTasks(CorrectActivity command, ActivityRecord record, IDocumentSession session, CancellationToken ct) =>
        new DocumentsById<TaskStanding>([.. command.Changes.Apply(record.Facts).TaskIds]).Fetch(session, ct);

    [WolverineBefore]
    public static ProblemDetails Rules(CorrectActivity command, StudioState studio, ActivityRecord record, IReadOnlyList<ActivityEntry> sameDay,
        IReadOnlyList<TaskStanding> tasks, Stamp stamp) =>
        ActivityRules.Check(studio, sameDay, command.Changes.Apply(record.Facts), stamp.Today, record.Id, tasks).OrContinue();

    [WolverinePost("/api/studios/{id}/activities/{activityId}/corrections", Name = "CorrectActivity"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Activities")]
    public static ActivityCorrected Post(CorrectActivity command, [WriteAggregate("id")] StudioState studio, ActivityRecord record, Stamp stamp) =>
        new(record.Id, record.Facts, command.Changes.Apply(record.Facts), command.Changes.Named(), command.Reason, stamp.By, stamp.At);
}
