using Workshops.Growth;
using Workshops.Training;
using static Workshops.Tests.Teachers.TeacherGiven;
using static Workshops.Tests.Training.TrainingGiven;

namespace Workshops.Tests.Training;

/// <summary>The hour clocks of seeds 000, 002, 003 and 004 as pure functions of the facts on the day, the credits and the certificates.</summary>
public sealed class hour_clocks
{
    [Fact]
    public void a_veteran_trained_years_ago_is_current()
    {
        var facts = HeadTeacherSince("2008-09-01", "2026-03-01");
        var byCertificate = One("head-teacher-30", facts, certificates: [new CertificateHeld(CertificateKind.TrainingPass, D("2012-07-01"))])!;
        Assert.Equal((ClockStatus.Met, D("2012-07-01")), (byCertificate.Status, byCertificate.MetOn));
        var byHours = One("head-teacher-30", facts, [Credit("2015-04-10", 18), Credit("2015-11-20", 12)])!;
        Assert.Equal((ClockStatus.Met, D("2015-11-20"), 30m), (byHours.Status, byHours.MetOn, byHours.Earned));
    }

    [Theory]
    [InlineData("2020-06-01", ClockStatus.Due)]
    [InlineData("2021-01-01", ClockStatus.Due)]
    [InlineData("2021-01-02", ClockStatus.Overdue)]
    public void an_untrained_veteran_is_due_from_the_plans_start_not_from_when_they_began(string day, ClockStatus status)
    {
        var clock = One("head-teacher-30", HeadTeacherSince("2008-09-01", day), [Credit("2019-05-01", 12)])!;
        Assert.Equal((status, D("2020-01-01"), D("2021-01-01"), 18m), (clock.Status, clock.Start, clock.Due, clock.Remaining));
    }

    [Fact]
    public void a_new_head_teacher_is_due_within_their_first_year_and_met_on_time()
    {
        var part = new[] { Credit("2025-03-01", 20) };
        var due = One("head-teacher-30", HeadTeacherSince("2024-09-01", "2025-06-01"), part)!;
        Assert.Equal((ClockStatus.Due, D("2025-09-01"), 20m), (due.Status, due.Due, due.Earned));
        var met = One("head-teacher-30", HeadTeacherSince("2024-09-01", "2025-09-02"), [.. part, Credit("2025-08-20", 10)])!;
        Assert.Equal((ClockStatus.Met, D("2025-08-20")), (met.Status, met.MetOn));
        Assert.Equal(ClockStatus.Overdue, One("head-teacher-30", HeadTeacherSince("2024-09-01", "2025-09-02"), part)!.Status);
    }

    [Fact]
    public void a_teacher_no_longer_serving_has_no_head_teacher_clock()
    {
        var first = Started("2010-09-01");
        var facts = Facts(Record(first, Ended(first.PeriodId, "2019-07-31")), "2026-03-01");
        Assert.Empty(Judge("head-teacher-30", facts));
    }

    private static readonly TrainingCredit First30 = Credit("2020-05-10", 30, level: TrainingLevel.Municipal, key: "first-30");

    [Theory]
    // The first 30 hours (a municipal training) on 2020-05-10 start the clock; each retraining moves the next due day.
    [InlineData("2022-01-01", ClockStatus.Met, "2023-05-10")]
    [InlineData("2023-05-09", ClockStatus.Met, "2023-05-10")]
    [InlineData("2023-05-10", ClockStatus.Due, "2023-05-10")]
    [InlineData("2023-05-11", ClockStatus.Overdue, "2023-05-10")]
    [InlineData("2023-09-01", ClockStatus.Met, "2026-09-01")]
    [InlineData("2026-09-01", ClockStatus.Due, "2026-09-01")]
    [InlineData("2026-09-02", ClockStatus.Overdue, "2026-09-01")]
    public void the_three_yearly_training_rolls(string day, ClockStatus status, string due)
    {
        var credits = new[] { First30, Credit("2023-09-01", 16, level: TrainingLevel.District), Credit("2024-10-01", 8, level: TrainingLevel.School) };
        var clock = One("rotation-3-years", HeadTeacherSince("2016-09-01", day), credits)!;
        Assert.Equal((status, D(due)), (clock.Status, clock.Due));
    }

