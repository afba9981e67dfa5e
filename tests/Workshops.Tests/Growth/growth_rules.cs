using Workshops.Activities;
using Workshops.Growth;
using Workshops.Roster;
using Workshops.Tests.Support;
using Workshops.Years;
using static Workshops.Tests.Support.Given;

namespace Workshops.Tests.Growth;

/// <summary>Years of service, recognition and eligibility at their boundaries.</summary>
public sealed class growth_rules
{
    [Theory]
    [InlineData("2021-03-01", "2026-02-28", 4)]
    [InlineData("2021-03-01", "2026-03-01", 5)]
    [InlineData("2020-02-29", "2025-02-27", 4)]
    [InlineData("2020-02-29", "2025-02-28", 5)]
    [InlineData("2020-02-29", "2024-02-29", 4)]
    [InlineData("2020-02-29", "2024-02-28", 3)]
    [InlineData("2026-03-01", "2026-02-28", 0)]
    public void full_years_complete_on_the_anniversary(string since, string on, int years) =>
        Assert.Equal(years, Service.FullYears(DateOnly.Parse(since), DateOnly.Parse(on)));

    private static Workshops.Studios.Studio StudioWith(TeacherInfo host, params TeacherInfo[] members) =>
        View([new HostAppointed(host, Founded, By, At), .. members.Select(m => (object)new MemberJoined(m, Founded, By, At))]);

    [Fact]
    public void a_host_needs_five_full_years_on_the_assessment_date()
    {
        var assessed = new DateOnly(2026, 1, 10);
        var fourYears364Days = Teacher("H", since: new DateOnly(2021, 1, 11));
        var fiveYears = Teacher("H", since: new DateOnly(2021, 1, 10));
        Assert.Empty(Recognition.Decide(StudioWith(fourYears364Days), AssessmentResult.Qualified, assessed).Single().Titles);
        Assert.Equal([RecognitionTitle.HeadTeacherLeader, RecognitionTitle.MoralEducationLeader],
            Recognition.Decide(StudioWith(fiveYears), AssessmentResult.Excellent, assessed).Single().Titles);
    }

    [Fact]
    public void members_need_two_years_and_everyone_must_still_serve_and_pass()
    {
        var assessed = new DateOnly(2026, 1, 10);
        var decisions = Recognition.Decide(StudioWith(Teacher("H", since: new DateOnly(2000, 1, 1), serving: false),
            Teacher("M1", since: new DateOnly(2024, 1, 10)), Teacher("M2", since: new DateOnly(2024, 1, 11)),
            Teacher("M3", since: new DateOnly(2010, 1, 1), serving: false)), AssessmentResult.Qualified, assessed).ToDictionary(d => d.TeacherId);
        Assert.Empty(decisions["H"].Titles);
        Assert.Contains("不再从事", decisions["H"].Reason);
        Assert.Equal([RecognitionTitle.BackboneHeadTeacher], decisions["M1"].Titles);
        Assert.Empty(decisions["M2"].Titles);
        Assert.Contains("不足2年", decisions["M2"].Reason);
        Assert.Empty(decisions["M3"].Titles);
        var failed = Recognition.Decide(StudioWith(Teacher("H", since: new DateOnly(2000, 1, 1))), AssessmentResult.Unqualified, assessed);
        Assert.Empty(failed.Single().Titles);
        Assert.Contains("不合格", failed.Single().Reason);
    }

    [Fact]
    public void youth_backbone_and_expert_eligibility()
    {
        var on = new DateOnly(2026, 9, 1);
        Assert.True(Eligibilities.YouthBackbone(Teacher("T", since: new DateOnly(2024, 9, 1), teaching: new DateOnly(2021, 9, 1)), on).Eligible);
        Assert.False(Eligibilities.YouthBackbone(Teacher("T", since: new DateOnly(2024, 9, 2), teaching: new DateOnly(2021, 9, 1)), on).Eligible);
        Assert.False(Eligibilities.YouthBackbone(Teacher("T", since: new DateOnly(2024, 9, 1), teaching: new DateOnly(2021, 9, 2)), on).Eligible);
        var leader = Teacher("T", since: new DateOnly(2018, 9, 1)) with { CitySubjectLeader = true };
        Assert.True(Eligibilities.Expert(leader, on).Eligible);
        Assert.False(Eligibilities.Expert(leader with { HeadTeacherSince = new DateOnly(2018, 9, 2) }, on).Eligible);
        Assert.False(Eligibilities.Expert(leader with { CitySubjectLeader = false }, on).Eligible);
        Assert.False(Eligibilities.Expert(leader with { ServingAsHeadTeacher = false }, on).Eligible);
    }
}

