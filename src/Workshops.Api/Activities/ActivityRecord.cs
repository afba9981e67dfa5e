using JasperFx.Events;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Years;
using Workshops.Studios;

namespace Workshops.Activities;

/// <summary>
/// One step of an activity's history; a correction keeps the facts it replaced (<see cref="Before"/>), whose attendees
/// carry their names when the record is read.
/// </summary>
public sealed record ActivityChange(string Step, IReadOnlyList<string> Changed, string? Reason, ActivityFacts? Before, EventRef Ref);

/// <summary>
/// An activity as a studio's list shows it: what it was, when, how long, who attended (by name) and whether it was
/// corrected or voided; the other facts and the history, with the facts each change replaced, are in the record
/// (GET …/activities/{activityId}, the <c>url</c>).
/// </summary>
[Labelled]
public sealed record ActivityListing(
    Guid Id,
    ActivityKind Kind,
    IReadOnlyList<Domain> Domains,
    string Title,
    DateOnly Date,
    decimal Hours,
    string? Place,
    IReadOnlyList<TeacherName> AttendeeNames,
    IReadOnlyList<Guid> TaskIds,
    int Corrections,
    bool Voided,
    int Year,
    string Url)
{
    public static ActivityListing Of(ActivityRecord record, Studio? studio)
    {
        return new(record.Id, record.Facts.Kind, record.Facts.Domains, record.Facts.Title, record.Date, record.Facts.Hours, record.Facts.Place,
            [.. ActivityRecord.Named(record.Facts, studio).Attendees.Select(a => new TeacherName(a.TeacherId, a.Name))], record.Facts.TaskIds,
            record.History.Count(h => h.Step == "corrected"), record.Voided, record.Year,
            $"/api/studios/{record.StudioId}/activities/{record.Id}");
    }
}

/// <summary>
/// One activity as it is served: its current facts, whether it was voided, and every change with the facts it replaced.
/// Folded from the activity's own events when read (<see cref="ActivityRecords"/>); what lists filter on is stored in
/// its <see cref="ActivityEntry"/>.
/// </summary>
public sealed record ActivityRecord
{
    public Guid Id { get; init; }
    public Guid StudioId { get; init; }
    public ActivityFacts Facts { get; init; } = null!;
    public bool Voided { get; init; }
    public string? VoidReason { get; init; }
    public IReadOnlyList<ActivityChange> History { get; init; } = [];
    public int Year { get; init; }
    public DateOnly Date { get; init; }
    [Internal] public string KindCode { get; init; } = "";
    [Internal] public IReadOnlyList<string> DomainCodes { get; init; } = [];
    [Internal] public IReadOnlyList<string> TeacherIds { get; init; } = [];
    public EventRef Logged { get; init; } = null!;

    /// <summary>
    /// The record as it is served: each attendee (<c>facts.attendees[].name</c>, and those of the facts a correction
    /// replaced) carries a name, the studio's people as its roster has them (current or former, invited experts), a
    /// guest by the name given. The stored facts keep only what was sent.
    /// </summary>
    public ActivityRecord Named(Studio? studio) => this with
    {
        Facts = Named(Facts, studio),
        History = [.. History.Select(h => h.Before is null ? h : h with { Before = Named(h.Before, studio) })],
    };

    public static ActivityFacts Named(ActivityFacts facts, Studio? studio) => facts with
    {
        Attendees = [.. facts.Attendees.Select(a => a.Guest || studio is null ? a : a with { Name = YearView.NameOf(studio, a.TeacherId) ?? a.Name })],
    };

    public static ActivityRecord? Fold(ActivityRecord? record, IEvent e) => e.Data switch
    {
        ActivityLogged x => With(new ActivityRecord { Id = x.ActivityId, StudioId = e.StreamId, Logged = EventRef.Of(e) }, x.Facts)
            with { History = [new ActivityChange("logged", [], null, null, EventRef.Of(e))] },
        ActivityCorrected x when record is not null => With(record, x.After) with
        {
            History = [.. record.History, new ActivityChange("corrected", x.Changed, x.Reason, x.Before, EventRef.Of(e))],
        },
        ActivityVoided x when record is not null => record with
        {
            Voided = true,
            VoidReason = x.Reason,
            History = [.. record.History, new ActivityChange("voided", [], x.Reason, null, EventRef.Of(e))],
        },
        _ => record,
    };

    private static ActivityRecord With(ActivityRecord record, ActivityFacts facts) => record with
    {
        Facts = facts,
        Year = facts.Year,
        Date = facts.Date,
        KindCode = facts.Kind.Code(),
        DomainCodes = [.. facts.Domains.Select(d => d.Code())],
        TeacherIds = [.. facts.Attendees.Select(a => a.TeacherId)],
    };
}
