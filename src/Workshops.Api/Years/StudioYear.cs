using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Outputs;
using Workshops.Plans;
using Workshops.Studios;
using TaskStatus = Workshops.Plans.TaskStatus;

namespace Workshops.Years;

/// <summary>A draft of the plan: its number, how many tasks it plans, why it was revised (none on the first draft).</summary>
[StoredWithoutNulls]
public sealed record PlanRevision(int Revision, int Tasks, EventRef Ref, string? Reason = null);

[StoredWithoutNulls]
public sealed record PlanApproval(int Revision, string? Note, EventRef Ref);

[StoredWithoutNulls]
public sealed record YearPlan(string Goals, IReadOnlyList<TaskSpec> Tasks, int Revision, IReadOnlyList<PlanRevision> Revisions, PlanApproval? Approval);

/// <summary>A step in a task's life: planned, opened, added, revised, progressed, closed, carried over or in, cancelled, reopened.</summary>
[StoredWithoutNulls]
public sealed record TaskStep(string Step, string? Note, int? Percent, EventRef Ref);

[StoredWithoutNulls]
public sealed record LedgerTask(
    TaskSpec Spec,
    TaskOrigin Origin,
    TaskStatus Status,
    int? Percent,
    IReadOnlyList<TaskStep> History,
    IReadOnlyList<Guid> ClosingActivities,
    IReadOnlyList<string> Evidence,
    int? CarriedFrom = null,
    int? CarriedTo = null)
{
    public Guid TaskId => Spec.TaskId;
}

/// <summary>How many, and how many hours.</summary>
public sealed record CountHours(int Count, decimal Hours)
{
    public static readonly CountHours Zero = new(0, 0);
    public CountHours Add(int sign, decimal hours) => new(Count + sign, Hours + sign * hours);
}

/// <summary>A standing activity cited as an example (evidence) of a kind or a domain: the activity and the event that last set it.</summary>
public sealed record ActivityRef(Guid ActivityId, Guid EventId, string Type, DateTimeOffset At);

[StoredWithoutNulls]
public sealed record OutputRow(
    Guid OutputId,
    OutputKind Kind,
    CaseCategory? Category,
    string Title,
    DateOnly Date,
    IReadOnlyList<string> Authors,
    OutputState State,
    RecommendationLevel? Level,
    EventRef Drafted,
    EventRef Latest);

public sealed record YearSummary(string Text, int Revision, EventRef Ref);

[StoredWithoutNulls]
public sealed record Reflection(Guid ReflectionId, DateOnly Date, string Text, string? Adjustments, EventRef Ref);

[StoredWithoutNulls]
public sealed record Hearing(Guid HearingId, DateOnly Date, Semester Semester, string? Note, EventRef Ref);

public sealed record Attestation(Guid AttestationId, string Standard, string Code, bool Met, string Note, EventRef Ref);

/// <summary>A reviewer's judgement of a checklist item (the latest of an item stands).</summary>
public sealed record ItemJudgement(Guid JudgementId, string Standard, string Code, Standards.JudgementResult Result, string Reason, EventRef Ref);

[StoredWithoutNulls]
public sealed record Assessment(AssessmentResult Result, string? Note, DateOnly On, EventRef Ref, int Recorded);

/// <summary>
/// One studio's year: plan, task ledger, the activities and outputs of the year, summary, reflections, hearings and
/// assessment. Kept inline with every append; the year view, the ledger, the annual report and the checklists all
/// read it. Its size is bounded by the year's work, not by the studio's age.
/// </summary>
[StoredWithoutNulls]
public sealed record StudioYear
{
    public string Id { get; init; } = "";
    public Guid StudioId { get; init; }
    public int Year { get; init; }
    public YearPlan? Plan { get; init; }
    public IReadOnlyList<LedgerTask> Tasks { get; init; } = [];

