using JasperFx.Events;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Plans;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Demo;

/// <summary>
/// The demo workshop's 2025, as a host would have recorded it (seed 001 三.(三).1: annual plan at the start, a task
/// ledger closed off item by item, periodic reflection): the plan drafted in January and approved by the school, four
/// tasks in the ledger, seven activities across the five domains with the host, members, trainees and the expert
/// attending, one activity corrected from the sign-in sheet, two tasks closed with the activities that did them, one
/// progressed, and two reflections. Each step is decided by the rules the API applies to the same command
/// (<see cref="PlanRules"/>, <see cref="ActivityRules"/>, <see cref="ActivityInput"/>), on the state folded so far, as of
/// the day it is stamped: the demo never holds a state the API would refuse.
/// </summary>
public static class DemoYear
{
    public const int Year = 2025;

    public static readonly Guid Meetings = Guid.Parse("0195a000-3502-7030-8000-000000000201");
    public static readonly Guid FamilyTraining = Guid.Parse("0195a000-3502-7030-8000-000000000202");
    public static readonly Guid ClassMeetings = Guid.Parse("0195a000-3502-7030-8000-000000000203");
    public static readonly Guid Resources = Guid.Parse("0195a000-3502-7030-8000-000000000204");

    private static Guid Activity(int n) => Guid.Parse($"0195a000-3502-7030-8000-0000000003{n:00}");
    private static Guid Reflection(int n) => Guid.Parse($"0195a000-3502-7030-8000-0000000004{n:00}");

