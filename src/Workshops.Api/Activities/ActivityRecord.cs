using JasperFx.Events;
using Marten.Events.Projections;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Years;

namespace Workshops.Activities;

public sealed record ActivityChange(string Step, IReadOnlyList<string> Changed, string? Reason, ActivityFacts? Before, EventRef Ref);

/// <summary>
/// One activity: its current facts, whether it was voided, and every change with the facts it replaced.
/// Query fields (year, codes, teacher ids) are plain strings and numbers so lists filter on indexed values.
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

public partial class ActivityRecordProjection : MultiStreamProjection<ActivityRecord, Guid>
{
    public ActivityRecordProjection()
    {
        Core.ProjectionTuning.Apply(Options);
        foreach (var type in Core.Grouping.Implementing<IActivityEvent>()) IncludeType(type);
        CustomGrouping(Core.Grouping.By<Marten.IQuerySession, Guid>(Keys));
    }

    /// <summary>The activity an event is about.</summary>
    public static IEnumerable<Guid> Keys(IEvent e) => e.Data is IActivityEvent x ? [x.ActivityId] : [];

    public override ActivityRecord? Evolve(ActivityRecord? snapshot, Guid id, IEvent e) => ActivityRecord.Fold(snapshot, e);
}
