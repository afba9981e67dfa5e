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

/// <summary>
/// The fields to change: those left out keep their value, null clears the start and end (together), the place, the
/// summary, or empties the attendees, tasks or evidence; the kind, domains, title, date and hours can be changed, not cleared.
/// </summary>
public sealed record ActivityChanges : Changes
{
    public ActivityKind? Kind { get; set => field = Sent("kind", value); }
    [Items(1, 5)] public IReadOnlyList<Domain>? Domains { get; set => field = Sent("domains", value); }
    [Text(200)] public string? Title { get; set => field = Sent("title", value); }
    public DateOnly? Date { get; set => field = Sent("date", value); }
    [Between(0, ActivityRules.HoursPerDay, AboveMin = true)] public decimal? Hours { get; set => field = Sent("hours", value); }
    public TimeOnly? Start { get; set => field = Sent("start", value); }
    public TimeOnly? End { get; set => field = Sent("end", value); }
    [Text(200)] public string? Place { get; set => field = Sent("place", value); }
    [Items(0, 500)] public IReadOnlyList<Attendance>? Attendees { get; set => field = Sent("attendees", value); }
    [Items(0, 50)] public IReadOnlyList<Guid>? TaskIds { get; set => field = Sent("taskIds", value); }
    [Text(5000)] public string? Summary { get; set => field = Sent("summary", value); }
    [Items(0, 20), HttpUrl] public IReadOnlyList<string>? Evidence { get; set => field = Sent("evidence", value); }

    public IReadOnlyList<string> Named() => Edits.Given(
        ("kind", Gave("kind")), ("domains", Gave("domains")), ("title", Gave("title")), ("date", Gave("date")),
        ("hours", Gave("hours") || Start is not null), ("start", Gave("start")), ("end", Gave("end")),
        ("place", Gave("place")), ("attendees", Gave("attendees")), ("taskIds", Gave("taskIds")),
        ("summary", Gave("summary")), ("evidence", Gave("evidence")));

    public Check Uncleared(Check check) =>
        Uncleared(check, ("kind", Kind), ("domains", Domains), ("title", Title), ("date", Date), ("hours", Hours));

    public ActivityFacts Apply(ActivityFacts before)
    {
        // New hours without a new start and end drop the old ones, which would no longer match.
        var start = Gave("start") ? Start : Hours is null ? before.Start : null;
        var end = Gave("end") ? End : Hours is null ? before.End : null;
        return ActivityInput.Facts(Kind ?? before.Kind, Domains ?? before.Domains, Title ?? before.Title, Date ?? before.Date,
            Hours ?? before.Hours, start, end, Or("place", Place, before.Place), Or("attendees", Attendees, before.Attendees),
            Or("taskIds", TaskIds, before.TaskIds), Or("summary", Summary, before.Summary), Or("evidence", Evidence, before.Evidence));
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

    public static ProblemDetails Validate(CorrectActivity command, StudioState studio, ActivityEntry? entry, ActivityRecord? record, Stamp stamp)
    {
        var check = new Check().Text(command.Reason, "reason", 1000);
        if (command.Changes is null) check.Add("changes", "is required");
        else if (command.Changes.Named().Count == 0) check.Add("changes", "name at least one field to change");
        else command.Changes.Uncleared(check);
        if (!check.Ok) return check.Result();
        if (ActivityRules.Changeable(entry, studio.Id) is { } unknown) return Problems.Rule(unknown);
        var after = command.Changes!.Apply(record!.Facts);
        ActivityInput.Check(check, after, command.Changes.Hours ?? (command.Changes.Start is null ? after.Hours : null),
            after.Start, after.End, stamp.Today, "changes.");
        return check.Result();
    }

    /// <summary>The tasks the corrected facts name.</summary>
    [WolverineBefore]
    public static Task<IReadOnlyList<TaskStanding>> LoadTasks(CorrectActivity command, ActivityRecord record, IDocumentSession session, CancellationToken ct) =>
        new DocumentsById<TaskStanding>([.. command.Changes.Apply(record.Facts).TaskIds]).Fetch(session, ct);

    [WolverineBefore]
    public static ProblemDetails Rules(CorrectActivity command, StudioState studio, ActivityRecord record, IReadOnlyList<ActivityEntry> sameDay,
        IReadOnlyList<TaskStanding> tasks) =>
        ActivityRules.Check(studio, sameDay, command.Changes.Apply(record.Facts), record.Id, tasks).OrContinue();

    [WolverinePost("/api/studios/{id}/activities/{activityId}/corrections", Name = "CorrectActivity"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Activities")]
    public static ActivityCorrected Post(CorrectActivity command, [WriteAggregate("id")] StudioState studio, ActivityRecord record, Stamp stamp) =>
        new(record.Id, record.Facts, command.Changes.Apply(record.Facts), command.Changes.Named(), command.Reason, stamp.By, stamp.At);
}
