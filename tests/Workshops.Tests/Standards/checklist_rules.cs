using Workshops.Activities;
using Workshops.Growth;
using Workshops.Outputs;
using Workshops.Plans;
using Workshops.Roster;
using Workshops.Reviews;
using Workshops.Standards;
using Workshops.Studios;
using Workshops.Tests.Support;
using Workshops.Years;
using static Workshops.Tests.Support.Given;

namespace Workshops.Tests.Standards;

/// <summary>Each rule's met / partly / not-met boundaries, given events.</summary>
public sealed class checklist_rules
{
    private static ChecklistFacts Facts(DateOnly asOf, params object[] events)
    {
        var wrapped = new object[] { Established() }.Concat(events).Select((e, i) => Wrap(e, i + 1)).ToList();
        var at = History.Fold(wrapped, asOf)!;
        return new ChecklistFacts(at.Studio, at.Years, asOf.Year, asOf, new Dictionary<string, TeacherFile>(), HourPolicies.Presets);
    }

    private static ItemStatus Status(string standard, string code, ChecklistFacts facts)
    {
        var s = StandardCatalog.Presets.Single(x => x.Code == standard);
        return ChecklistRules.Evaluate(s, s.Items.Single(i => i.Code == code), facts).Status;
    }

    private static LeadershipHearingHeld Hearing(string date) => new(Guid.NewGuid(), DateOnly.Parse(date), Semesters.Of(DateOnly.Parse(date)), null, By, At);

    private static readonly AttestationRecorded PartyPlan = new(Guid.NewGuid(), "moe-2022", "1.1.1", 2026, true, "已纳入学校党建工作规划", By, At);