    // The year's activities as counts, so the document stays small however busy the year is; each activity in full
    // is an ActivityRecord. Corrections and voids subtract the facts they replace.
    public int ActivityCount { get; init; }
    public decimal ActivityHours { get; init; }
    public IReadOnlyDictionary<ActivityKind, CountHours> ByKind { get; init; } = new Dictionary<ActivityKind, CountHours>();
    public IReadOnlyDictionary<Domain, CountHours> ByDomain { get; init; } = new Dictionary<Domain, CountHours>();
    /// <summary>Attendance of the studio's people (not guests): activities and hours per teacher.</summary>
    public IReadOnlyDictionary<string, CountHours> ByTeacher { get; init; } = new Dictionary<string, CountHours>();
    /// <summary>How many standing activities serve each task.</summary>
    public IReadOnlyDictionary<Guid, int> Serving { get; init; } = new Dictionary<Guid, int>();
    /// <summary>Up to three standing activities per kind ("kind:…") and domain ("domain:…"), kept small on purpose.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ActivityRef>> Examples { get; init; } = new Dictionary<string, IReadOnlyList<ActivityRef>>();
    public IReadOnlyList<OutputRow> Outputs { get; init; } = [];
    public YearSummary? Summary { get; init; }
    public IReadOnlyList<Reflection> Reflections { get; init; } = [];
    public IReadOnlyList<Hearing> Hearings { get; init; } = [];
    public Assessment? Assessment { get; init; }
    public IReadOnlyList<Attestation> Attestations { get; init; } = [];
    public IReadOnlyList<ItemJudgement> Judgements { get; init; } = [];
    public DateTimeOffset UpdatedAt { get; init; }

    public static string Key(Guid studioId, int year) => $"{studioId}:{year}";

    public static StudioYear Empty(Guid studioId, int year) => new() { Id = Key(studioId, year), StudioId = studioId, Year = year };

    /// <summary>The years an event touches: a pure function of the event, so as-of folds group events the same way.</summary>
    public static IEnumerable<int> Years(object data) => data switch
    {
        AnnualPlanDrafted x => [x.Year],
        AnnualPlanApproved x => [x.Year],
        TaskAdded x => [x.Year],
        TaskProgressed x => [x.Year],
        TaskRevised x => [x.Year],
        TaskClosed x => [x.Year],
        TaskCancelled x => [x.Year],
        TaskReopened x => [x.Year],
        TaskCarriedOver x => [x.Year, x.ToYear],
        ActivityLogged x => [x.Facts.Year],
        ActivityCorrected x => x.Before.Year == x.After.Year ? [x.After.Year] : [x.Before.Year, x.After.Year],
        ActivityVoided x => [x.Facts.Year],
        OutputDrafted x => [x.Facts.Year],
        OutputRevised x => x.Before.Year == x.After.Year ? [x.After.Year] : [x.Before.Year, x.After.Year],
        OutputSubmitted x => [x.Year],
        OutputApproved x => [x.Year],
        OutputReturned x => [x.Year],
        OutputRecommended x => [x.Year],
        YearSummaryWritten x => [x.Year],
        ReflectionRecorded x => [x.Date.Year],
        LeadershipHearingHeld x => [Semesters.YearOf(x.Date)],
        AssessmentRecorded x => [x.Year],
        Standards.AttestationRecorded x => [x.Year],
        Standards.ChecklistItemJudged x => [x.Year],
        _ => [],
    };