    [Fact]
    public void the_three_yearly_clock_waits_for_the_first_30_hours()
    {
        Assert.Null(One("rotation-3-years", HeadTeacherSince("2016-09-01", "2026-03-01"), [Credit("2021-03-01", 8)]));
    }

    [Fact]
    public void the_yearly_school_based_training_rolls_and_a_missed_year_stays_overdue_until_this_years_is_done()
    {
        var school = (string d) => Credit(d, 3, CreditCategory.Other, TrainingLevel.School);
        Assert.Null(One("school-based-yearly", HeadTeacherSince("2016-09-01", "2020-11-01"), [First30]));
        var met = One("school-based-yearly", HeadTeacherSince("2016-09-01", "2021-06-01"), [First30, school("2021-03-05")])!;
        Assert.Equal((ClockStatus.Met, D("2021-12-31")), (met.Status, met.Due));
        var due = One("school-based-yearly", HeadTeacherSince("2016-09-01", "2022-06-01"), [First30, school("2021-03-05")])!;
        Assert.Equal((ClockStatus.Due, D("2022-12-31"), true), (due.Status, due.Due, due.Previous!.Met));
        var overdue = One("school-based-yearly", HeadTeacherSince("2016-09-01", "2023-02-01"), [First30, school("2021-03-05")])!;
        Assert.Equal((ClockStatus.Overdue, false, D("2022-01-01")), (overdue.Status, overdue.Previous!.Met, overdue.Previous.Start));
        var caughtUp = One("school-based-yearly", HeadTeacherSince("2016-09-01", "2023-02-01"), [First30, school("2021-03-05"), school("2023-01-15")])!;
        Assert.Equal(ClockStatus.Met, caughtUp.Status);
    }

    [Fact]
    public void new_teachers_take_48_hours_from_2021_only()
    {
        Assert.Empty(Judge("new-teacher-48", Facts(Record(Teaching("2020-09-01")), "2021-03-01")));
        var general = (string d, decimal h) => Credit(d, h, CreditCategory.AbilityGeneral);
        var due = Judge("new-teacher-48", Facts(Record(Teaching("2021-09-01")), "2022-03-01"), [general("2021-10-10", 24)]).Single();
        Assert.Equal((ClockStatus.Due, D("2022-09-01"), 24m), (due.Status, due.Due, due.Remaining));
        var met = Judge("new-teacher-48", Facts(Record(Teaching("2021-09-01")), "2022-09-02"), [general("2021-10-10", 24), general("2022-04-10", 24)]).Single();
        Assert.Equal(ClockStatus.Met, met.Status);
        // Head-teacher topical hours are not the general ability training.
        Assert.Equal(ClockStatus.Overdue, Judge("new-teacher-48", Facts(Record(Teaching("2021-09-01")), "2022-09-02"), [Credit("2021-10-10", 48)]).Single().Status);
    }

    [Fact]
    public void a_principals_qualification_and_in_service_hours_are_never_the_same_hours()
    {
        var facts = Facts(Record(TrainingGiven.Principal("2024-01-01")), "2026-03-01");
        var credits = new[]
        {
            Credit("2024-06-30", 320, CreditCategory.PrincipalQualification, TrainingLevel.Provincial, "qualification"),
            Credit("2025-03-01", 100, CreditCategory.PrincipalInService, TrainingLevel.Municipal, "in-service"),
        };
        var clocks = HourClocks.JudgeAll([HourClocks.Find("principal-300")!, HourClocks.Find("principal-360-per-5-years")!], facts, credits, []);
        var (qualification, inService) = (clocks[0], clocks[1]);
        Assert.Equal((ClockStatus.Met, 320m), (qualification.Status, qualification.Earned));
        Assert.Equal(["qualification"], qualification.Counted.Select(c => c.Key));
        Assert.Equal((ClockStatus.Due, 100m, D("2024-01-01"), D("2028-12-31")), (inService.Status, inService.Earned, inService.Start, inService.Due));
        Assert.Equal(["in-service"], inService.Counted.Select(c => c.Key));
        Assert.Empty(qualification.Counted.Select(c => c.Key).Intersect(inService.Counted.Select(c => c.Key)));
    }

