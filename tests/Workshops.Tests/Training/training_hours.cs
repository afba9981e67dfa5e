using Workshops.Core;
using Workshops.Growth;
using Workshops.Studios;
using Workshops.Training;
using static Workshops.Tests.Support.Given;
using static Workshops.Tests.Teachers.TeacherGiven;
using static Workshops.Tests.Training.TrainingGiven;

namespace Workshops.Tests.Training;

/// <summary>The hours a growth file, the clocks and checklist item X.4 read: studio credits beside the credit bank's, on the clocks.</summary>
public sealed class training_hours
{
    private static Credit Studio(string date, decimal hours, CreditCategory category = CreditCategory.StudioActivity,
        TrainingLevel level = TrainingLevel.Municipal) =>
        new(Guid.NewGuid().ToString(), StudioId, category, level, hours, D(date), "班主任沙龙", At);

    private static OutsideCredit Outside(string date, decimal hours, string region, params CreditDecision[] decisions) =>
        new(Guid.NewGuid(), "班主任专业能力提升研修", CreditCategory.HeadTeacherTraining, TrainingLevel.Municipal, hours, D(date),
            new CreditSource("某教育局", "p1", region), null, At, decisions);

    private static TrainingRecord Bank(params OutsideCredit[] credits) => TrainingRecord.Empty(Workshops.Tests.Teachers.TeacherGiven.Stream, Id) with { Credits = credits };

    private static readonly IReadOnlyList<ClockPolicy> Thirty = [HourClocks.Find("head-teacher-30")!];

    [Fact]
    public void studio_credits_and_local_outside_credits_meet_the_thirty_hours_together()
    {
        var facts = HeadTeacherSince("2024-09-01", "2025-06-01");
        var studio = new[] { Studio("2024-11-10", 18) };
        Assert.Equal(ClockStatus.Due, TrainingHours.Judge(Thirty, facts, studio, null).Single().Status);
        var met = TrainingHours.Judge(Thirty, facts, studio, Bank(Outside("2025-03-01", 12, "350200"))).Single();
        Assert.Equal((ClockStatus.Met, 30m), (met.Status, met.Earned));
        Assert.Contains(met.Counted, c => c.Key.StartsWith("studio:", StringComparison.Ordinal));
    }

    [Fact]
    public void an_outside_credit_from_elsewhere_counts_only_once_the_credit_bank_recognised_it()
    {
        var facts = HeadTeacherSince("2024-09-01", "2025-06-01");
        var studio = new[] { Studio("2024-11-10", 18) };
        var undecided = Outside("2025-03-01", 12, "440300");
        Assert.Equal(18m, TrainingHours.Judge(Thirty, facts, studio, Bank(undecided)).Single().Earned);
        var recognised = undecided with { Decisions = [new CreditDecision(true, ["head-teacher-30"], "guangdong-municipal", "350200", "测试", D("2025-04-01"), By, At)] };
        Assert.Equal(ClockStatus.Met, TrainingHours.Judge(Thirty, facts, studio, Bank(recognised)).Single().Status);
    }

    [Fact]
    public void a_veteran_whose_studio_hours_met_the_thirty_in_2020_is_current_years_later()
    {
        var facts = HeadTeacherSince("2003-09-01", "2026-05-01");
        Assert.Equal(ClockStatus.Overdue, TrainingHours.Judge(Thirty, facts, [], null).Single().Status);
        var result = TrainingHours.Judge(Thirty, facts, [Studio("2020-06-01", 20), Studio("2020-10-01", 10)], null).Single();
        Assert.Equal((ClockStatus.Met, D("2020-10-01")), (result.Status, result.MetOn));
    }

    [Fact]
    public void a_month_summary_of_studio_credits_counts_as_the_trainings_it_stands_for()
    {
        var facts = HeadTeacherSince("2003-09-01", "2026-05-01");
        var yearly = HourClocks.Find("school-based-yearly")! with { RequiredTrainings = 3, After = null };
        var summary = Studio("2026-02-01", 6, CreditCategory.StudioActivity, TrainingLevel.School) with { Count = 3 };
        Assert.Equal((ClockStatus.Met, 3m), TrainingHours.Judge([yearly], facts, [summary], null).Single() is var r ? (r.Status, r.Earned) : default);
    }

    [Fact]
    public void a_regions_policy_given_as_data_runs_on_a_clock_of_its_window_from_the_year_it_was_added()
    {
        var policy = new HourPolicy("xiamen-mental-health-12", "心理健康教育专题培训每年12学时", "厦门市2026年班主任培训安排", Audience.HeadTeachers,
            PolicyWindow.CalendarYear, PolicyAnchor.HeadTeacherSince, [CreditCategory.HeadTeacherTraining, CreditCategory.StudioActivity], RequiredHours: 12);
        var clocks = TrainingHours.Policies(["head-teacher-30"], "350200", [policy], new Dictionary<string, DateOnly> { [policy.Code] = D("2026-03-15") });
        Assert.Equal(["xiamen-mental-health-12", "head-teacher-30"], clocks.Select(c => c.Code));
        Assert.Equal(ClockKind.Yearly, clocks[0].Kind);
        Assert.Equal(["nope"], TrainingHours.WithoutClock(["head-teacher-30", "nope"], null, []));
        var result = TrainingHours.Judge([clocks[0]], HeadTeacherSince("2015-09-01", "2026-04-01"), [Studio("2026-03-20", 5)], null).Single();
        Assert.Equal((5m, 7m, ClockStatus.Due, D("2026-12-31")), (result.Earned, result.Remaining, result.Status, result.Due));
        // Nobody is overdue for 2025, before the policy existed.
        Assert.Null(result.Previous);
    }

    [Fact]
    public void without_a_record_the_roster_facts_of_joining_are_judged()
    {
        var joined = Teacher("M1", since: D("2024-09-01"));
        var facts = TrainingHours.FactsOf(null, joined, D("2024-10-01"), new Region("350000", "350200", "350203"), Track.K12, D("2025-06-01"));
        Assert.Equal(("350203", true), (facts.Region, facts.ServingAsHeadTeacher));
        Assert.Equal(ClockStatus.Due, TrainingHours.Judge(Thirty, facts, [Studio("2024-11-10", 18)], null).Single().Status);
    }
}
