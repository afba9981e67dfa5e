using Workshops.Growth;
using Workshops.Programmes;
using Workshops.Roster;
using Workshops.Standards;
using Workshops.Teachers;
using Workshops.Tests.Teachers;
using Workshops.Years;
using static Workshops.Tests.Support.Given;

namespace Workshops.Tests.Standards;

/// <summary>The checklist items that judge people read their teacher records on the day judged and the studio's rule set.</summary>
public sealed class checklist_people_rules
{
    private static ChecklistFacts Facts(DateOnly asOf, RuleSet? set, TeacherRecord[] records, params object[] events)
    {
        var wrapped = new object[] { Established() }.Concat(events).Select((e, i) => Wrap(e, i + 1)).ToList();
        var at = History.Fold(wrapped, asOf)!;
        return new ChecklistFacts(at.Studio, at.Years, asOf.Year, asOf, new Dictionary<string, TeacherFile>(), HourPolicies.Presets,
            Records: records.ToDictionary(r => r.TeacherId), RuleSet: set);
    }

    private static Judgement Judge(string standard, string code, ChecklistFacts facts)
    {
        var s = StandardCatalog.Presets.Single(x => x.Code == standard);
        return ChecklistRules.Evaluate(s, s.Items.Single(i => i.Code == code), facts);
    }

    private static HostAppointed HostedRecorded(DateOnly since) => new(Teacher(TeacherGiven.Id, since: since), Founded, By, At);

    [Fact]
    public void the_host_recognition_item_reads_the_record_with_its_gap()
    {
        var day = new DateOnly(2026, 12, 31);
        var first = Guid.NewGuid();
        // Joined saying 2015 (11 years); the record: 2015-09-01..2018-08-31 and 2024-09-01.. — 5 years 4 months by the year's end.
        var record = TeacherGiven.Record(TeacherGiven.Started("2015-09-01", first), TeacherGiven.Ended(first, "2018-08-31"),
            TeacherGiven.Started("2024-09-01"));
        Assert.Equal(ItemStatus.Met, Judge("k12-workshop", "X.2", Facts(day, RuleSetPresets.Xiamen, [record], HostedRecorded(new DateOnly(2015, 9, 1)))).Status);
        var shorter = TeacherGiven.Record(TeacherGiven.Started("2015-09-01", first), TeacherGiven.Ended(first, "2017-08-31"),
            TeacherGiven.Started("2024-09-01"));
        var judged = Judge("k12-workshop", "X.2", Facts(day, RuleSetPresets.Xiamen, [shorter], HostedRecorded(new DateOnly(2015, 9, 1))));
        Assert.Equal(ItemStatus.NotMet, judged.Status);
        Assert.Contains("班主任工作4年", judged.Reason);
    }

    [Fact]
    public void a_host_who_stopped_serving_in_the_record_does_not_meet_2_2_3()
    {
        var day = new DateOnly(2026, 12, 31);
        var period = Guid.NewGuid();
        var serving = TeacherGiven.Record(TeacherGiven.Started("2015-09-01", period),
            TeacherGiven.Honour(HonourKind.ExcellentHeadTeacher, HonourLevel.Municipal, "2023-09-10"));
        Assert.Equal(ItemStatus.Met, Judge("moe-2022", "2.2.3", Facts(day, RuleSetPresets.Moe, [serving], HostedRecorded(new DateOnly(2015, 9, 1)))).Status);
        var stopped = TeacherGiven.Record(TeacherGiven.Started("2015-09-01", period), TeacherGiven.Ended(period, "2026-06-30"),
            TeacherGiven.Honour(HonourKind.ExcellentHeadTeacher, HonourLevel.Municipal, "2023-09-10"));
        Assert.Equal(ItemStatus.PartlyMet, Judge("moe-2022", "2.2.3", Facts(day, RuleSetPresets.Moe, [stopped], HostedRecorded(new DateOnly(2015, 9, 1)))).Status);
        Assert.Equal(ItemStatus.NotMet, Judge("moe-2022", "3.5.1", Facts(day, RuleSetPresets.Moe, [stopped],
            new MemberJoined(Teacher(TeacherGiven.Id), Founded, By, At))).Status);
    }