/// <summary>Each preset hour policy: applicability, window, due date and status.</summary>
public sealed class hour_policy_rules
{
    private static HourPolicy Preset(string code) => HourPolicies.Presets.Single(p => p.Code == code);

    private static Credit Credit(string date, decimal hours, CreditCategory category = CreditCategory.HeadTeacherTraining,
        TrainingLevel level = TrainingLevel.District, DateTimeOffset? recorded = null) =>
        new(Guid.NewGuid().ToString(), Guid.Empty, category, level, hours, DateOnly.Parse(date), "培训", recorded ?? At);

    [Fact]
    public void thirty_hours_met_at_risk_and_overdue()
    {
        var policy = Preset("head-teacher-30");
        var teacher = Teacher("T", since: new DateOnly(2025, 9, 1));
        Credit[] credits = [Credit("2025-10-01", 20, CreditCategory.StudioActivity, TrainingLevel.Municipal), Credit("2026-01-10", 10)];
        Assert.Equal(PolicyStatus.AtRisk, HourPolicies.Evaluate(policy, teacher, credits[..1], new DateOnly(2026, 8, 31)).Status);
        var overdue = HourPolicies.Evaluate(policy, teacher, credits[..1], new DateOnly(2026, 9, 2));
        Assert.Equal((PolicyStatus.Overdue, 20m, 10m, new DateOnly(2026, 9, 1)), (overdue.Status, overdue.Earned, overdue.Remaining, overdue.Due));
        var met = HourPolicies.Evaluate(policy, teacher, credits, new DateOnly(2026, 2, 1));
        Assert.Equal((PolicyStatus.Met, 30m, 0m, 2), (met.Status, met.Earned, met.Remaining, met.Counted.Count));
        Assert.Equal(20m, HourPolicies.Evaluate(policy, teacher, credits, new DateOnly(2026, 1, 9)).Earned);
    }

    [Fact]
    public void forty_eight_hours_apply_to_teachers_who_started_in_2021_or_later()
    {
        var policy = Preset("new-teacher-48");
        Assert.True(HourPolicies.Applies(policy, Teacher("T", teaching: new DateOnly(2021, 1, 1))));
        Assert.False(HourPolicies.Applies(policy, Teacher("T", teaching: new DateOnly(2020, 12, 31))));
        var teacher = Teacher("T", teaching: new DateOnly(2024, 8, 25));
        var result = HourPolicies.Evaluate(policy, teacher, [Credit("2024-10-01", 40, CreditCategory.AbilityGeneral), Credit("2024-11-01", 30)],
            new DateOnly(2025, 1, 1));
        Assert.Equal((40m, 8m, PolicyStatus.AtRisk), (result.Earned, result.Remaining, result.Status));
    }

    [Fact]
    public void a_district_or_municipal_training_every_three_years_from_service_start()
    {
        var policy = Preset("rotation-3-years");
        var teacher = Teacher("T", since: new DateOnly(2019, 9, 1));
        var (start, due) = HourPolicies.Window(policy, teacher, new DateOnly(2026, 3, 1));
        Assert.Equal((new DateOnly(2025, 9, 1), new DateOnly(2028, 8, 31)), (start, due));
        Assert.Equal(PolicyStatus.AtRisk, HourPolicies.Evaluate(policy, teacher, [Credit("2025-08-31", 8)], new DateOnly(2026, 3, 1)).Status);
        Assert.Equal(PolicyStatus.Met, HourPolicies.Evaluate(policy, teacher, [Credit("2025-09-01", 8)], new DateOnly(2026, 3, 1)).Status);
        Assert.Equal(PolicyStatus.AtRisk, HourPolicies.Evaluate(policy, teacher, [Credit("2025-09-01", 8, level: TrainingLevel.School)], new DateOnly(2026, 3, 1)).Status);
    }

    [Fact]
    public void a_school_based_training_every_calendar_year()
    {
        var policy = Preset("school-based-yearly");
        var teacher = Teacher("T");
        var school = Credit("2026-03-01", 2, CreditCategory.StudioActivity, TrainingLevel.School);
        Assert.Equal(PolicyStatus.Met, HourPolicies.Evaluate(policy, teacher, [school], new DateOnly(2026, 12, 31)).Status);
        var lastYear = HourPolicies.Evaluate(policy, teacher, [school], new DateOnly(2025, 12, 31));
        Assert.Equal((0m, PolicyStatus.AtRisk, new DateOnly(2025, 1, 1)), (lastYear.Earned, lastYear.Status, lastYear.WindowStart));
        var district = Credit("2026-03-01", 2, CreditCategory.HeadTeacherTraining, TrainingLevel.District);
        Assert.Equal(0m, HourPolicies.Evaluate(policy, teacher, [district], new DateOnly(2026, 12, 31)).Earned);
    }