    public static StudioYear Fold(StudioYear? year, Guid studioId, int number, IEvent e)
    {
        var doc = year ?? Empty(studioId, number);
        var at = EventRef.Of(e);
        var next = e.Data switch
        {
            AnnualPlanDrafted x => doc with
            {
                Plan = new YearPlan(x.Goals, x.Tasks, x.Revision,
                    [.. doc.Plan?.Revisions ?? [], new PlanRevision(x.Revision, x.Tasks.Count, at, x.Reason)], null),
                Tasks =
                [
                    .. doc.Tasks.Where(t => t.Origin != TaskOrigin.Plan),
                    .. x.Tasks.Select(t => new LedgerTask(t, TaskOrigin.Plan, TaskStatus.Planned, null, [new("planned", null, null, at)], [], [])),
                ],
            },
            AnnualPlanApproved x => doc with
            {
                Plan = doc.Plan! with { Approval = new PlanApproval(x.Revision, x.Note, at) },
                Tasks = [.. doc.Tasks.Select(t => x.TaskIds.Contains(t.TaskId) ? t.Step(TaskStatus.Open, "opened", x.Note, at) : t)],
            },
            TaskAdded x => doc with
            {
                Tasks = [.. doc.Tasks, new LedgerTask(x.Task, TaskOrigin.Added, TaskStatus.Open, null, [new("added", null, null, at)], [], [])],
            },
            TaskProgressed x => doc.Task(x.TaskId, t => t.Step(t.Status, "progressed", x.Note, at, x.Percent) with { Percent = x.Percent ?? t.Percent }),
            TaskRevised x => doc.Task(x.TaskId, t => t.Step(t.Status, "revised", x.Reason, at) with { Spec = x.After }),
            TaskClosed x => doc.Task(x.TaskId, t => t.Step(TaskStatus.Closed, "closed", x.Note, at) with
            {
                ClosingActivities = x.ActivityIds,
                Evidence = x.Evidence,
            }),
            TaskCancelled x => doc.Task(x.TaskId, t => t.Step(TaskStatus.Cancelled, "cancelled", x.Reason, at)),
            TaskReopened x => doc.Task(x.TaskId, t => t.Step(TaskStatus.Open, "reopened", x.Reason, at)),
            TaskCarriedOver x when number == x.Year => doc.Task(x.TaskId,
                t => t.Step(TaskStatus.CarriedOver, "carried-over", x.Reason, at) with { CarriedTo = x.ToYear }),
            TaskCarriedOver x => doc with
            {
                Tasks =
                [
                    .. doc.Tasks.Where(t => t.TaskId != x.TaskId),
                    new LedgerTask(x.Task, TaskOrigin.CarriedIn, TaskStatus.Open, null, [new("carried-in", x.Reason, null, at)], [], [],
                        CarriedFrom: x.Year),
                ],
            },
            ActivityLogged x => doc.Counted(x.ActivityId, x.Facts, +1, at),
            ActivityCorrected x => doc.Corrected(x, number, at),
            ActivityVoided x => doc.Counted(x.ActivityId, x.Facts, -1, at),
            OutputDrafted x => doc with
            {
                Outputs = [.. doc.Outputs, Row(x.OutputId, x.Facts, OutputState.Draft, null, at, at)],
            },
            OutputRevised x when x.After.Year == number => doc with
            {
                Outputs =
                [
                    .. doc.Outputs.Where(o => o.OutputId != x.OutputId),
                    doc.Outputs.FirstOrDefault(o => o.OutputId == x.OutputId) is { } old
                        ? Row(x.OutputId, x.After, old.State, old.Level, old.Drafted, at)
                        : Row(x.OutputId, x.After, OutputState.Draft, null, at, at),
                ],
            },
            OutputRevised x => doc with { Outputs = [.. doc.Outputs.Where(o => o.OutputId != x.OutputId)] },
            OutputSubmitted x => doc.Output(x.OutputId, o => o with { State = OutputState.Submitted, Latest = at }),
            OutputApproved x => doc.Output(x.OutputId, o => o with { State = OutputState.Approved, Latest = at }),
            OutputReturned x => doc.Output(x.OutputId, o => o with { State = OutputState.Returned, Latest = at }),
            OutputRecommended x => doc.Output(x.OutputId, o => o with { State = OutputState.Recommended, Level = x.Level, Latest = at }),
            YearSummaryWritten x => doc with { Summary = new YearSummary(x.Text, x.Revision, at) },
            ReflectionRecorded x => doc with
            {
                Reflections = [.. doc.Reflections, new Reflection(x.ReflectionId, x.Date, x.Text, x.Adjustments, at)],
            },
            LeadershipHearingHeld x => doc with
            {
                // The term from the date: hearings recorded before school terms were kept carry the calendar half-year.
                Hearings = [.. doc.Hearings, new Hearing(x.HearingId, x.Date, Semesters.Of(x.Date), x.Note, at)],
            },
            AssessmentRecorded x => doc with
            {
                Assessment = new Assessment(x.Result, x.Note, x.On, at, (doc.Assessment?.Recorded ?? 0) + 1),
            },
            Standards.AttestationRecorded x => doc with
            {
                Attestations = [.. doc.Attestations, new Attestation(x.AttestationId, x.Standard, x.Code, x.Met, x.Note, at)],
            },
            Standards.ChecklistItemJudged x => doc with
            {
                Judgements = [.. doc.Judgements, new ItemJudgement(x.JudgementId, x.Standard, x.Code, x.Result, x.Reason, at)],
            },
            _ => doc,
        };
        return next with { UpdatedAt = at.At };
    }

