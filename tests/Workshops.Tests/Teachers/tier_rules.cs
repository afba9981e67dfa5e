using Workshops.Programmes;
using Workshops.Roster;
using Workshops.Teachers;
using Workshops.Years;
using static Workshops.Tests.Support.Given;
using static Workshops.Tests.Teachers.TeacherGiven;

namespace Workshops.Tests.Teachers;

/// <summary>The tier ladder as seed 000 writes it (Xiamen preset) and seed 001's (vocational preset), at each boundary.</summary>
public sealed class tier_rules
{
    private static readonly RuleSet Xiamen = RuleSetPresets.Xiamen;
    private static readonly RuleSet Moe = RuleSetPresets.Moe;

    private static RungCheck Rung(RuleSet set, string code, TeacherFacts facts) => TierRules.Check(set, set.RungOf(code)!, facts);

    [Theory]
    [InlineData("2026-08-31", false)] // teaching 4 years 364 days
    [InlineData("2026-09-01", true)]
    public void youth_backbone_needs_five_years_of_teaching(string day, bool met)
    {
        var record = Record(Teaching("2021-09-01"), Started("2022-09-01"));
        Assert.Equal(met, Rung(Xiamen, "youth-backbone", Facts(record, day)).Met);
    }

    [Theory]
    [InlineData("2026-08-31", false)]
    [InlineData("2026-09-01", true)]
    public void youth_backbone_needs_two_years_as_head_teacher_and_still_serving(string day, bool met)
    {
        var start = Started("2024-09-01");
        var serving = Record(Teaching("2015-09-01"), start);
        Assert.Equal(met, Rung(Xiamen, "youth-backbone", Facts(serving, day)).Met);
        var stopped = Record(Teaching("2015-09-01"), start, Ended(start.PeriodId, "2026-12-31"));
        Assert.True(Rung(Xiamen, "youth-backbone", Facts(stopped, "2026-12-31")).Met);
        var check = Rung(Xiamen, "youth-backbone", Facts(stopped, "2027-01-01"));
        Assert.False(check.Met);
        Assert.Contains("已不再从事班主任工作", check.Reason);
    }

    [Theory]
    [InlineData("2026-08-31", true)]
    [InlineData("2026-09-01", false)]
    public void a_serving_head_teacher_is_new_until_two_years(string day, bool isNew)
    {
        var record = Record(Started("2024-09-01"));
        var standing = TierRules.Standing(Xiamen, Facts(record, day));
        Assert.Equal(isNew, standing.Rungs.Single(r => r.Rung == "new").Held);
        Assert.Equal(isNew ? "new" : null, standing.Tier?.Rung);
        Assert.False(TierRules.Standing(Xiamen, Facts(Record(), day)).Rungs.Single(r => r.Rung == "new").Held);
    }

    [Theory]
    [InlineData(RosterRole.Member, "2024-01-10", new[] { "backbone" })]
    [InlineData(RosterRole.Member, "2024-01-11", new string[0])]
    [InlineData(RosterRole.Host, "2021-01-10", new[] { "leader", "moral-education-leader" })]
    [InlineData(RosterRole.Host, "2021-01-11", new string[0])]
    public void a_qualified_assessment_confers_the_rungs_of_the_role_at_their_boundary(RosterRole role, string since, string[] conferred)
    {
        var facts = Facts(Record(Started(since)), "2026-01-10");
        var checks = TierRules.Assessed(Xiamen, facts, role, AssessmentResult.Qualified);
        Assert.Equal(conferred, checks.Where(c => c.Met).Select(c => c.Rung).ToArray());
        Assert.All(checks.Where(c => c.Met), c => Assert.StartsWith("厦门市", c.Title));
    }

    [Fact]
    public void an_unqualified_assessment_confers_nothing_and_the_vocational_set_has_no_assessment_rungs()
    {
        var facts = Facts(Record(Started("2010-09-01")), "2026-01-10");
        var failed = TierRules.Assessed(Xiamen, facts, RosterRole.Host, AssessmentResult.Unqualified);
        Assert.All(failed, c => Assert.False(c.Met));
        Assert.Contains("不合格", failed[0].Reason);
        Assert.Empty(TierRules.Assessed(Moe, facts, RosterRole.Host, AssessmentResult.Excellent));
    }