    /// <summary>The year's events in order, each decided on the state before it.</summary>
    /// <exception cref="InvalidOperationException">A step the API would refuse: the demo's data is wrong.</exception>
    public static IReadOnlyList<object> Events(StudioState workshop, Func<DateOnly, DateTimeOffset> on)
    {
        var host = new Actor($"host:{DemoData.Host.Name}", DemoData.Host.Name, Role.Host);
        var school = new Actor("school:厦门市第一中学管理员", "厦门市第一中学管理员", Role.School);
        var year = new Decider(workshop);
        string h = DemoData.HostTeacherId, m1 = DemoData.Members[0].Id, m2 = DemoData.Members[1].Id, m3 = DemoData.Members[2].Id,
            t1 = DemoData.Trainees[0].Id, t2 = DemoData.Trainees[1].Id, expert = DemoData.Expert.Id;
        static Attendance[] All(decimal hours, params string[] ids) => [.. ids.Select(id => new Attendance(id, hours))];

        // January: the plan, drafted by the host and approved by the school (学校党组织把关).
        var drafted = new DateOnly(Year, 1, 6);
        TaskSpec[] tasks =
        [
            new(Meetings, "每月一次主题教研会", "围绕班会课设计与家校沟通开展研讨，形成课例。", h, new DateOnly(Year, 12, 31),
                [ActivityKind.TeachingResearchMeeting, ActivityKind.ThematicSeminar]),
            new(FamilyTraining, "开展一次家校沟通专题培训", "面向青年班主任和研修人员，提升家庭教育指导能力。", m1, new DateOnly(Year, 11, 30),
                [ActivityKind.SpecialTraining]),
            new(ClassMeetings, "组织主题班会观摩研讨", "坊成员各上一节主题班会示范课，组织观摩和评课。", m2, new DateOnly(Year, 6, 30),
                [ActivityKind.ObservationShowcase, ActivityKind.DemonstrationLesson]),
            new(Resources, "建设班级活动资源库", "收集整理主题班会、班级活动方案和典型案例，建成共享资源库。", m3, new DateOnly(Year, 12, 31),
                [ActivityKind.ResourceBuilding]),
        ];
        year.Take(PlanRules.FirstDraft(year.State, Year, tasks, Day(on, drafted)),
            new AnnualPlanDrafted(Year, "以家校共育为主线，提升青年班主任带班育人能力；完善典型学生帮扶机制，形成可推广的工作方法。", tasks, 1, host,
                on(drafted)));
        var approved = new DateOnly(Year, 1, 10);
        year.Take(PlanRules.Approve(year.State, Year),
            new AnnualPlanApproved(Year, year.State.Plans[Year].Revision, year.State.Plans[Year].Planned, "计划目标明确，任务分工清楚，同意实施。", school,
                on(approved)));

        year.Log(Activity(1), new ActivityFacts(ActivityKind.TheoryStudy, [Domain.Learning, Domain.Growth], "《中小学班主任工作规定》与家校共育政策理论学习",
            new DateOnly(Year, 2, 26), 2m, All(2m, h, m1, m2, m3, t1, t2), [], [], Place: "厦门市第一中学行政楼三楼会议室",
            Summary: "集体学习班主任工作规定和家庭教育促进法，结合本校实际交流学习体会。"), host, on);
        year.Log(Activity(2), new ActivityFacts(ActivityKind.TeachingResearchMeeting, [Domain.Research, Domain.Exchange], "班会课设计主题教研会",
            new DateOnly(Year, 3, 19), 2.5m, [.. All(2.5m, h, m1, m2, m3), new Attendance(t1, 2m)], [Meetings], [],
            Place: "厦门市第一中学行政楼三楼会议室", Summary: "围绕“班会课如何让学生说真话”研讨三节班会课设计，形成改进清单。"), host, on);
        // Logged at two and a half hours; the sign-in sheet showed the lesson review ran half an hour longer.
        var showcase = new ActivityFacts(ActivityKind.ObservationShowcase, [Domain.Practice, Domain.Exchange], "主题班会观摩研讨",
            new DateOnly(Year, 4, 16), 2.5m, [.. All(2.5m, h, m1, m2, m3, t1, t2, expert)], [ClassMeetings], [],
            Place: "厦门市第一中学初二（3）班", Summary: "黄志强、郑雅琴老师各上一节主题班会示范课，王建华老师点评，坊成员和研修人员评课。");
        year.Log(Activity(3), showcase, host, on);
        year.Correct(Activity(3), new ActivityChanges { Hours = 3m, Attendees = All(3m, h, m1, m2, m3, t1, t2, expert) },
            "活动实际延长半小时，按签到表更正学时", host, on(new DateOnly(Year, 4, 17)));
        year.Log(Activity(4), new ActivityFacts(ActivityKind.StudentCaseConsultation, [Domain.Research, Domain.Practice], "典型学生会诊：厌学学生“一生一策”",
            new DateOnly(Year, 5, 14), 2m, All(2m, h, m1, expert), [], [], Place: "厦门市第一中学心理辅导室",
            Summary: "坊主、班主任与心理健康教师共同分析一名厌学初二学生的情况，制定“一生一策”帮扶方案。"), host, on);
        year.Log(Activity(5), new ActivityFacts(ActivityKind.HeadTeacherSalon, [Domain.Exchange, Domain.Growth], "班主任沙龙：学期末压力与情绪调适",
            new DateOnly(Year, 6, 11), 1.5m, All(1.5m, h, m1, m2, m3, t1, t2), [], [], Place: "厦门市第一中学教师书吧",
            Summary: "交流期末带班中的压力与应对办法，分享情绪调适小方法。"), host, on);
        year.Close(ClassMeetings, "完成主题班会观摩研讨1次、示范课2节，形成评课记录和课例2篇。", ["https://www.xmyz.xm.cn/gzf/2025/bhk.html"],
            [Activity(3)], host, on(new DateOnly(Year, 6, 20)));
        year.Progress(Meetings, "上半年已开展主题教研会4次，形成课例3篇。", 45, host, on(new DateOnly(Year, 6, 30)));
        var midYear = new DateOnly(Year, 7, 8);
        year.Reflect(new ReflectionRecorded(Reflection(1), midYear,
            "上半年反思：教研会和观摩研讨参与面广，但研修人员发言偏少；典型学生会诊效果好，需要固定下来。",
            "下半年教研会增加研修人员主讲环节；典型学生会诊每学期至少一次；家校沟通专题培训提前到10月。", host, on(midYear)));

        year.Log(Activity(6), new ActivityFacts(ActivityKind.SpecialTraining, [Domain.Learning, Domain.Practice], "家校沟通专题培训",
            new DateOnly(Year, 10, 22), 3m, [.. All(3m, h, m1, m2, m3, t1, t2), new Attendance(expert, 1.5m)], [FamilyTraining, Meetings], [],
            Place: "厦门市第一中学报告厅", Summary: "王建华老师作家庭教育指导专题讲座，林晓燕老师分享家访和家长会案例，研修人员分组演练家长沟通情景。"),
            host, on);
        year.Close(FamilyTraining, "10月22日开展家校沟通专题培训，坊内7人参训，形成家长沟通情景演练材料1套。", ["https://www.xmyz.xm.cn/gzf/2025/jxgt.html"],
            [Activity(6)], host, on(new DateOnly(Year, 11, 5)));
        year.Log(Activity(7), new ActivityFacts(ActivityKind.ResourceBuilding, [Domain.Research, Domain.Practice], "班级活动资源库建设研讨",
            new DateOnly(Year, 11, 19), 2m, All(2m, h, m3, t2), [Resources], [], Place: "厦门双十中学德育处",
            Summary: "梳理已收集的主题班会和班级活动方案，确定资源库分类和入库标准。"), host, on);
        year.Progress(Resources, "已收集主题班会设计18篇、班级活动方案12个，分类入库中。", 60, host, on(new DateOnly(Year, 11, 20)));
        var yearEnd = new DateOnly(Year, 12, 26);
        year.Reflect(new ReflectionRecorded(Reflection(2), yearEnd,
            "年度反思：计划任务大部分完成，研修人员带班能力提升明显；资源库建设进度偏慢，案例提炼还不够。",
            "明年将资源库建设列为重点任务，每月入库一次；组织成员把会诊案例写成典型案例。", host, on(yearEnd)));
        return year.Events;
    }