    [Fact]
    public void a_hearing_is_needed_in_every_semester_that_has_begun()
    {
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", "1.1.1", Facts(new(2026, 5, 1))));
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "1.1.1", Facts(new(2026, 5, 1), PartyPlan, Hearing("2026-03-10"))));
        Assert.Equal(ItemStatus.PartlyMet, Status("moe-2022", "1.1.1", Facts(new(2026, 9, 1), PartyPlan, Hearing("2026-03-10"))));
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "1.1.1", Facts(new(2026, 9, 1), PartyPlan, Hearing("2026-03-10"), Hearing("2026-08-20"))));
        Assert.Equal(ItemStatus.PartlyMet, Status("moe-2022", "1.1.1", Facts(new(2026, 12, 31), PartyPlan, Hearing("2026-10-10"))));
    }

    [Fact]
    public void composition_counts_one_host_and_two_to_four_members()
    {
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", "2.1.2", Facts(new(2026, 5, 1), Joined("M1"), Joined("M2"))));
        Assert.Equal(ItemStatus.PartlyMet, Status("moe-2022", "2.1.2", Facts(new(2026, 5, 1), Hosted("H"), Joined("M1"))));
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "2.1.2", Facts(new(2026, 5, 1), Hosted("H"), Joined("M1"), Joined("M2"))));
        Assert.Equal(ItemStatus.PartlyMet, Status("k12-workshop", "X.1", Facts(new(2026, 5, 1), Hosted("H"), Joined("M1"), Joined("M2"))));
        Assert.Equal(ItemStatus.Met, Status("k12-workshop", "X.1", Facts(new(2026, 5, 1), Hosted("H"), Joined("M1"), Joined("M2"), Enrolled("S1"))));
        var structure = ChecklistRules.Evaluate(StandardCatalog.Moe, StandardCatalog.Moe.Items.Single(i => i.Code == "2.1.2"),
            Facts(new(2026, 5, 1), Hosted("H"), Joined("M1"), Joined("M2"))).Reason;
        Assert.Contains("女3人", structure);
        Assert.Contains("一级教师3人", structure);
    }

    [Fact]
    public void carriers_need_every_task_served_and_all_five_domains()
    {
        var task = Guid.NewGuid();
        var plan = new object[] { Hosted("H"), Joined("M1"), Planned(2026, task), Approved(2026, task) };
        var day = new DateOnly(2026, 5, 1);
        ActivityLogged Log(Domain[] domains, params Guid[] tasks) =>
            new(Guid.NewGuid(), Given.Facts(new DateOnly(2026, 4, 1), 2, ("M1", 2)) with { Domains = domains, TaskIds = tasks }, By, At);
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", "3.2.1", Facts(day, plan)));
        Assert.Equal(ItemStatus.PartlyMet, Status("moe-2022", "3.2.1", Facts(day, [.. plan, Log([Domain.Learning], task)])));
        Assert.Equal(ItemStatus.PartlyMet, Status("moe-2022", "3.2.1", Facts(day, [.. plan, Log(Enum.GetValues<Domain>())])));
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "3.2.1", Facts(day, [.. plan, Log(Enum.GetValues<Domain>(), task)])));
    }

    [Fact]
    public void organised_work_needs_plan_ledger_closure_summary_and_reflection()
    {
        var task = Guid.NewGuid();
        var march = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var all = new object[]
        {
            Hosted("H"), Planned(2026, task), new AnnualPlanApproved(2026, 1, [task], null, By, march),
            new TaskClosed(2026, task, "完成", [], [], By, new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8))), new YearSummaryWritten(2026, "总结", 1, By, march),
            new ReflectionRecorded(Guid.NewGuid(), new DateOnly(2026, 2, 1), "反思", null, By, march),
        };
        var day = new DateOnly(2026, 12, 31);
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "3.3.1", Facts(day, all)));
        Assert.Equal(ItemStatus.PartlyMet, Status("moe-2022", "3.3.1", Facts(day, all[..4])));
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", "3.3.1", Facts(day, Hosted("H"))));
        var late = all.Select(e => e is AnnualPlanApproved a ? a with { At = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8)) } : e).ToArray();
        Assert.Equal(ItemStatus.PartlyMet, Status("moe-2022", "3.3.1", Facts(day, late)));
    }

    [Fact]
    public void the_case_library_covers_five_categories_and_a_platform_counts_once_reviewed()
    {
        var day = new DateOnly(2026, 5, 1);
        object[] Case(CaseCategory category)
        {
            var id = Guid.NewGuid();
            return [new OutputDrafted(id, new OutputFacts(OutputKind.LibraryCase, category, "案例", ["H"], day, null, "正文", []), By, At),
                new OutputSubmitted(id, 2026, By, At), new OutputApproved(id, 2026, null, By, At)];
        }
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", "4.4.2", Facts(day, Hosted("H"))));
        Assert.Equal(ItemStatus.PartlyMet, Status("moe-2022", "4.4.2", Facts(day, [Hosted("H"), .. Case(CaseCategory.ClassCulture)])));
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", "4.4.2", Facts(day, Hosted("H"), Case(CaseCategory.ClassCulture)[0])));
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "4.4.2",
            Facts(day, [Hosted("H"), .. Enum.GetValues<CaseCategory>().SelectMany(Case)])));
        var platform = new OutputDrafted(Guid.NewGuid(), new OutputFacts(OutputKind.PublicityPlatform, null, "公众号", ["H"], day, null, null, []), By, At);
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", "3.4.2", Facts(day, Hosted("H"))));
        // A draft, a submitted and a returned platform never count.
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", "3.4.2", Facts(day, Hosted("H"), platform)));
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", "3.4.2", Facts(day, Hosted("H"), platform,
            new OutputSubmitted(platform.OutputId, 2026, By, At), new OutputReturned(platform.OutputId, 2026, "补充", By, At))));
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "3.4.2", Facts(day, Hosted("H"), platform,
            new OutputSubmitted(platform.OutputId, 2026, By, At), new OutputApproved(platform.OutputId, 2026, null, By, At))));
    }

    [Fact]
    public void growth_files_need_a_profile_and_entries_for_every_member_and_trainee()
    {
        var day = new DateOnly(2026, 5, 1);
        var profile = new GrowthProfile("知识", "实践", "个性", "理念", "诉求");
        var m1 = new object[] { new GrowthProfileRecorded("M1", profile, 1, By, At), new GrowthReflectionAdded(Guid.NewGuid(), "M1", day, "反思", By, At) };
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", "3.3.2", Facts(day, Joined("M1"), Enrolled("S1"))));
        Assert.Equal(ItemStatus.PartlyMet, Status("moe-2022", "3.3.2", Facts(day, [Joined("M1"), Enrolled("S1"), .. m1])));
        Assert.Equal(ItemStatus.PartlyMet, Status("moe-2022", "3.3.2", Facts(day, [Joined("M1"), m1[0]])));
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "3.3.2", Facts(day, [Joined("M1"), .. m1])));
    }

    [Fact]
    public void recognition_eligibility_of_host_and_members()
    {
        var day = new DateOnly(2026, 9, 1);
        var senior = new HostAppointed(Teacher("H", since: new DateOnly(2021, 9, 1)), Founded, By, At);
        var junior = new HostAppointed(Teacher("H", since: new DateOnly(2021, 9, 2)), Founded, By, At);
        Assert.Equal(ItemStatus.Met, Status("k12-workshop", "X.2", Facts(day, senior)));
        Assert.Equal(ItemStatus.NotMet, Status("k12-workshop", "X.2", Facts(day, junior)));
        var two = new MemberJoined(Teacher("M1", since: new DateOnly(2024, 9, 1)), Founded, By, At);
        var one = new MemberJoined(Teacher("M2", since: new DateOnly(2025, 9, 1)), Founded, By, At);
        Assert.Equal(ItemStatus.Met, Status("k12-workshop", "X.3", Facts(day, two)));
        Assert.Equal(ItemStatus.PartlyMet, Status("k12-workshop", "X.3", Facts(day, two, one)));
        Assert.Equal(ItemStatus.NotMet, Status("k12-workshop", "X.3", Facts(day, one)));
    }

    [Fact]
    public void items_a_person_judges_await_an_attestation_of_that_year()
    {
        var day = new DateOnly(2026, 5, 1);
        Assert.Equal(ItemStatus.AwaitingAttestation, Status("moe-2022", "2.2.1", Facts(day)));
        var met = new AttestationRecorded(Guid.NewGuid(), "moe-2022", "2.2.1", 2026, true, "师德考核优秀", By, At);
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "2.2.1", Facts(day, met)));
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", "2.2.1", Facts(day, met, met with { Met = false })));
        Assert.Equal(ItemStatus.AwaitingAttestation, Status("moe-2022", "2.2.1", Facts(day, met with { Year = 2025 })));
    }

    [Fact]
    public void hours_of_every_member_and_trainee_follow_the_policies()
    {
        var day = new DateOnly(2026, 5, 1);
        var facts = Facts(day, Hosted("H"), Joined("M1"), Enrolled("S1"));
        Credit Hours(decimal h) => new(Guid.NewGuid().ToString(), StudioId, CreditCategory.HeadTeacherTraining, TrainingLevel.District, h,
            new DateOnly(2026, 3, 1), "培训", At);
        TeacherFile File(string id, decimal h) => new() { Id = id, Credits = [Hours(h), Hours(0.5m) with { Level = TrainingLevel.School }] };
        var thirty = HourPolicies.Presets.Where(p => p.Code is "head-teacher-30").ToList();
        Assert.Equal(ItemStatus.NotMet, Status("k12-workshop", "X.4", facts with { Policies = thirty }));
        Assert.Equal(ItemStatus.PartlyMet, Status("k12-workshop", "X.4", facts with
        {
            Policies = thirty, Teachers = new Dictionary<string, TeacherFile> { ["M1"] = File("M1", 30) },
        }));
        Assert.Equal(ItemStatus.Met, Status("k12-workshop", "X.4", facts with
        {
            Policies = thirty, Teachers = new Dictionary<string, TeacherFile> { ["M1"] = File("M1", 30), ["S1"] = File("S1", 29.5m) },
        }));
    }

    private static ChecklistFacts FactsOf(StudioEstablished established, DateOnly asOf, params object[] events)
    {
        var wrapped = new object[] { established }.Concat(events).Select((e, i) => Wrap(e, i + 1)).ToList();
        var at = History.Fold(wrapped, asOf)!;
        return new ChecklistFacts(at.Studio, at.Years, asOf.Year, asOf, new Dictionary<string, TeacherFile>(), HourPolicies.Presets);
    }

    private static object[] ApprovedOutput(OutputKind kind, string title, DateOnly day)
    {
        var id = Guid.NewGuid();
        return [new OutputDrafted(id, new OutputFacts(kind, null, title, ["H"], day, null, "正文", []), By, At),
            new OutputSubmitted(id, day.Year, By, At), new OutputApproved(id, day.Year, null, By, At)];
    }

    [Theory]
    [InlineData("4.3.1", OutputKind.BuildModel)]
    [InlineData("4.3.2", OutputKind.ResearchResult)]
    public void a_batch_of_research_results_is_more_than_one_approved_item(string code, OutputKind kind)
    {
        var day = new DateOnly(2026, 5, 1);
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", code, Facts(day, Hosted("H"))));
        Assert.Equal(ItemStatus.PartlyMet, Status("moe-2022", code, Facts(day, [Hosted("H"), .. ApprovedOutput(kind, "成果一", day)])));
        Assert.Equal(ItemStatus.PartlyMet, Status("moe-2022", code, Facts(day,
            [Hosted("H"), .. ApprovedOutput(kind, "成果一", day), .. ApprovedOutput(kind, "成果二", day)])));
        Assert.Equal(ItemStatus.Met, Status("moe-2022", code, Facts(day,
            [Hosted("H"), .. ApprovedOutput(kind, "成果一", day), .. ApprovedOutput(kind, "成果二", day), .. ApprovedOutput(kind, "成果三", day)])));
        // Three drafts are no batch: only approved outputs count.
        var drafts = Enumerable.Range(1, 3).Select(i => (object)ApprovedOutput(kind, $"草稿{i}", day)[0]).ToArray();
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", code, Facts(day, [Hosted("H"), .. drafts])));
    }

    [Fact]
    public void another_build_mode_fits_when_a_host_or_coordinator_leads_it()
    {
        var day = new DateOnly(2026, 5, 1);
        var other = Established() with { Mode = BuildMode.Other };
        Assert.Equal(ItemStatus.NotMet, Status("moe-2022", "3.1.2", FactsOf(other, day)));
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "3.1.2", FactsOf(other, day, Hosted("H"))));
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "3.1.2", FactsOf(other, day, new CoordinatorNamed(Teacher("C"), Founded, By, At))));
    }

    [Fact]
    public void every_task_is_closed_carried_over_or_cancelled_by_the_year_end()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        var march = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));
        var plan = new AnnualPlanDrafted(2026, "目标", [Spec(a, "班会课研讨"), Spec(b, "家访"), Spec(c, "课题")], 1, By, march);
        var common = new object[]
        {
            Hosted("H"), plan, new AnnualPlanApproved(2026, 1, [a, b, c], null, By, march), new YearSummaryWritten(2026, "总结", 1, By, march),
            new ReflectionRecorded(Guid.NewGuid(), new DateOnly(2026, 2, 1), "反思", null, By, march),
            new TaskClosed(2026, a, "完成", [], [], By, march),
        };
        var end = new DateOnly(2026, 12, 31);
        var oneOpen = ChecklistRules.Evaluate(StandardCatalog.Moe, StandardCatalog.Moe.Items.Single(i => i.Code == "3.3.1"),
            Facts(end, [.. common, new TaskCancelled(2026, b, "学校安排调整", By, march)]));
        Assert.Equal(ItemStatus.PartlyMet, oneOpen.Status);
        Assert.Contains("课题", oneOpen.Reason);
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "3.3.1", Facts(end,
            [.. common, new TaskCancelled(2026, b, "学校安排调整", By, march), new TaskCarriedOver(2026, c, 2027, "跨年课题", Spec(c, "课题"), By, march)])));
    }

    [Fact]
    public void priority_and_incentives_for_members_are_attested_by_the_school()
    {
        var day = new DateOnly(2026, 5, 1);
        Assert.Equal(ItemStatus.AwaitingAttestation, Status("moe-2022", "5.1.2", Facts(day, Hosted("H"), Joined("M1"))));
        var attested = new AttestationRecorded(Guid.NewGuid(), "moe-2022", "5.1.2", 2026, true, "成员优先参训，年度评优倾斜", By, At);
        Assert.Equal(ItemStatus.Met, Status("moe-2022", "5.1.2", Facts(day, Hosted("H"), Joined("M1"), attested)));
    }
}