    [Fact]
    public void principals_need_300_hours_and_360_every_five_years()
    {
        var principal = Teacher("P") with { PrincipalSince = new DateOnly(2020, 9, 1) };
        Assert.False(HourPolicies.Applies(Preset("principal-300"), Teacher("T")));
        var cycle = HourPolicies.Evaluate(Preset("principal-360-per-5-years"), principal,
            [Credit("2024-01-01", 200, CreditCategory.PrincipalTraining), Credit("2025-10-01", 100, CreditCategory.PrincipalTraining)],
            new DateOnly(2026, 1, 1));
        Assert.Equal((new DateOnly(2025, 9, 1), new DateOnly(2030, 8, 31), 100m), (cycle.WindowStart, cycle.Due, cycle.Earned));
    }

    [Fact]
    public void a_correction_recorded_later_does_not_change_an_earlier_as_of()
    {
        var early = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var late = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var original = Credit("2026-02-01", 10, recorded: early) with { RemovedAt = late };
        var corrected = Credit("2026-02-01", 4, recorded: late);
        var file = new TeacherFile { Id = "T", Credits = [original, corrected] };
        Assert.Equal(10m, file.CreditsAt(History.EndOf(new DateOnly(2026, 5, 1)), new DateOnly(2026, 5, 1)).Sum(c => c.Hours));
        Assert.Equal(4m, file.CreditsAt(History.EndOf(new DateOnly(2026, 6, 2)), new DateOnly(2026, 6, 2)).Sum(c => c.Hours));
    }

    private static CreditMonth FoldAll(string key, params object[] events) =>
        events.Select((e, i) => Wrap(e, i + 1)).Aggregate((CreditMonth?)null, (doc, e) => CreditMonth.Fold(doc, key, e, null))!;

    [Fact]
    public void an_activity_credits_the_month_it_is_dated_in_and_a_correction_that_moves_it_leaves_a_removed_credit_behind()
    {
        var id = Guid.NewGuid();
        var before = Facts(new DateOnly(2025, 12, 30), 2, ("M1", 2), ("M2", 1)) with
        {
            Attendees = [new Attendance("M1", 2), new Attendance("M2", 1), new Attendance("G", 2, Guest: true, Name: "来宾")],
        };
        var after = before with { Date = new DateOnly(2026, 1, 3) };
        var logged = new ActivityLogged(id, before, By, At);
        var corrected = new ActivityCorrected(id, before, after, ["date"], "日期有误", By, At.AddDays(1));

        Assert.Equal(["M1:2025-12", "M2:2025-12"], CreditMonth.Keys(logged).Order());
        Assert.Equal(["M1:2025-12", "M1:2026-01", "M2:2025-12", "M2:2026-01"], CreditMonth.Keys(corrected).Order());

        var old = FoldAll("M1:2025-12", logged, corrected);
        Assert.Equal(("M1", 2025, 12), (old.TeacherId, old.Year, old.Month));
        var credit = Assert.Single(old.Credits);
        Assert.Equal((2m, At.AddDays(1)), (credit.Hours, credit.RemovedAt));

        var moved = FoldAll("M1:2026-01", logged, corrected);
        Assert.Equal((new DateOnly(2026, 1, 3), (DateTimeOffset?)null), (Assert.Single(moved.Credits).Date, moved.Credits[0].RemovedAt));
    }

    [Fact]
    public void a_voided_activity_stops_counting_from_the_moment_it_was_voided()
    {
        var id = Guid.NewGuid();
        var facts = Facts(new DateOnly(2026, 4, 1), 3, ("M1", 3));
        var doc = FoldAll("M1:2026-04", new ActivityLogged(id, facts, By, At), new ActivityVoided(id, facts, "重复登记", By, At.AddDays(10)));
        var file = new TeacherFile { Id = "M1", Credits = doc.Credits };
        Assert.Equal(3m, file.CreditsAt(At.AddDays(5), new DateOnly(2026, 12, 31)).Sum(c => c.Hours));
        Assert.Empty(file.CreditsAt(At.AddDays(11), new DateOnly(2026, 12, 31)));
    }
}