    private static DateOnly Day(Func<DateOnly, DateTimeOffset> on, DateOnly day) => Writes.DayOf(on(day));

    /// <summary>The studio's decision state, the tasks' standings and the activities, folded as each event is taken.</summary>
    private sealed class Decider(StudioState state)
    {
        public StudioState State { get; private set; } = state;
        public List<object> Events { get; } = [];
        private readonly Dictionary<Guid, TaskStanding> _tasks = [];
        private readonly Dictionary<Guid, ActivityEntry> _activities = [];
        private readonly Dictionary<Guid, ActivityFacts> _facts = [];

        public void Take(Refusal? refusal, object data)
        {
            if (refusal is not null) throw new InvalidOperationException($"The demo's {data.GetType().Name} is refused: {refusal.Rule} {refusal.Detail}");
            var e = Wrap(data, State.Id);
            State = StudioState.Fold(State, e)!;
            foreach (var id in TaskStanding.Keys(data))
                if (TaskStanding.Fold(_tasks.GetValueOrDefault(id), id, e) is { } task) _tasks[id] = task;
            if (data is IActivityEvent a && ActivityEntry.Fold(_activities.GetValueOrDefault(a.ActivityId), e) is { } entry) _activities[a.ActivityId] = entry;
            Events.Add(data);
        }

        public void Log(Guid id, ActivityFacts facts, Actor by, Func<DateOnly, DateTimeOffset> on)
        {
            var at = on(facts.Date);
            Shape(facts, Writes.DayOf(at));
            Take(ActivityRules.Check(State, SameDay(facts.Date), facts, tasks: [.. _tasks.Values]), new ActivityLogged(id, facts, by, at));
            _facts[id] = facts;
        }

        public void Correct(Guid id, ActivityChanges changes, string reason, Actor by, DateTimeOffset at)
        {
            var before = _facts[id];
            var after = changes.Apply(before);
            Shape(after, Writes.DayOf(at));
            Take(ActivityRules.Check(State, SameDay(after.Date), after, id, [.. _tasks.Values]),
                new ActivityCorrected(id, before, after, changes.Named(), reason, by, at));
            _facts[id] = after;
        }

        public void Close(Guid taskId, string reason, IReadOnlyList<string> evidence, IReadOnlyList<Guid> activityIds, Actor by, DateTimeOffset at)
        {
            var refusal = PlanRules.Can(State.Task(taskId, _tasks.GetValueOrDefault(taskId)), taskId, PlanRules.Move.Close, Writes.DayOf(at))
                ?? activityIds.Where(id => !_activities.TryGetValue(id, out var a) || a.Voided)
                    .Select(id => new Refusal("task.unknown-activity", $"Activity {id} is not a standing activity of this studio.")).FirstOrDefault();
            Take(refusal, new TaskClosed(Year, taskId, reason, evidence, activityIds, by, at));
        }

        public void Progress(Guid taskId, string reason, int percent, Actor by, DateTimeOffset at) =>
            Take(PlanRules.Can(State.Task(taskId, _tasks.GetValueOrDefault(taskId)), taskId, PlanRules.Move.Progress, Writes.DayOf(at)),
                new TaskProgressed(Year, taskId, reason, percent, by, at));

        /// <summary>As <see cref="RecordReflectionEndpoint"/> decides: its body check (not after the day recorded), then its rule.</summary>
        public void Reflect(ReflectionRecorded reflection)
        {
            if (!new Check().Day(reflection.Date, "date", Writes.DayOf(reflection.At)).Ok)
                throw new InvalidOperationException($"The demo's reflection of {reflection.Date:yyyy-MM-dd} is dated after the day it is recorded.");
            Take(RecordReflectionEndpoint.Dated(reflection.Date, State), reflection);
        }

        private List<ActivityEntry> SameDay(DateOnly date) => [.. _activities.Values.Where(a => a.Date == date && !a.Voided)];

        /// <summary>The body's own checks (hours against attendance, a teacher listed twice, not after the day recorded), as the endpoint runs them.</summary>
        private static void Shape(ActivityFacts facts, DateOnly today)
        {
            var check = new Check();
            ActivityInput.Check(check, facts, facts.Hours, facts.Start, facts.End, today);
            if (!check.Ok) throw new InvalidOperationException($"The demo's activity \"{facts.Title}\" is malformed.");
        }

        private static IEvent Wrap(object data, Guid stream)
        {
            var e = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(data.GetType()), data)!;
            e.StreamId = stream;
            return e;
        }
    }
}
