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
    public IReadOnlyList<string> Named() =>
    [
        .. new (string Name, bool Given)[]
        {
            ("kind", Kind is not null), ("domains", Domains is not null), ("title", Title is not null), ("date", Date is not null),
            ("hours", Hours is not null || Start is not null), ("start", Start is not null), ("end", End is not null),
            ("place", Place is not null), ("attendees", Attendees is not null), ("taskIds", TaskIds is not null),
            ("summary", Summary is not null), ("evidence", Evidence is not null),
        }.Where(x => x.Given).Select(x => x.Name),
    ];

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
    public static async Task<(ActivityRecord?, IReadOnlyList<ActivityRecord>)> LoadAsync(CorrectActivity command, Guid id, Guid activityId,
        IDocumentSession session, CancellationToken ct)
    {
        var record = await session.LoadAsync<ActivityRecord>(activityId, ct);
        var date = command.Changes?.Date ?? record?.Date;
        return (record, date is null ? [] : await ActivityQueries.SameDay(session, id, date.Value, ct));
    }

    public static ProblemDetails Validate(CorrectActivity command, Studio studio, ActivityRecord? record, IReadOnlyList<ActivityRecord> sameDay,
        HttpContext http, TimeProvider clock)
    {
        var check = new Check().Text(command.Reason, "reason", 1000);
        if (command.Changes is null) check.Add("changes", "is required");
        else if (command.Changes.Named().Count == 0) check.Add("changes", "name at least one field to change");
        if (!check.Ok) return check.Result();
        if (ActivityRules.Changeable(record, studio.Id) is { } unknown) return Problems.Rule(unknown);
        var after = command.Changes!.Apply(record!.Facts);
        ActivityInput.Check(check, after, command.Changes.Hours ?? (command.Changes.Start is null ? after.Hours : null),
            after.Start, after.End, "changes.");
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? ActivityRules.Check(studio, sameDay, after, clock.Today(), record.Id).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/activities/{activityId}/corrections", Name = "CorrectActivity"), Authorize(Policy = Policies.StudioWork)]
    [Tags("Activities")]
    public static (Written, ActivityCorrected) Post(CorrectActivity command, [Aggregate("id")] Studio studio, ActivityRecord record,
        HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version),
            new ActivityCorrected(record.Id, record.Facts, command.Changes.Apply(record.Facts), command.Changes.Named(), command.Reason,
                http.Actor(), clock.GetUtcNow()));
}
