using JasperFx.Events;
using Marten.Events.Aggregation;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Growth;
using Workshops.Outputs;
using Workshops.Plans;
using Workshops.Roster;
using Workshops.Years;
using TaskStatus = Workshops.Plans.TaskStatus;

namespace Workshops.Studios;

[Codes("levels")]
public enum StudioLevel
{
    [Label("校级")] School,
    [Label("区级")] District,
    [Label("市级")] Municipal,
    [Label("省级")] Provincial,
}

[Codes("tracks")]
public enum Track
{
    /// <summary>Primary and secondary schools' head-teacher workshop (seed 000).</summary>
    [Label("中小学班主任工作坊")] K12,
    /// <summary>Vocational schools' head-teacher studio (seed 001).</summary>
    [Label("职业院校班主任工作室")] Vocational,
}

/// <summary>Build modes of seed 001 三.(一): who leads decides which fits.</summary>
[Codes("modes")]
public enum BuildMode
{
    [Label("名师工作室")] FamousTeacher,
    [Label("师徒结对")] Mentorship,
    [Label("模块化团队协作")] ModularTeam,
    [Label("其他")] Other,
}

public sealed record StudioEstablished(
    Guid StudioId,
    string Name,
    string School,
    Region Region,
    StudioLevel Level,
    Track Track,
    bool Rural,
    DateOnly FoundedOn,
    BuildMode Mode,
    Actor By,
    DateTimeOffset At,
    Guid? ApplicationId = null,
    string? RegisteredBecause = null) : IStudioEvent;

public sealed record Warning(string Code, string Message);