    private static OutputRow Row(Guid id, OutputFacts f, OutputState state, RecommendationLevel? level, EventRef drafted, EventRef latest) =>
        new(id, f.Kind, f.Category, f.Title, f.Date, f.Authors, state, level, drafted, latest);

    private StudioYear Task(Guid id, Func<LedgerTask, LedgerTask> change) =>
        this with { Tasks = [.. Tasks.Select(t => t.TaskId == id ? change(t) : t)] };

    private StudioYear Output(Guid id, Func<OutputRow, OutputRow> change) =>
        this with { Outputs = [.. Outputs.Select(o => o.OutputId == id ? change(o) : o)] };

    public const int ExamplesKept = 3;

    /// <summary>A correction takes the earlier facts out of their year and puts the new ones into theirs.</summary>
    private StudioYear Corrected(ActivityCorrected x, int number, EventRef at)
    {
        var doc = x.Before.Year == number ? Counted(x.ActivityId, x.Before, -1, at) : this;
        return x.After.Year == number ? doc.Counted(x.ActivityId, x.After, +1, at) : doc;
    }

    /// <summary>Adds (+1) or takes away (-1) an activity's facts from the year's counts and examples.</summary>
    private StudioYear Counted(Guid id, ActivityFacts f, int sign, EventRef at)
    {
        static IReadOnlyDictionary<TKey, CountHours> Tally<TKey>(IReadOnlyDictionary<TKey, CountHours> source,
            IEnumerable<(TKey Key, decimal Hours)> items, int sign) where TKey : notnull
        {
            var copy = new Dictionary<TKey, CountHours>(source);
            foreach (var (key, hours) in items)
            {
                var next = copy.GetValueOrDefault(key, CountHours.Zero).Add(sign, hours);
                if (next.Count == 0) copy.Remove(key);
                else copy[key] = next;
            }
            return copy;
        }

        // An activity serving no task leaves the tallies as they are (most do).
        var serving = Serving;
        if (f.TaskIds.Count > 0)
        {
            var copy = new Dictionary<Guid, int>(Serving);
            foreach (var task in f.TaskIds.Distinct())
            {
                var n = copy.GetValueOrDefault(task) + sign;
                if (n == 0) copy.Remove(task);
                else copy[task] = n;
            }
            serving = copy;
        }

        return this with
        {
            ActivityCount = ActivityCount + sign,
            ActivityHours = ActivityHours + sign * f.Hours,
            ByKind = Tally(ByKind, [(f.Kind, f.Hours)], sign),
            ByDomain = Tally(ByDomain, f.Domains.Distinct().Select(d => (d, f.Hours)), sign),
            ByTeacher = Tally(ByTeacher, f.Attendees.Where(a => !a.Guest).Select(a => (a.TeacherId, a.Hours)), sign),
            Serving = serving,
            Examples = Cited(id, f, sign, at),
        };
    }