    [Fact]
    public void the_vocational_host_needs_an_honour_not_five_years_of_service()
    {
        // seed 001 附件1 二.(二).3 asks the leading host for 实绩 (名班主任, 优秀教师, competition prizes) and names no years.
        var day = new DateOnly(2026, 12, 31);
        var twoYears = TeacherGiven.Record(TeacherGiven.Started("2024-09-01"),
            TeacherGiven.Honour(HonourKind.ExcellentHeadTeacher, HonourLevel.Municipal, "2025-09-10"));
        var judged = Judge("moe-2022", "2.2.3", Facts(day, RuleSetPresets.Moe, [twoYears], HostedRecorded(new DateOnly(2024, 9, 1))));
        Assert.Equal(ItemStatus.Met, judged.Status);
        Assert.Contains("班主任工作2年", judged.Reason);
        var noHonour = TeacherGiven.Record(TeacherGiven.Started("2010-09-01"));
        Assert.Equal(ItemStatus.PartlyMet, Judge("moe-2022", "2.2.3", Facts(day, RuleSetPresets.Moe, [noHonour], HostedRecorded(new DateOnly(2010, 9, 1)))).Status);
    }

    [Fact]
    public void the_size_item_takes_the_rule_sets_numbers()
    {
        var day = new DateOnly(2026, 12, 31);
        object[] five = [Hosted("H"), Joined("M1"), Joined("M2"), Joined("M3"), Joined("M4"), Joined("M5")];
        var vocational = Judge("moe-2022", "2.1.2", Facts(day, RuleSetPresets.Moe, [], five));
        Assert.Equal(ItemStatus.PartlyMet, vocational.Status);
        Assert.Contains("建议不超过4人", vocational.Reason);
        var national = Judge("moe-2022", "2.1.2", Facts(day, RuleSetPresets.National, [], five));
        Assert.Equal(ItemStatus.Met, national.Status);
        Assert.Contains("规模适宜，不设人数", national.Reason);
    }

    [Fact]
    public void home_school_is_read_from_the_records()
    {
        var day = new DateOnly(2026, 12, 31);
        var elsewhere = TeacherGiven.RecordOf(TeacherGiven.Registered(school: "厦门市第二中学"));
        var judged = Judge("moe-2022", "2.1.1", Facts(day, RuleSetPresets.Moe, [elsewhere], HostedRecorded(new DateOnly(2015, 9, 1)), Joined("M1")));
        Assert.Contains("本校班主任及培育对象1/2人", judged.Reason);
    }

    private static readonly DateOnly YearEnd = new(2026, 12, 31);

    private static ExpertInvited Invited(string id) => new(new Expert(id, $"专家{id}", ExpertKind.OutsideExpert, "福建师范大学"), Founded, By, At);

    [Fact]
    public void the_core_of_2_1_1_is_the_schools_head_teachers_and_trainees_with_experts_as_a_supplement()
    {
        // A coordinator leads (seed 001 allows a 负责人), three own-school head teachers, a trainee and an outside expert: 5 of 6.
        object[] roster = [new CoordinatorNamed(Teacher("C"), Founded, By, At), Joined("M1"), Joined("M2"), Enrolled("S1"), Invited("E1")];
        var judged = Judge("moe-2022", "2.1.1", Facts(YearEnd, RuleSetPresets.Moe, [], roster));
        Assert.Equal(ItemStatus.Met, judged.Status);
        Assert.Contains("本校班主任及培育对象4/5人", judged.Reason);
        Assert.Contains("专家1人", judged.Reason);
        // No trainee (培育对象) and no supplement: partly.
        Assert.Equal(ItemStatus.PartlyMet, Judge("moe-2022", "2.1.1", Facts(YearEnd, RuleSetPresets.Moe, [], Hosted("H"), Joined("M1"), Joined("M2"))).Status);
    }