/// <summary>
/// The studio: identity, region and roster. It is the write model the roster rules decide on and the studio
/// view served by GET /api/studios/{id}; Marten keeps it inline with every append. On the wire its codes carry their
/// labels and its region the division names (<see cref="Core.Contract.LabelledAttribute"/>).
/// </summary>
[Core.Contract.Labelled]
public sealed record Studio
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string Name { get; init; } = "";
    public string School { get; init; } = "";
    public Region Region { get; init; } = new("", "");
    public StudioLevel Level { get; init; }
    public Track Track { get; init; }
    public bool Rural { get; init; }
    public DateOnly FoundedOn { get; init; }
    public BuildMode Mode { get; init; }
    /// <summary>Whether the host published the studio's public profile (seed 001 四 推介宣传); not until they do.</summary>
    public bool Published { get; init; }
    public RosterEntry? Host { get; init; }
    public RosterEntry? Coordinator { get; init; }
    public IReadOnlyList<RosterEntry> Members { get; init; } = [];
    public IReadOnlyList<RosterEntry> Trainees { get; init; } = [];
    public IReadOnlyList<Mentorship> Mentorships { get; init; } = [];
    public IReadOnlyList<ExpertEntry> Experts { get; init; } = [];
    /// <summary>Roles held earlier and ended (left, completed, stepped down): the roster's history.</summary>
    public IReadOnlyList<RosterTerm> FormerRoles { get; init; } = [];
    public IReadOnlyList<Warning> Warnings { get; init; } = [];
    /// <summary>The supervising school leader (主管校领导) and the responsible department (责任部门), seed 001 二.1.</summary>
    public string? SchoolLeader { get; init; }
    public string? Department { get; init; }

    /// <summary>The day the roster's facts and warnings are judged on (set when the view is read).</summary>
    public DateOnly? On { get; init; }

    /// <summary>The rule set the warnings are judged by on <see cref="On"/> (set when the view is read).</summary>
    public string? RuleSet { get; init; }

    /// <summary>Each current roster person's facts on <see cref="On"/>, from their teacher record (set when the view is read).</summary>
    public IReadOnlyList<Roster.RosterFacts> RosterFacts { get; init; } = [];

    /// <summary>Each year's plan: its revision and whether the school approved it.</summary>
    public IReadOnlyDictionary<int, PlanState> Plans { get; init; } = new Dictionary<int, PlanState>();

    /// <summary>Every task of every ledger: the year it is in now and its status.</summary>
    public IReadOnlyDictionary<Guid, TaskState> Tasks { get; init; } = new Dictionary<Guid, TaskState>();

    /// <summary>Every output and where it stands in its review.</summary>
    public IReadOnlyDictionary<Guid, OutputStatus> Outputs { get; init; } = new Dictionary<Guid, OutputStatus>();

    /// <summary>Year-end summaries written, by year: the latest revision number.</summary>
    public IReadOnlyDictionary<int, int> Summaries { get; init; } = new Dictionary<int, int>();

    public IReadOnlyDictionary<int, AssessmentResult> Assessments { get; init; } = new Dictionary<int, AssessmentResult>();

    /// <summary>The term, its assessments, renewals and dissolution (<see cref="Lifecycle"/>).</summary>
    public StudioLifecycle Lifecycle { get; init; } = new();

    /// <summary>Growth files kept in this studio, by teacher: the profile's revision and how many entries.</summary>
    public IReadOnlyDictionary<string, GrowthCounts> GrowthFiles { get; init; } = new Dictionary<string, GrowthCounts>();

    /// <summary>Titles conferred in this studio, "teacher:title", so recognition never repeats.</summary>
    public IReadOnlyList<string> Recognitions { get; init; } = [];

    /// <summary>The highest tier granted in this studio, by teacher.</summary>
    public IReadOnlyDictionary<string, Tier> Tiers { get; init; } = new Dictionary<string, Tier>();

    /// <summary>
    /// The name beside every teacher id the view keys or lists outside the roster entries (mentors and mentees, tasks' owners,
    /// <see cref="RosterFacts"/>, the keys of <see cref="GrowthFiles"/> and <see cref="Tiers"/>), as the studio has them; set
    /// when the view is read, not stored.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TeacherName>? TeacherNames { get; init; }

    /// <summary>The view as served: <see cref="TeacherNames"/> set.</summary>
    public Studio Named() => this with
    {
        TeacherNames = TeacherName.Of(this, Mentorships.SelectMany(m => new[] { m.MentorId, m.MenteeId })
            .Concat(Tasks.Values.Select(t => t.Spec.OwnerId).OfType<string>()).Concat(RosterFacts.Select(f => f.TeacherId))
            .Concat(GrowthFiles.Keys).Concat(Tiers.Keys)
            .Distinct().Order(StringComparer.Ordinal)),
    };

    public DateTimeOffset EstablishedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public IEnumerable<RosterEntry> CurrentRoster()
    {
        if (Host is not null) yield return Host;
        if (Coordinator is not null) yield return Coordinator;
        foreach (var m in Members) yield return m;
        foreach (var t in Trainees) yield return t;
    }

    public RosterEntry? Holding(string teacherId) => CurrentRoster().FirstOrDefault(r => r.Teacher.Id == teacherId);

    /// <summary>The role a teacher held on a date, from the current roster and the history.</summary>
    public RosterRole? RoleOn(string teacherId, DateOnly date)
    {
        var current = Holding(teacherId);
        if (current is not null && current.Since <= date) return current.Role;
        return FormerRoles.FirstOrDefault(t => t.TeacherId == teacherId && t.From <= date && date <= t.To)?.Role;
    }

    public static Studio? Fold(Studio? studio, IEvent e)
    {
        var next = e.Data switch
        {
            StudioEstablished x => new Studio
            {
                Id = x.StudioId,
                Name = x.Name,
                School = x.School,
                Region = x.Region,
                Level = x.Level,
                Track = x.Track,
                Rural = x.Rural,
                FoundedOn = x.FoundedOn,
                Mode = x.Mode,
                EstablishedAt = x.At,
                Lifecycle = StudioLifecycle.Start(x),
            },
            _ when studio is null => null,
            HostAppointed x => studio with { Host = new RosterEntry(x.Teacher, RosterRole.Host, x.On, EventRef.Of(e)) },
            HostSteppedDown x => studio.End(studio.Host, x.On) with { Host = null },
            CoordinatorNamed x => studio with { Coordinator = new RosterEntry(x.Teacher, RosterRole.Coordinator, x.On, EventRef.Of(e)) },
            CoordinatorSteppedDown x => studio.End(studio.Coordinator, x.On) with { Coordinator = null },
            MemberJoined x => studio with { Members = [.. studio.Members, new RosterEntry(x.Teacher, RosterRole.Member, x.On, EventRef.Of(e))] },
            MemberLeft x => studio.End(studio.Members.FirstOrDefault(m => m.Teacher.Id == x.TeacherId), x.On) with
            {
                Members = [.. studio.Members.Where(m => m.Teacher.Id != x.TeacherId)],
            },
            TraineeEnrolled x => studio with { Trainees = [.. studio.Trainees, new RosterEntry(x.Teacher, RosterRole.Trainee, x.On, EventRef.Of(e))] },
            TraineeCompleted x => studio.End(studio.Trainees.FirstOrDefault(m => m.Teacher.Id == x.TeacherId), x.On) with
            {
                Trainees = [.. studio.Trainees.Where(m => m.Teacher.Id != x.TeacherId)],
            },
            MentorshipFormed x => studio with { Mentorships = [.. studio.Mentorships, new Mentorship(x.MentorId, x.MenteeId, x.On)] },
            SupervisionNamed x => studio with { SchoolLeader = x.SchoolLeader, Department = x.Department },
            ExpertInvited x => studio with { Experts = [.. studio.Experts, new ExpertEntry(x.Expert, x.On)] },
            AnnualPlanDrafted x => studio with
            {
                Plans = studio.Plans.With(x.Year, new PlanState(x.Revision, false, [.. x.Tasks.Select(t => t.TaskId)])),
                Tasks = studio.Tasks
                    .Where(t => !(t.Value.Year == x.Year && t.Value.Status == TaskStatus.Planned))
                    .Concat(x.Tasks.Select(t => KeyValuePair.Create(t.TaskId, new TaskState(x.Year, TaskStatus.Planned, t))))
                    .ToDictionary(),
            },
            AnnualPlanApproved x => studio with
            {
                Plans = studio.Plans.With(x.Year, studio.Plans[x.Year] with { Approved = true }),
                Tasks = x.TaskIds.Aggregate(studio.Tasks, (tasks, id) => tasks.With(id, tasks[id] with { Status = TaskStatus.Open })),
            },
            TaskAdded x => studio with { Tasks = studio.Tasks.With(x.Task.TaskId, new TaskState(x.Year, TaskStatus.Open, x.Task)) },
            TaskRevised x => studio with { Tasks = studio.Tasks.With(x.TaskId, studio.Tasks[x.TaskId] with { Spec = x.After }) },
            TaskClosed x => studio.TaskNow(x.TaskId, TaskStatus.Closed),
            TaskCancelled x => studio.TaskNow(x.TaskId, TaskStatus.Cancelled),
            TaskReopened x => studio.TaskNow(x.TaskId, TaskStatus.Open),
            TaskCarriedOver x => studio with
            {
                Tasks = studio.Tasks.With(x.TaskId, studio.Tasks[x.TaskId] with { Year = x.ToYear, Status = TaskStatus.Open }),
            },
            OutputDrafted x => studio with
            {
                Outputs = studio.Outputs.With(x.OutputId, new OutputStatus(OutputState.Draft, null, x.Facts.Year, x.Facts.Kind)),
            },
            OutputRevised x => studio.OutputNow(x.OutputId, o => o with { Year = x.After.Year, Kind = x.After.Kind }),
            OutputSubmitted x => studio.OutputNow(x.OutputId, o => o with { State = OutputState.Submitted }),
            OutputApproved x => studio.OutputNow(x.OutputId, o => o with { State = OutputState.Approved }),
            OutputReturned x => studio.OutputNow(x.OutputId, o => o with { State = OutputState.Returned }),
            OutputRecommended x => studio.OutputNow(x.OutputId, o => o with { State = OutputState.Recommended, Level = x.Level }),
            Showcase.StudioProfilePublished => studio with { Published = true },
            Showcase.StudioProfileUnpublished => studio with { Published = false },
            YearSummaryWritten x => studio with { Summaries = studio.Summaries.With(x.Year, x.Revision) },
            AssessmentRecorded x => studio with { Assessments = studio.Assessments.With(x.Year, x.Result) },
            GrowthProfileRecorded x => studio.Growth(x.TeacherId, g => g with { ProfileRevision = x.Revision, Latest = EventRef.Of(e) }),
            RecognitionGranted x => studio with { Recognitions = [.. studio.Recognitions, RecognitionKey(x.TeacherId, x.Title)] },
            TierGranted x => studio with { Tiers = studio.Tiers.With(x.TeacherId, x.Tier) },
            IGrowthEvent x => studio.Growth(x.TeacherId, g => g with { Entries = g.Entries + 1, Latest = EventRef.Of(e) }),
            ILifecycleEvent x => studio with { Lifecycle = studio.Lifecycle.Fold(x, EventRef.Of(e)) },
            _ => studio,
        };
        if (next is null) return null;
        if (!ReferenceEquals(next, studio) && e.Data is IStudioEvent stamped) next = next with { UpdatedAt = stamped.At };
        return next with { Warnings = RosterRules.Warnings(next) };
    }

    public static string RecognitionKey(string teacherId, RecognitionTitle title) => $"{teacherId}:{title.Code()}";

    private Studio Growth(string teacherId, Func<GrowthCounts, GrowthCounts> change) =>
        this with { GrowthFiles = GrowthFiles.With(teacherId, change(GrowthFiles.GetValueOrDefault(teacherId) ?? new GrowthCounts(0, 0))) };

    private Studio TaskNow(Guid id, TaskStatus status) =>
        this with { Tasks = Tasks.With(id, Tasks[id] with { Status = status }) };

    private Studio OutputNow(Guid id, Func<OutputStatus, OutputStatus> change) =>
        this with { Outputs = Outputs.With(id, change(Outputs[id])) };

    private Studio End(RosterEntry? entry, DateOnly on) => entry is null
        ? this
        : this with { FormerRoles = [.. FormerRoles, new RosterTerm(entry.Teacher.Id, entry.Teacher.Name, entry.Role, entry.Since, on)] };
}

public sealed record GrowthCounts(int ProfileRevision, int Entries, EventRef? Latest = null);

public sealed record PlanState(int Revision, bool Approved, IReadOnlyList<Guid> TaskIds);

public sealed record TaskState(int Year, TaskStatus Status, TaskSpec Spec);

public sealed record OutputStatus(OutputState State, RecommendationLevel? Level, int Year, OutputKind Kind);

public static class ReadOnlyDictionaries
{
    /// <summary>A copy with one entry set: state records stay immutable.</summary>
    public static IReadOnlyDictionary<TKey, TValue> With<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> source, TKey key, TValue value)
        where TKey : notnull
    {
        var copy = new Dictionary<TKey, TValue>(source) { [key] = value };
        return copy;
    }
}

public partial class StudioProjection : SingleStreamProjection<Studio, Guid>
{
    public StudioProjection() => Core.ProjectionTuning.Apply(Options);

    public override Studio? Evolve(Studio? snapshot, Guid id, IEvent e) => Studio.Fold(snapshot, e);
}