    [Fact]
    public void the_years_for_backbone_come_from_the_periods_with_gaps_left_out()
    {
        var first = Started("2020-09-01");
        var record = Record(first, Ended(first.PeriodId, "2021-08-31"), Started("2023-09-01"));
        Assert.DoesNotContain(TierRules.Assessed(Xiamen, Facts(record, "2024-08-31"), RosterRole.Member, AssessmentResult.Qualified), c => c.Met);
        Assert.Single(TierRules.Assessed(Xiamen, Facts(record, "2024-09-01"), RosterRole.Member, AssessmentResult.Qualified), c => c.Met);
    }

    [Fact]
    public void expert_selection_takes_a_municipal_moral_education_leader_or_an_excellent_head_teacher()
    {
        Assert.Equal("expert.not-eligible", TierRules.MaySelect(Xiamen, Facts(Record(), "2026-03-01"))?.Rule);
        var district = Record(Honour(HonourKind.MoralEducationLeader, HonourLevel.District, "2024-01-01"));
        Assert.Equal("expert.not-eligible", TierRules.MaySelect(Xiamen, Facts(district, "2026-03-01"))?.Rule);
        Assert.Null(TierRules.MaySelect(Xiamen, Facts(Record(Honour(HonourKind.MoralEducationLeader, HonourLevel.Municipal, "2024-01-01")), "2026-03-01")));
        Assert.Null(TierRules.MaySelect(Xiamen, Facts(Record(Honour(HonourKind.ExcellentHeadTeacher, HonourLevel.School, "2024-01-01")), "2026-03-01")));
        Assert.Null(TierRules.MaySelect(Xiamen, Facts(Record(Recognised("moral-education-leader", "2024-01-01")), "2026-03-01")));
        Assert.Equal("expert.no-selection", TierRules.MaySelect(Moe, Facts(district, "2026-03-01"))?.Rule);
    }

    [Fact]
    public void the_expert_rung_is_recognised_only_after_selection_and_training()
    {
        var honour = Honour(HonourKind.ExcellentHeadTeacher, HonourLevel.Municipal, "2023-01-01");
        var selected = new ExpertCandidateSelected(Id, Guid.NewGuid(), Xiamen.Code, D("2024-03-01"), "优秀班主任", ["顾明远", "王老师"], null, null, By, At);
        var trained = new ExpertTrainingCompleted(Id, Guid.NewGuid(), D("2025-12-20"), "结业", null, null, By, At);
        Assert.Equal("expert.not-candidate", TierRules.MayGrant(Xiamen, "expert", Facts(Record(honour), "2026-03-01"))?.Rule);
        Assert.Equal("expert.not-trained", TierRules.MayGrant(Xiamen, "expert", Facts(Record(honour, selected), "2026-03-01"))?.Rule);
        Assert.Equal("expert.not-trained", TierRules.MayGrant(Xiamen, "expert", Facts(Record(honour, selected, trained), "2025-12-19"))?.Rule);
        Assert.Null(TierRules.MayGrant(Xiamen, "expert", Facts(Record(honour, selected, trained), "2025-12-20")));
    }

    [Theory]
    [InlineData("2026-08-31", false)] // 7 years 364 days as head teacher
    [InlineData("2026-09-01", true)]
    public void an_expert_head_teacher_who_is_a_city_subject_leader_with_eight_years_is_treated_as_an_expert_teacher(string day, bool treated)
    {
        var record = Record(Started("2018-09-01"), Honour(HonourKind.SubjectLeader, HonourLevel.Municipal, "2020-01-01", "语文"),
            Recognised("expert", "2025-12-20"));
        Assert.Equal(treated, Rung(Xiamen, "expert-teacher", Facts(record, day)).Held);
    }

    [Fact]
    public void being_a_city_subject_leader_with_eight_years_does_not_make_an_expert_head_teacher()
    {
        // seed 000 三.(二).4 reads: the 专家型班主任 who is also 市学科带头人 … 视同专家型教师, not the other way round.
        var record = Record(Started("2010-09-01"), Honour(HonourKind.SubjectLeader, HonourLevel.Municipal, "2020-01-01", "语文"));
        var facts = Facts(record, "2026-03-01");
        var check = Rung(Xiamen, "expert-teacher", facts);
        Assert.False(check.Held);
        Assert.Contains("厦门市专家型班主任", check.Reason);
        Assert.False(Rung(Xiamen, "expert", facts).Held);
        var otherSubject = Record(Started("2010-09-01"), Honour(HonourKind.SubjectLeader, HonourLevel.Municipal, "2020-01-01", "数学"),
            Recognised("expert", "2025-12-20"));
        Assert.False(Rung(Xiamen, "expert-teacher", Facts(otherSubject, "2026-03-01")).Held);
        Assert.Equal("recognition.treated-as", TierRules.MayGrant(Xiamen, "expert-teacher", facts)?.Rule);
    }