    /// <summary>
    /// The examples after an activity was counted: taken out of every list that cites it, then, when added, put at the
    /// end of each of its kind's and domains' lists that has room; empty lists dropped. Copied only when something
    /// changes: once the lists are full, an activity logged changes none of them.
    /// </summary>
    private IReadOnlyDictionary<string, IReadOnlyList<ActivityRef>> Cited(Guid id, ActivityFacts f, int sign, EventRef at)
    {
        Dictionary<string, IReadOnlyList<ActivityRef>>? examples = null;
        foreach (var (key, list) in Examples)
            if (list.Count == 0 || Cites(list, id))
            {
                examples ??= new Dictionary<string, IReadOnlyList<ActivityRef>>(Examples);
                var rest = new List<ActivityRef>(list.Count);
                foreach (var r in list)
                    if (r.ActivityId != id) rest.Add(r);
                examples[key] = [.. rest];
            }
        if (sign > 0)
        {
            ActivityRef? example = null;
            foreach (var key in f.Domains.Distinct().Select(ExampleKey).Append(ExampleKey(f.Kind)))
            {
                var list = (examples ?? Examples).GetValueOrDefault(key) ?? [];
                if (list.Count >= ExamplesKept) continue;
                examples ??= new Dictionary<string, IReadOnlyList<ActivityRef>>(Examples);
                examples[key] = [.. list, example ??= new ActivityRef(id, at.EventId, at.Type, at.At)];
            }
        }
        if (examples is null) return Examples;
        foreach (var empty in examples.Where(e => e.Value.Count == 0).Select(e => e.Key).ToList()) examples.Remove(empty);
        return examples;
    }

    private static bool Cites(IReadOnlyList<ActivityRef> list, Guid id)
    {
        for (var i = 0; i < list.Count; i++)
            if (list[i].ActivityId == id) return true;
        return false;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Domain, string> DomainKeys = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<ActivityKind, string> KindKeys = new();

    /// <summary>The key of a domain's examples, "domain:…", made once per domain.</summary>
    private static string ExampleKey(Domain domain) => DomainKeys.GetOrAdd(domain, static d => $"domain:{d.Code()}");

    /// <summary>The key of a kind's examples, "kind:…", made once per kind.</summary>
    private static string ExampleKey(ActivityKind kind) => KindKeys.GetOrAdd(kind, static k => $"kind:{k.Code()}");

    public IReadOnlyList<ActivityRef> ExamplesOf(string key) => Examples.GetValueOrDefault(key) ?? [];
}

public static class LedgerTasks
{
    public static LedgerTask Step(this LedgerTask task, TaskStatus status, string step, string? note, EventRef at, int? percent = null) =>
        task with { Status = status, History = [.. task.History, new TaskStep(step, note, percent, at)] };
}

/// <summary>Groups each studio event into the year documents it touches (see <see cref="StudioYear.Years"/>).</summary>
public partial class StudioYearProjection : MultiStreamProjection<StudioYear, string>
{
    public StudioYearProjection()
    {
        Core.ProjectionTuning.Apply(Options);
        CustomGrouping(Core.Grouping.By<Marten.IQuerySession, string>(Keys));
    }

    /// <summary>The year documents an event touches.</summary>
    public static IEnumerable<string> Keys(IEvent e) => StudioYear.Years(e.Data).Select(year => StudioYear.Key(e.StreamId, year));

    public override StudioYear? Evolve(StudioYear? snapshot, string id, IEvent e)
    {
        var separator = id.LastIndexOf(':');
        return StudioYear.Fold(snapshot, Guid.Parse(id[..separator]), int.Parse(id[(separator + 1)..]), e);
    }
}
