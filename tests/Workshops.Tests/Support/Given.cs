using JasperFx.Events;
using Workshops.Activities;
using Workshops.Core.Auth;
using Workshops.Plans;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Core;

namespace Workshops.Tests.Support;

/// <summary>Builds state for pure rule tests by folding events, exactly as the projections do.</summary>
public static class Given
{
    public static readonly Actor By = new("school:测试", "测试", Role.School);
    public static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    public static readonly Guid StudioId = Guid.Parse("00000000-0000-0000-0000-000000000001");
    public static readonly DateOnly Founded = new(2022, 10, 16);

    public static IEvent Wrap(object data, long version = 0, Guid? stream = null)
    {
        var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
        e.Version = version;
        e.StreamId = stream ?? StudioId;
        e.Id = Guid.NewGuid();
        return e;
    }

    public static StudioEstablished Established(DateOnly? founded = null) =>
        new(StudioId, "测试工作坊", "厦门市第一中学", new Region("350000", "350200", "350203"), StudioLevel.Municipal,
            Track.K12, false, founded ?? Founded, BuildMode.FamousTeacher, By, At);

    public static TeacherInfo Teacher(string id, DateOnly? since = null, bool serving = true, DateOnly? teaching = null) =>
        new(id, $"教师{id}", Gender.Female, "厦门市第一中学", "语文", "一级教师", since ?? new DateOnly(2019, 9, 1),
            teaching ?? new DateOnly(2015, 9, 1), serving, false);

    /// <summary>The studio's decision state after its establishment and <paramref name="events"/>.</summary>
    public static StudioState Studio(params object[] events) => Decide(events).State;

    /// <summary>The decision state and every task's standing after the establishment and <paramref name="events"/>.</summary>
    public static Decided Decide(params object[] events)
    {
        StudioState? state = null;
        var tasks = new Dictionary<Guid, TaskStanding>();
        var version = 0L;
        foreach (var data in events.Prepend(Established()))
        {
            var e = Wrap(data, ++version);
            state = StudioState.Fold(state, e);
            foreach (var id in TaskStanding.Keys(data))
                if (TaskStanding.Fold(tasks.GetValueOrDefault(id), id, e) is { } task) tasks[id] = task;
        }
        return new Decided(state!, tasks);
    }

    public sealed record Decided(StudioState State, IReadOnlyDictionary<Guid, TaskStanding> Tasks)
    {
        /// <summary>A task as the rules see it: its standing, or planned in a plan not approved yet.</summary>
        public TaskStanding? Task(Guid id) => State.Task(id, Tasks.GetValueOrDefault(id));
    }

    /// <summary>The studio view after its establishment and <paramref name="events"/>.</summary>
    public static Studio View(params object[] events)
    {
        Studio? studio = null;
        var version = 0L;
        foreach (var data in events.Prepend(Established()))
        {
            studio = Workshops.Studios.Studio.Fold(studio, Wrap(data, ++version));
        }
        return studio! with { Version = version };
    }

    public static TaskSpec Spec(Guid id, string title = "任务", DateOnly? due = null, string? owner = null) =>
        new(id, title, null, owner, due, []);

    public static AnnualPlanDrafted Planned(int year, params Guid[] tasks) =>
        new(year, "目标", [.. tasks.Select(t => Spec(t))], 1, By, At);

    public static AnnualPlanApproved Approved(int year, params Guid[] tasks) => new(year, 1, tasks, null, By, At);

    public static ActivityFacts Facts(DateOnly date, decimal hours, params (string Id, decimal Hours)[] people) =>
        new(ActivityKind.Lecture, [Domain.Learning], "活动", date, hours, [.. people.Select(p => new Attendance(p.Id, p.Hours))], [], []);

    public static MemberJoined Joined(string id, DateOnly? on = null) => new(Teacher(id), on ?? Founded, By, At);
    public static MemberLeft Left(string id, DateOnly on) => new(id, on, null, By, At);
    public static HostAppointed Hosted(string id, DateOnly? on = null) => new(Teacher(id), on ?? Founded, By, At);
    public static TraineeEnrolled Enrolled(string id, DateOnly? on = null) => new(Teacher(id), on ?? Founded, By, At);
}