    [Fact]
    public void a_member_who_is_no_head_teacher_supplements_the_core_of_2_1_1_rather_than_making_it()
    {
        // Two own-school members who do not serve as head teachers (e.g. 心理健康教师) beside a host and a trainee: 2 of 4 is no majority.
        object[] roster = [Hosted("H"), new MemberJoined(Teacher("M1", serving: false), Founded, By, At),
            new MemberJoined(Teacher("M2", serving: false), Founded, By, At), Enrolled("S1")];
        var judged = Judge("moe-2022", "2.1.1", Facts(YearEnd, RuleSetPresets.Moe, [], roster));
        Assert.Equal(ItemStatus.PartlyMet, judged.Status);
        Assert.Contains("本校班主任及培育对象2/4人", judged.Reason);
        Assert.Contains("补充人员2人", judged.Reason);
    }

    private static TeacherRecord Granted(string id, string rung) =>
        TeacherGiven.Record(TeacherGiven.Recognised(rung, "2026-06-01", "moe-vocational-2022")) with { TeacherId = id };

    private static readonly object[] FiveOnTheRoster = [Hosted("H"), Joined("M1"), Joined("M2"), Joined("M3"), Enrolled("S1")];

    [Fact]
    public void four_2_2_needs_a_batch_of_qualified_a_batch_of_excellent_and_some_experts()
    {
        // An expert, two excellent, one qualified: qualified-or-above 4, excellent-or-above 3, experts 1.
        TeacherRecord[] records = [Granted("H", "expert"), Granted("M1", "excellent"), Granted("M2", "excellent"), Granted("M3", "qualified")];
        var judged = Judge("moe-2022", "4.2.2", Facts(YearEnd, RuleSetPresets.Moe, records, FiveOnTheRoster));
        Assert.Equal(ItemStatus.Met, judged.Status);
        Assert.Contains("合格班主任4人（应不少于3人）", judged.Reason);
        Assert.Contains("优秀班主任3人（应不少于3人）", judged.Reason);
        Assert.Contains("专家班主任1人（应不少于1人）：教师H", judged.Reason);
    }

    [Fact]
    public void one_excellent_teacher_is_not_a_batch()
    {
        var one = Judge("moe-2022", "4.2.2", Facts(YearEnd, RuleSetPresets.Moe, [Granted("M1", "excellent")], FiveOnTheRoster));
        Assert.Equal(ItemStatus.NotMet, one.Status);
        Assert.Contains("优秀班主任1人（应不少于3人）", one.Reason);
        // Without an expert the batches alone are partly met.
        TeacherRecord[] noExpert = [Granted("H", "excellent"), Granted("M1", "excellent"), Granted("M2", "excellent")];
        Assert.Equal(ItemStatus.PartlyMet, Judge("moe-2022", "4.2.2", Facts(YearEnd, RuleSetPresets.Moe, noExpert, FiveOnTheRoster)).Status);
    }

    [Fact]
    public void serving_as_a_head_teacher_is_not_being_cultivated()
    {
        var judged = Judge("moe-2022", "4.2.2", Facts(YearEnd, RuleSetPresets.Moe, [], FiveOnTheRoster));
        Assert.Equal(ItemStatus.NotMet, judged.Status);
        Assert.Contains("合格班主任0人", judged.Reason);
    }

    [Fact]
    public void the_thresholds_of_4_2_2_are_the_standards_data()
    {
        var item = StandardCatalog.Moe.Items.Single(i => i.Code == "4.2.2");
        Assert.Equal((3m, 3m, 1m), (item.Parameter("minQualified", 0), item.Parameter("minExcellent", 0), item.Parameter("minExperts", 0)));
        var lowered = StandardCatalog.Moe with { Items = [item with { Parameters = new Dictionary<string, decimal> { ["minQualified"] = 1, ["minExcellent"] = 1, ["minExperts"] = 0 } }] };
        var facts = Facts(YearEnd, RuleSetPresets.Moe, [Granted("M1", "excellent")], FiveOnTheRoster);
        Assert.Equal(ItemStatus.Met, ChecklistRules.Evaluate(lowered, lowered.Items[0], facts).Status);
    }
}