    [Fact]
    public void policies_of_one_group_never_share_hours_even_when_they_accept_the_same_category()
    {
        var facts = Facts(Record(TrainingGiven.Principal("2024-01-01")), "2026-03-01");
        var once = HourClocks.Find("principal-300")! with { Categories = [CreditCategory.PrincipalTraining] };
        var cycle = HourClocks.Find("principal-360-per-5-years")!;
        var credits = new[] { Credit("2024-06-30", 400, CreditCategory.PrincipalTraining, TrainingLevel.Provincial, "course") };
        var grouped = HourClocks.JudgeAll([once, cycle], facts, credits, []);
        Assert.Equal((400m, 100m), (grouped[0].Earned, grouped[1].Earned));
        var ungrouped = HourClocks.JudgeAll([once with { Exclusive = null }, cycle with { Exclusive = null }], facts, credits, []);
        Assert.Equal(400m, ungrouped[1].Earned);
    }

    [Fact]
    public void a_principal_appointed_before_the_opinion_has_the_five_yearly_clock_only_and_a_missed_cycle_is_overdue()
    {
        var credits = new[] { Credit("2024-03-01", 200, CreditCategory.PrincipalInService, TrainingLevel.Municipal) };
        var policies = new[] { HourClocks.Find("principal-300")!, HourClocks.Find("principal-360-per-5-years")! };
        var record = Record(TrainingGiven.Principal("2015-09-01"));
        var cycle = HourClocks.JudgeAll(policies, Facts(record, "2026-03-01"), credits, []).Single();
        Assert.Equal((ClockStatus.Due, D("2023-08-29"), D("2028-08-28"), 200m), (cycle.Status, cycle.Start, cycle.Due, cycle.Earned));
        var next = HourClocks.JudgeAll(policies, Facts(record, "2028-09-01"), credits, []).Single();
        Assert.Equal((ClockStatus.Overdue, D("2028-08-29"), 0m), (next.Status, next.Start, next.Earned));
        Assert.Equal((200m, false, D("2028-08-28")), (next.Previous!.Earned, next.Previous.Met, next.Previous.End));
    }

    [Fact]
    public void xiamen_rural_head_teachers_are_trained_in_rotation_by_2025()
    {
        var rural = RecordOf(Registered(rural: true), Started("2018-09-01"));
        Assert.Equal(ClockStatus.Due, Judge("xiamen-rural-rotation-2025", Facts(rural, "2025-06-01")).Single().Status);
        Assert.Equal(ClockStatus.Overdue, Judge("xiamen-rural-rotation-2025", Facts(rural, "2026-01-02")).Single().Status);
        Assert.Equal(ClockStatus.Met, Judge("xiamen-rural-rotation-2025", Facts(rural, "2026-01-02"), [Credit("2024-04-12", 12, level: TrainingLevel.Municipal)]).Single().Status);
        Assert.Empty(Judge("xiamen-rural-rotation-2025", HeadTeacherSince("2018-09-01", "2025-06-01")));
    }

    [Fact]
    public void xiamens_new_head_teachers_pass_one_normative_training_in_their_first_year()
    {
        Assert.Empty(Judge("xiamen-new-head-teacher-training", HeadTeacherSince("2020-09-01", "2023-03-01")));
        var clock = Judge("xiamen-new-head-teacher-training", HeadTeacherSince("2023-09-01", "2024-03-01"), [Credit("2023-11-11", 6, level: TrainingLevel.School)]).Single();
        Assert.Equal((ClockStatus.Met, "trainings", 1m), (clock.Status, clock.Unit, clock.Earned));
    }

    [Fact]
    public void a_credit_recognised_toward_one_policy_counts_for_that_policy_only()
    {
        var facts = HeadTeacherSince("2016-09-01", "2022-01-01");
        var outside = Credit("2021-05-01", 30, level: TrainingLevel.Municipal, toward: ["head-teacher-30"]);
        Assert.Equal(ClockStatus.Met, One("head-teacher-30", facts, [outside])!.Status);
        Assert.Equal(0m, One("rotation-3-years", facts, [outside])!.Earned);
    }
}
