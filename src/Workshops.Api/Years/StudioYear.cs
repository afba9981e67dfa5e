using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Workshops.Activities;
using Workshops.Core.Auth;
using Workshops.Outputs;
using Workshops.Plans;
using Workshops.Studios;
using TaskStatus = Workshops.Plans.TaskStatus;

namespace Workshops.Years;

/// <summary>Points at the event behind a fact, so views can show their evidence.</summary>
public sealed record EventRef(Guid EventId, string Type, long Version, Actor By, DateTimeOffset At)
{
    public static EventRef Of(IEvent e) =>
        new(e.Id, e.EventTypeName, e.Version, (e.Data as IStudioEvent)?.By ?? new Actor("", "", Role.Host),
            (e.Data as IStudioEvent)?.At ?? e.Timestamp);
}

public sealed record PlanRevision(int Revision, int Tasks, EventRef Ref);

public sealed record PlanApproval(int Revision, string? Note, EventRef Ref);

public sealed record YearPlan(string Goals, IReadOnlyList<TaskSpec> Tasks, int Revision, IReadOnlyList<PlanRevision> Revisions, PlanApproval? Approval);

/// <summary>A step in a task's life: planned, opened, added, progressed, closed, carried over or in, cancelled, reopened.</summary>
public sealed record TaskStep(string Step, string? Note, int? Percent, EventRef Ref);

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

/// <summary>An activity as the year counts it (the full record with its history is an <see cref="ActivityRecord"/>).</summary>
public sealed record ActivityRow(
    Guid ActivityId,
    DateOnly Date,
    ActivityKind Kind,
    IReadOnlyList<Domain> Domains,
    string Title,
    decimal Hours,
    IReadOnlyList<Attendance> Attendees,
    IReadOnlyList<Guid> TaskIds,
    EventRef Logged,
    EventRef Latest);

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

public sealed record Reflection(Guid ReflectionId, DateOnly Date, string Text, string? Adjustments, EventRef Ref);

public sealed record Hearing(Guid HearingId, DateOnly Date, Semester Semester, string? Note, EventRef Ref);

public sealed record Attestation(Guid AttestationId, string Standard, string Code, bool Met, string Note, EventRef Ref);

public sealed record Assessment(AssessmentResult Result, string? Note, DateOnly On, EventRef Ref, int Recorded);

/// <summary>
/// One studio's year: plan, task ledger, the activities and outputs of the year, summary, reflections, hearings and
/// assessment. Kept inline with every append; the year view, the ledger, the annual report and the checklists all
/// read it. Its size is bounded by the year's work, not by the studio's age.
/// </summary>
public sealed record StudioYear
{
    public string Id { get; init; } = "";
    public Guid StudioId { get; init; }
    public int Year { get; init; }
    public YearPlan? Plan { get; init; }
    public IReadOnlyList<LedgerTask> Tasks { get; init; } = [];
    public IReadOnlyList<ActivityRow> Activities { get; init; } = [];
    public IReadOnlyList<OutputRow> Outputs { get; init; } = [];
    public YearSummary? Summary { get; init; }
    public IReadOnlyList<Reflection> Reflections { get; init; } = [];
    public IReadOnlyList<Hearing> Hearings { get; init; } = [];
    public Assessment? Assessment { get; init; }
    public IReadOnlyList<Attestation> Attestations { get; init; } = [];
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
        LeadershipHearingHeld x => [x.Date.Year],
        AssessmentRecorded x => [x.Year],
        Standards.AttestationRecorded x => [x.Year],
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
                    [.. doc.Plan?.Revisions ?? [], new PlanRevision(x.Revision, x.Tasks.Count, at)], null),
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
            ActivityLogged x => doc.WithActivity(x.ActivityId, x.Facts, at, at),
            ActivityCorrected x when x.After.Year == number => doc.WithActivity(x.ActivityId, x.After,
                doc.Activities.FirstOrDefault(a => a.ActivityId == x.ActivityId)?.Logged ?? at, at),
            ActivityCorrected x => doc.WithoutActivity(x.ActivityId),
            ActivityVoided x => doc.WithoutActivity(x.ActivityId),
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
                Hearings = [.. doc.Hearings, new Hearing(x.HearingId, x.Date, x.Semester, x.Note, at)],
            },
            AssessmentRecorded x => doc with
            {
                Assessment = new Assessment(x.Result, x.Note, x.On, at, (doc.Assessment?.Recorded ?? 0) + 1),
            },
            Standards.AttestationRecorded x => doc with
            {
                Attestations = [.. doc.Attestations, new Attestation(x.AttestationId, x.Standard, x.Code, x.Met, x.Note, at)],
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

    private StudioYear WithActivity(Guid id, ActivityFacts f, EventRef logged, EventRef latest)
    {
        var row = new ActivityRow(id, f.Date, f.Kind, f.Domains, f.Title, f.Hours,
            [.. f.Attendees.Select(a => a with { Name = null })], f.TaskIds, logged, latest);
        return this with
        {
            Activities = [.. Activities.Where(a => a.ActivityId != id).Append(row).OrderBy(a => a.Date).ThenBy(a => a.Logged.At)],
        };
    }

    private StudioYear WithoutActivity(Guid id) => this with { Activities = [.. Activities.Where(a => a.ActivityId != id)] };

    /// <summary>The activities of this year that serve a task.</summary>
    public IEnumerable<ActivityRow> Serving(Guid taskId) => Activities.Where(a => a.TaskIds.Contains(taskId));

    /// <summary>Hours a teacher attended on a day, across the year's activities (optionally leaving one out).</summary>
    public decimal HoursOn(string teacherId, DateOnly date, Guid? except = null) =>
        Activities.Where(a => a.Date == date && a.ActivityId != except)
            .SelectMany(a => a.Attendees).Where(x => x.TeacherId == teacherId).Sum(x => x.Hours);
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
        CustomGrouping((_, events, grouping) =>
        {
            foreach (var e in events)
            foreach (var year in StudioYear.Years(e.Data))
                grouping.AddEvent(StudioYear.Key(e.StreamId, year), e);
            return Task.CompletedTask;
        });
    }

    public override StudioYear? Evolve(StudioYear? snapshot, string id, IEvent e)
    {
        var separator = id.LastIndexOf(':');
        return StudioYear.Fold(snapshot, Guid.Parse(id[..separator]), int.Parse(id[(separator + 1)..]), e);
    }
}