    [Fact]
    public void granting_follows_the_path_of_the_rung()
    {
        var facts = Facts(Record(Teaching("2015-09-01"), Started("2020-09-01")), "2026-03-01");
        Assert.Null(TierRules.MayGrant(Xiamen, "youth-backbone", facts));
        Assert.Equal("recognition.derived", TierRules.MayGrant(Xiamen, "new", facts)?.Rule);
        Assert.Equal("recognition.by-assessment", TierRules.MayGrant(Xiamen, "backbone", facts)?.Rule);
        Assert.Equal("recognition.not-in-rule-set", TierRules.MayGrant(Moe, "youth-backbone", facts)?.Rule);
        Assert.Null(TierRules.MayGrant(Moe, "expert", facts));
        var young = Facts(Record(Teaching("2022-09-01"), Started("2022-09-01")), "2026-03-01");
        var refused = TierRules.MayGrant(Xiamen, "youth-backbone", young);
        Assert.Equal("recognition.not-eligible", refused?.Rule);
        Assert.Contains("任教3年，不足5年", refused!.Detail);
    }

    [Fact]
    public void granting_a_held_rung_again_is_not_refused_and_revoking_needs_it_held()
    {
        var held = Facts(Record(Recognised("youth-backbone", "2025-09-01")), "2026-03-01");
        Assert.Null(TierRules.MayGrant(Xiamen, "youth-backbone", held));
        Assert.Null(TierRules.MayRevoke(held, "youth-backbone"));
        Assert.Equal("recognition.not-held", TierRules.MayRevoke(Facts(Record(), "2026-03-01"), "youth-backbone")?.Rule);
    }

    [Fact]
    public void the_tier_is_the_highest_rung_held()
    {
        var record = Record(Started("2010-09-01"), Recognised("backbone", "2020-01-10"), Recognised("leader", "2023-01-10"));
        Assert.Equal("backbone", TierRules.Standing(Xiamen, Facts(record, "2022-03-01")).Tier?.Rung);
        Assert.Equal("leader", TierRules.Standing(Xiamen, Facts(record, "2026-03-01")).Tier?.Rung);
        Assert.Null(TierRules.Standing(RuleSetPresets.National, Facts(record, "2026-03-01")).Tier);
    }

    [Theory]
    [InlineData("2025-08-31", DutyState.InProgress)]
    [InlineData("2025-09-01", DutyState.Met)]
    public void a_new_teacher_takes_a_year_as_head_teacher_within_three_years_with_a_mentor(string day, DutyState state)
    {
        var record = Record(Teaching("2023-09-01"), Started("2024-09-01"), Mentor("2024-09-01"));
        Assert.Equal(state, TierRules.EntryDuty(Xiamen, Facts(record, day)).State);
    }

    [Fact]
    public void the_entry_duty_is_missed_without_the_year_or_the_mentor_and_does_not_reach_back_before_the_rules()
    {
        var noMentor = TierRules.EntryDuty(Xiamen, Facts(Record(Teaching("2023-09-01"), Started("2024-09-01")), "2026-09-01"));
        Assert.Equal(DutyState.Missed, noMentor.State);
        Assert.Contains("尚未配备班主任导师", noMentor.Reason);
        var tooShort = Record(Teaching("2023-09-01"), Started("2025-09-02"), Mentor("2025-09-02"));
        Assert.Equal(DutyState.InProgress, TierRules.EntryDuty(Xiamen, Facts(tooShort, "2026-08-31")).State);
        Assert.Equal(DutyState.Missed, TierRules.EntryDuty(Xiamen, Facts(tooShort, "2026-09-01")).State);
        Assert.Equal(DutyState.NotApplicable, TierRules.EntryDuty(Xiamen, Facts(Record(Teaching("2015-09-01")), "2026-09-01")).State);
        Assert.Equal(DutyState.NotApplicable, TierRules.EntryDuty(Moe, Facts(tooShort, "2026-09-01")).State);
    }
}
