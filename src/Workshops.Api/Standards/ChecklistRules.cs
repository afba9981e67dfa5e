using Workshops.Activities;
using Workshops.Core;
using Workshops.Growth;
using Workshops.Outputs;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Training;
using Workshops.Years;
using TaskStatus = Workshops.Plans.TaskStatus;

namespace Workshops.Standards;

/// <summary>
/// Everything a checklist is judged on: the studio and its years as of a day, its people's growth files and hour
/// policies. <see cref="Hours"/>: the clocks of the studio's programme and its people's records and credit-bank
/// credits (<see cref="RosterHours"/>); without it, X.4 runs <see cref="Policies"/> on clocks over the roster's facts.
/// <paramref name="Records"/>: the roster's teacher records by teacher id (those without one are judged on what the
/// roster entry said when they joined); <paramref name="RuleSet"/>: the studio's rule set on the day (null: the items' own parameters).
/// </summary>
public sealed record ChecklistFacts(
    Studio Studio,
    IReadOnlyDictionary<int, StudioYear> Years,
    int Year,
    DateOnly AsOf,
    IReadOnlyDictionary<string, TeacherFile> Teachers,
    IReadOnlyList<HourPolicy> Policies,
    RosterHours? Hours = null,
    IReadOnlyDictionary<string, Teachers.TeacherRecord>? Records = null,
    Programmes.RuleSet? RuleSet = null)
{
    /// <summary>A roster person's facts on the day judged (the year's end for a past year): their record, else their join facts.</summary>
    public Teachers.TeacherFacts Facts(RosterEntry entry) =>
        Recognition.FactsOf(entry, Records?.GetValueOrDefault(entry.Teacher.Id), Studio, AsOf);

    public StudioYear ThisYear => Years.GetValueOrDefault(Year) ?? StudioYear.Empty(Studio.Id, Year);

    /// <summary>Outputs of this year and every earlier one: a platform or a case library, once built, stays built.</summary>
    /// <remarks>Only approved (or further recommended) outputs count (<see cref="OutputRules.Counts"/>).</remarks>
    public IReadOnlyList<OutputRow> OutputsToDate =>
        [.. Years.Where(y => y.Key <= Year).SelectMany(y => y.Value.Outputs).Where(o => OutputRules.Counts(o.State))];

    public IReadOnlyList<RosterEntry> MembersAndTrainees => [.. Studio.Members, .. Studio.Trainees];

    public string StudioLink => $"/api/studios/{Studio.Id}";
    public string YearLink => $"{StudioLink}/years/{Year}";
    public string LedgerLink => $"{StudioLink}/ledger/{Year}";
    public string ActivityLink(Guid id) => $"{StudioLink}/activities/{id}";
    public string OutputLink(Guid id) => $"{StudioLink}/outputs/{id}";
    public static string TeacherLink(string id) => $"/api/teachers/{Uri.EscapeDataString(id)}/growth-file";
}

/// <summary>An event behind a judgement; the sequence is filled in from the event store when the checklist is served.</summary>
public sealed record Evidence(Guid EventId, string Type, DateTimeOffset Timestamp, string Link, long? Sequence = null)
{
    public static Evidence Of(EventRef r, string link) => new(r.EventId, r.Type, r.At, link);
}

public sealed record Judgement(ItemStatus Status, string Reason, IReadOnlyList<Evidence> Evidence);

/// <summary>
/// The evaluation rules, by code. Each is a pure function of the item (for its parameters) and the facts, answering
/// met, partly met or not met with a one-line reason in Chinese and the events behind it.
/// </summary>
public static class ChecklistRules
{
    public const string Attestation = "attestation";

    private static Judgement Met(string reason, IEnumerable<Evidence>? e = null) => new(ItemStatus.Met, reason, [.. e ?? []]);
    private static Judgement Partly(string reason, IEnumerable<Evidence>? e = null) => new(ItemStatus.PartlyMet, reason, [.. e ?? []]);
    private static Judgement NotMet(string reason, IEnumerable<Evidence>? e = null) => new(ItemStatus.NotMet, reason, [.. e ?? []]);

    /// <summary>All met → met; some → partly met; none → not met.</summary>
    private static Judgement Grade(int done, int of, string reason, IEnumerable<Evidence> evidence) =>
        of > 0 && done >= of ? Met(reason, evidence) : done > 0 ? Partly(reason, evidence) : NotMet(reason, evidence);

    private static IEnumerable<Evidence> Roster(ChecklistFacts f, IEnumerable<RosterEntry> people) =>
        people.Where(p => p.Ref is not null).Select(p => Evidence.Of(p.Ref!, f.StudioLink));

    public static readonly IReadOnlyDictionary<string, Func<StandardItem, ChecklistFacts, Judgement>> Rules =
        new Dictionary<string, Func<StandardItem, ChecklistFacts, Judgement>>
        {
            ["hearing-each-semester"] = HearingEachSemester,
            ["plan-approved"] = PlanApproved,
            ["composition-core"] = CompositionCore,
            ["composition-size"] = CompositionSize,
            ["host-requirements"] = HostRequirements,
            ["mode-chosen"] = ModeChosen,
            ["mode-fits-lead"] = ModeFitsLead,
            ["carriers"] = Carriers,
            ["varied-broad"] = VariedBroad,
            ["brand"] = (_, f) => OutputOfKind(f, OutputKind.Brand, "示范性工作品牌"),
            ["organised"] = Organised,
            ["growth-files"] = GrowthFiles,
            ["results"] = Results,
            ["shared-resources"] = SharedResources,
            ["publicity-platform"] = (_, f) => OutputOfKind(f, OutputKind.PublicityPlatform, "微信公众号、短视频号等宣传平台"),
            ["members-serving"] = MembersServing,
            ["abilities-rise"] = AbilitiesRise,
            ["cultivated"] = Cultivated,
            ["showcases"] = Showcases,
            ["research-model"] = (item, f) => OutputsOfKind(item, f, OutputKind.BuildModel, "建设模式、运行机制方面的研究成果"),
            ["research-class"] = (item, f) => OutputsOfKind(item, f, OutputKind.ResearchResult, "班级建设管理方面的研究成果"),
            ["handbook-cases-library"] = HandbookCasesLibrary,
            ["case-categories"] = CaseCategories,
            ["members-first"] = MembersFirst,
            ["k12-composition"] = K12Composition,
            ["k12-host-recognition"] = K12HostRecognition,
            ["k12-member-recognition"] = K12MemberRecognition,
            ["k12-hours"] = K12Hours,
        };

    /// <summary>Whether a person attests the item (wholly, or a part of it the records cannot show).</summary>
    public static bool Attestable(StandardItem item) => item.Rule == Attestation || item.AttestedPart is not null;

    public static bool Known(string rule) => rule == Attestation || Rules.ContainsKey(rule);

    /// <summary>The latest attestation of an item in the year judged (the last one recorded stands).</summary>
    public static Workshops.Years.Attestation? LatestAttestation(ChecklistFacts facts, string standard, string code) =>
        facts.ThisYear.Attestations.LastOrDefault(a => a.Code == code && a.Standard == standard);

    public static Judgement Evaluate(Standard standard, StandardItem item, ChecklistFacts facts) =>
        Evaluate(item, facts, LatestAttestation(facts, standard.Code, item.Code));

    /// <summary>The item's verdict given its latest attestation (looked up once by the caller, who shows it too).</summary>
    public static Judgement Evaluate(StandardItem item, ChecklistFacts facts, Workshops.Years.Attestation? attestation)
    {
        if (item.Rule != Attestation)
        {
            var found = Rules[item.Rule](item, facts);
            return item.AttestedPart is { } part ? WithAttestedPart(found, part, attestation, facts) : found;
        }
        if (attestation is null)
            return new(ItemStatus.AwaitingAttestation, $"此项需学校或评审人员认定，{facts.Year}年尚未认定。", []);
        var by = attestation.Ref.By.Name;
        return new(attestation.Met ? ItemStatus.Met : ItemStatus.NotMet,
            $"{by}认定{(attestation.Met ? "达标" : "未达标")}：{attestation.Note}", [Evidence.Of(attestation.Ref, facts.YearLink)]);
    }

    /// <summary>
    /// A rule-evaluated item with a part a person attests: met when the records and the attestation both are; not met
    /// when neither is; otherwise partly met.
    /// </summary>
    public static Judgement WithAttestedPart(Judgement found, string part, Workshops.Years.Attestation? attestation, ChecklistFacts f)
    {
        if (attestation is null)
            return new(found.Status == ItemStatus.Met ? ItemStatus.PartlyMet : found.Status,
                $"{found.Reason}“{part}”需学校或评审人员认定，{f.Year}年尚未认定。", found.Evidence);
        var status = (found.Status, attestation.Met) switch
        {
            (ItemStatus.Met, true) => ItemStatus.Met,
            (ItemStatus.NotMet, false) => ItemStatus.NotMet,
            _ => ItemStatus.PartlyMet,
        };
        return new(status, $"{found.Reason}“{part}”：{attestation.Ref.By.Name}认定{(attestation.Met ? "达标" : "未达标")}：{attestation.Note}",
            [.. found.Evidence, Evidence.Of(attestation.Ref, f.YearLink)]);
    }

    /// <summary>
    /// 1.1.1: a hearing in every school term of the year that has begun (spring from 1 February, autumn from
    /// 1 September); the autumn term runs into January and a hearing then counts for it (<see cref="Semesters"/>).
    /// </summary>
    private static Judgement HearingEachSemester(StandardItem item, ChecklistFacts f)
    {
        var begun = new[] { Semester.Spring, Semester.Autumn }.Where(s => f.AsOf >= Semesters.Begins(f.Year, s)).ToList();
        if (begun.Count == 0) return NotMet($"{f.Year}年春季学期尚未开始（2月1日起），尚无应听取的汇报。");
        var hearings = f.ThisYear.Hearings;
        var heard = begun.Where(s => hearings.Any(h => h.Semester == s)).ToList();
        var missing = begun.Except(heard).Select(s => s.Label()).ToList();
        return Grade(heard.Count, begun.Count,
            missing.Count == 0 ? $"{f.Year}年已开始的{begun.Count}个学期均听取了班主任工作汇报。" : $"{string.Join("、", missing)}尚未听取班主任工作汇报。",
            hearings.Select(h => Evidence.Of(h.Ref, f.YearLink)));
    }

    private static Judgement PlanApproved(StandardItem item, ChecklistFacts f)
    {
        var plan = f.ThisYear.Plan;
        if (plan is null) return NotMet($"{f.Year}年尚无建设方案（年度计划）。");
        var evidence = plan.Revisions.TakeLast(1).Select(r => Evidence.Of(r.Ref, f.LedgerLink)).ToList();
        if (plan.Approval is null) return Partly($"{f.Year}年计划已制订（第{plan.Revision}稿），尚待学校党组织审定。", evidence);
        return Met($"{f.Year}年计划第{plan.Approval.Revision}稿已经学校审定，含{plan.Tasks.Count}项任务。",
            [.. evidence, Evidence.Of(plan.Approval.Ref, f.LedgerLink)]);
    }

    /// <summary>
    /// 2.1.1, seed 001 附件1 二.(一).1: the studio's main body (主体) is 本校 head teachers and the teachers it cultivates as
    /// head teachers (培育对象, its trainees), each person's school and service read from their record on the day; experts
    /// and the other people the seed names (心理健康教师、教研人员、行政干部、校外专家 …: a member not serving as a head
    /// teacher, anyone from another school) supplement them (为补充). Parts: someone leads (主持人 or 负责人), there are
    /// 培育对象, there is a supplement, and the 本校 core is more than half of everyone on the roster, experts included.
    /// </summary>
    private static Judgement CompositionCore(StandardItem item, ChecklistFacts f)
    {
        var s = f.Studio;
        var roster = s.CurrentRoster().ToList();
        var core = roster.Where(p => f.Facts(p).School.Trim() == s.School.Trim() && (p.Role == RosterRole.Trainee || f.Facts(p).ServingAsHeadTeacher)).ToList();
        var everyone = roster.Count + s.Experts.Count;
        var supplement = everyone - core.Count;
        var lead = s.Host ?? s.Coordinator;
        var parts = new[] { lead is not null, s.Trainees.Count >= 1, supplement >= 1, everyone > 0 && core.Count * 2 > everyone };
        var reason = $"{(lead is null ? "尚无主持人或负责人" : $"{lead.Role.Label()}{lead.Teacher.Name}")}；" +
                     $"本校班主任及培育对象{core.Count}/{everyone}人（研修人员{s.Trainees.Count}人）；补充人员{supplement}人（专家{s.Experts.Count}人）。";
        return Grade(parts.Count(p => p), parts.Length, reason, Roster(f, roster));
    }

    private static Judgement CompositionSize(StandardItem item, ChecklistFacts f)
    {
        var s = f.Studio;
        // The size is the rule set's when there is one (seed 001 规模适宜: no number, an advisory size), else the item's.
        var limits = f.RuleSet?.Roster;
        var min = limits is null ? (int?)item.Parameter("minMembers", RosterRules.MinMembers) : limits.MinMembers;
        var max = limits is null ? (int?)item.Parameter("maxMembers", RosterRules.MaxMembers) : limits.MaxMembers;
        var structure = Structure([.. s.CurrentRoster().Select(f.Facts)], f.AsOf);
        var advised = limits is { MaxKind: Programmes.LimitKind.Advisory } ? "建议" : "应";
        var size = (min, max) switch
        {
            ({ } a, { } b) => $"（{advised}{a}-{b}人）",
            (null, { } b) => $"（{advised}不超过{b}人）",
            ({ } a, null) => $"（应不少于{a}人）",
            _ => "（规模适宜，不设人数）",
        };
        var reason = $"坊主{(s.Host is null ? 0 : 1)}人、成员{s.Members.Count}人{size}；{structure}";
        if (s.Host is null && s.Coordinator is null) return NotMet(reason, Roster(f, s.CurrentRoster()));
        return s.Members.Count >= (min ?? 0) && s.Members.Count <= (max ?? int.MaxValue)
            ? Met(reason, Roster(f, s.CurrentRoster()))
            : Partly(reason, Roster(f, s.CurrentRoster()));
    }

    /// <summary>The structure seed 001 2.1.2 asks to see: gender, age, years as head teacher, titles.</summary>
    public static string Structure(IReadOnlyList<Teachers.TeacherFacts> people, DateOnly on)
    {
        if (people.Count == 0) return "暂无人员。";
        var female = people.Count(p => p.Gender == Gender.Female);
        var ages = people.Where(p => p.BirthYear is not null).Select(p => on.Year - p.BirthYear!.Value).ToList();
        var years = people.Select(p => p.HeadTeacherYears).ToList();
        var titles = people.GroupBy(p => p.Title is { } t ? t.Label() : "未登记").OrderByDescending(g => g.Count()).Select(g => $"{g.Key}{g.Count()}人");
        return $"女{female}人、男{people.Count - female}人；" +
               (ages.Count > 0 ? $"年龄{ages.Min()}-{ages.Max()}岁；" : "") +
               $"班主任工作年限{years.Min()}-{years.Max()}年；职称：{string.Join("、", titles)}。";
    }

    /// <summary>
    /// 2.2.3 (seed 001 附件1 二.(二).3): the leading host (担纲领衔的主持人) has 实绩 — "名班主任", 优秀教师, a head-teacher
    /// competition prize and the like; a coordinator (承担统筹协调职责的负责人) is asked for leadership and cohesion, which
    /// records cannot show. The seed sets no length of service for the vocational track (a standard may still name
    /// <c>minYears</c>); that the host serves as a head teacher on the day is our reading of 业务上工作能力过硬.
    /// </summary>
    private static Judgement HostRequirements(StandardItem item, ChecklistFacts f)
    {
        var lead = f.Studio.Host;
        if (lead is null)
            return f.Studio.Coordinator is { } coordinator
                ? Met($"{coordinator.Role.Label()}{coordinator.Teacher.Name}承担统筹协调职责：标准要求的领导能力、影响力和凝聚力由学校认定，不以奖项衡量。",
                    Roster(f, [coordinator]))
                : NotMet("尚无主持人或负责人。");
        var minYears = (int)item.Parameter("minYears", 0);
        var facts = f.Facts(lead);
        var years = facts.HeadTeacherYears;
        var awards = f.Teachers.GetValueOrDefault(lead.Teacher.Id)?.Awards
            .Where(a => a.Kind is AwardKind.FamousHeadTeacher or AwardKind.ExcellentHeadTeacher or AwardKind.TopTen or AwardKind.CompetitionPrize)
            .Select(a => a.Title).ToList() ?? [];
        // Honours on the teacher's record count too (名班主任, 优秀教师/优秀班主任, 十佳班主任 …, held on the day).
        var honours = facts.Honours.Where(h => h.Honour is not (Teachers.HonourKind.SubjectLeader or Teachers.HonourKind.MoralEducationLeader))
            .Select(h => h.Name ?? h.Honour.Label()).ToList();
        var won = awards.Concat(honours).Distinct().ToList();
        var evidence = Roster(f, [lead]).Concat((f.Teachers.GetValueOrDefault(lead.Teacher.Id)?.Awards ?? [])
            .Where(a => awards.Contains(a.Title)).Select(a => Evidence.Of(a.Ref, ChecklistFacts.TeacherLink(lead.Teacher.Id))));
        var reason = $"{lead.Role.Label()}{lead.Teacher.Name}：班主任工作{years}年" +
                     (won.Count > 0 ? $"，获{string.Join("、", won)}。" : "，尚无名班主任、优秀教师、优秀班主任或能力比赛奖项记录。");
        bool[] parts = [facts.ServingAsHeadTeacher && years >= minYears, won.Count > 0];
        return Grade(parts.Count(p => p), parts.Length, reason, evidence);
    }

    private static Judgement ModeChosen(StandardItem item, ChecklistFacts f) =>
        f.Studio.Mode == BuildMode.Other
            ? Partly("建设模式为“其他”，应说明所采用的具体模式。")
            : Met($"建设模式：{f.Studio.Mode.Label()}。");

    /// <summary>3.1.2: a host-led studio fits 名师工作室 or 师徒结对; a coordinator-led one fits 模块化团队协作.</summary>
    private static Judgement ModeFitsLead(StandardItem item, ChecklistFacts f)
    {
        var s = f.Studio;
        var pairs = RosterRules.ActiveMentorships(s).Count();
        return s.Mode switch
        {
            BuildMode.FamousTeacher when s.Host is not null => Met($"主持人{s.Host.Teacher.Name}领衔，采用名师工作室模式。", Roster(f, [s.Host])),
            BuildMode.Mentorship when s.Host is not null && pairs > 0 => Met($"主持人领衔，采用师徒结对模式，现有{pairs}对师徒。", Roster(f, [s.Host])),
            BuildMode.Mentorship when s.Host is not null => Partly("采用师徒结对模式，但尚未结成师徒对子。", Roster(f, [s.Host])),
            BuildMode.ModularTeam when s.Coordinator is not null => Met($"负责人{s.Coordinator.Teacher.Name}统筹协调，采用模块化团队协作模式。", Roster(f, [s.Coordinator])),
            // seed 001 附件1 3.1.2 names modes "等": another mode is allowed, led by a host or coordinated by a 负责人.
            BuildMode.Other when s.Host is not null => Met($"主持人{s.Host.Teacher.Name}领衔，采用其他建设模式。", Roster(f, [s.Host])),
            BuildMode.Other when s.Coordinator is not null => Met($"负责人{s.Coordinator.Teacher.Name}统筹协调，采用其他建设模式。", Roster(f, [s.Coordinator])),
            BuildMode.Other => NotMet("采用其他模式，但尚无主持人或负责人。"),
            _ => NotMet($"{s.Mode.Label()}模式需要{(s.Mode == BuildMode.ModularTeam ? "负责人统筹协调" : "主持人领衔")}，目前尚未任命。"),
        };
    }

    private static IEnumerable<Evidence> Examples(ChecklistFacts f, IEnumerable<string> keys) =>
        keys.SelectMany(f.ThisYear.ExamplesOf).DistinctBy(a => a.ActivityId).Select(a => new Evidence(a.EventId, a.Type, a.At, f.ActivityLink(a.ActivityId)));

    /// <summary>3.2.1: every opened task has a carrier (an activity serving it), and carriers cover the five domains.</summary>
    private static Judgement Carriers(StandardItem item, ChecklistFacts f)
    {
        var year = f.ThisYear;
        var tasks = year.Tasks.Where(t => t.Status is not (TaskStatus.Planned or TaskStatus.Cancelled)).ToList();
        var served = tasks.Where(t => year.Serving.GetValueOrDefault(t.TaskId) > 0 || t.ClosingActivities.Count > 0).ToList();
        var covered = Enum.GetValues<Domain>().Where(year.ByDomain.ContainsKey).ToList();
        var missing = Enum.GetValues<Domain>().Except(covered).Select(d => d.Label()).ToList();
        var evidence = Examples(f, covered.Select(d => $"domain:{d.Code()}"));
        var reason = $"{tasks.Count}项任务中{served.Count}项有对应载体；载体覆盖{covered.Count}/5个领域" +
                     (missing.Count > 0 ? $"（缺{string.Join("、", missing)}）。" : "。");
        var done = (tasks.Count > 0 && served.Count == tasks.Count ? 1 : 0) + (missing.Count == 0 ? 1 : 0);
        var some = served.Count + covered.Count > 0;
        return done == 2 ? Met(reason, evidence) : some ? Partly(reason, evidence) : NotMet(reason, evidence);
    }

    private static Judgement VariedBroad(StandardItem item, ChecklistFacts f)
    {
        var year = f.ThisYear;
        var minKinds = (int)item.Parameter("minKinds", 5);
        var kinds = year.ByKind.Count;
        var people = f.Studio.CurrentRoster().Select(r => r.Teacher.Id).ToList();
        var took = people.Count(year.ByTeacher.ContainsKey);
        var reason = $"{f.Year}年载体{kinds}种（至少{minKinds}种）；{people.Count}名坊内人员中{took}人参加过活动。";
        var evidence = Examples(f, year.ByKind.Keys.Select(k => $"kind:{k.Code()}"));
        var parts = new[] { kinds >= minKinds, people.Count > 0 && took == people.Count };
        return parts.All(p => p) ? Met(reason, evidence) : kinds > 0 ? Partly(reason, evidence) : NotMet(reason, evidence);
    }

    private static Judgement OutputOfKind(ChecklistFacts f, OutputKind kind, string what)
    {
        var reviewed = f.OutputsToDate.Where(o => o.Kind == kind).ToList();
        var evidence = reviewed.Select(o => Evidence.Of(o.Latest, f.OutputLink(o.OutputId)));
        return reviewed.Count > 0
            ? Met($"已有{what}{reviewed.Count}项经学校审核：{string.Join("、", reviewed.Select(o => o.Title))}。", evidence)
            : NotMet($"尚无经学校审核的{what}。");
    }

    /// <summary>
    /// 4.3.1, 4.3.2: "形成一批……成果" — a batch is more than one: at least the item's minItems (default 3) approved outputs
    /// of the kind; fewer is partly met, none not met.
    /// </summary>
    private static Judgement OutputsOfKind(StandardItem item, ChecklistFacts f, OutputKind kind, string what)
    {
        var min = (int)item.Parameter("minItems", 3);
        var reviewed = f.OutputsToDate.Where(o => o.Kind == kind).ToList();
        var evidence = reviewed.Select(o => Evidence.Of(o.Latest, f.OutputLink(o.OutputId)));
        var reason = reviewed.Count > 0
            ? $"经学校审核的{what}{reviewed.Count}项（“一批”至少{min}项）：{string.Join("、", reviewed.Select(o => o.Title))}。"
            : $"尚无经学校审核的{what}（“一批”至少{min}项）。";
        return reviewed.Count >= min ? Met(reason, evidence) : reviewed.Count > 0 ? Partly(reason, evidence) : NotMet(reason);
    }

    /// <summary>3.3.1: plan approved early in the year, a ledger with tasks, tasks closed one by one, a summary, a reflection.</summary>
    private static Judgement Organised(StandardItem item, ChecklistFacts f)
    {
        var year = f.ThisYear;
        var byMonth = (int)item.Parameter("planApprovedByMonth", 3);
        var approval = year.Plan?.Approval;
        var early = approval is not null && approval.Ref.At.ToOffset(Core.Http.Writes.ChinaOffset).Date <= new DateTime(f.Year, byMonth, DateTime.DaysInMonth(f.Year, byMonth));
        var closed = year.Tasks.Where(t => t.Status == TaskStatus.Closed).ToList();
        // 逐项销账: every task of the year is closed, carried over or cancelled (with its reason) by the year's end; while the
        // year runs, every task whose due day has passed is.
        var yearEnded = f.AsOf >= new DateOnly(f.Year, 12, 31);
        var owed = year.Tasks.Where(t => t.Status != TaskStatus.Planned && (yearEnded || t.Spec.Due is { } due && due < f.AsOf)).ToList();
        var unsettled = owed.Where(t => t.Status is not (TaskStatus.Closed or TaskStatus.CarriedOver or TaskStatus.Cancelled)).ToList();
        var checks = new (bool Done, string Label)[]
        {
            (early, $"年初（{byMonth}月底前）计划经审定"),
            (year.Tasks.Count > 0, "建有任务台账"),
            (year.Tasks.Count > 0 && unsettled.Count == 0 && (yearEnded || closed.Count > 0 || owed.Count > 0),
                unsettled.Count > 0 ? $"逐项销账（{unsettled.Count}项未销账、结转或取消：{string.Join("、", unsettled.Select(t => t.Spec.Title))}）" : "逐项销账"),
            (year.Summary is not null, "年终总结"),
            (year.Reflections.Count > 0, "定期反思"),
        };
        var missing = checks.Where(c => !c.Done).Select(c => c.Label).ToList();
        var evidence = new List<Evidence>();
        if (approval is not null) evidence.Add(Evidence.Of(approval.Ref, f.LedgerLink));
        evidence.AddRange(closed.Select(t => t.History.Last(h => h.Step == "closed")).Select(h => Evidence.Of(h.Ref, f.LedgerLink)));
        if (year.Summary is not null) evidence.Add(Evidence.Of(year.Summary.Ref, f.YearLink));
        evidence.AddRange(year.Reflections.Select(r => Evidence.Of(r.Ref, f.YearLink)));
        var reason = missing.Count == 0
            ? $"计划、台账（{year.Tasks.Count}项，销账{closed.Count}项）、总结、反思齐全。"
            : $"台账{year.Tasks.Count}项、销账{closed.Count}项；缺：{string.Join("、", missing)}。";
        return Grade(checks.Count(c => c.Done), checks.Length, reason, evidence);
    }

    /// <summary>3.3.2: every current member and trainee has a growth file with an intake profile and entries.</summary>
    private static Judgement GrowthFiles(StandardItem item, ChecklistFacts f)
    {
        var people = f.MembersAndTrainees;
        var files = people.Select(p => (p, file: f.Studio.GrowthFiles.GetValueOrDefault(p.Teacher.Id))).ToList();
        var complete = files.Where(x => x.file is { ProfileRevision: > 0, Entries: > 0 }).ToList();
        var points = files.Sum(x => (x.file?.ProfileRevision > 0 ? 1 : 0) + (x.file?.Entries > 0 ? 1 : 0));
        var missing = files.Except(complete).Select(x => x.p.Teacher.Name).ToList();
        var evidence = files.Select(x => x.file?.Latest is { } r ? Evidence.Of(r, ChecklistFacts.TeacherLink(x.p.Teacher.Id)) : null).OfType<Evidence>();
        var reason = missing.Count == 0 && people.Count > 0
            ? $"{people.Count}名成员和研修人员均建有含入坊情况和成长记录的档案。"
            : $"{people.Count}名成员和研修人员中{complete.Count}人档案完整；待完善：{string.Join("、", missing)}。";
        return Grade(points, people.Count * 2, reason, evidence);
    }

    private static Judgement Results(StandardItem item, ChecklistFacts f)
    {
        OutputKind[] counted = [OutputKind.BuildModel, OutputKind.Brand, OutputKind.ResearchResult, OutputKind.ResourceItem, OutputKind.Handbook];
        var minKinds = (int)item.Parameter("minKinds", 3);
        var outputs = f.OutputsToDate.Where(o => counted.Contains(o.Kind)).ToList();
        var kinds = outputs.Select(o => o.Kind).Distinct().ToList();
        var reason = kinds.Count > 0 ? $"已形成{string.Join("、", kinds.Select(k => k.Label()))}等{kinds.Count}类实绩（至少{minKinds}类）。" : "尚无建设实绩类成果。";
        var evidence = outputs.Select(o => Evidence.Of(o.Latest, f.OutputLink(o.OutputId)));
        return kinds.Count >= minKinds ? Met(reason, evidence) : kinds.Count > 0 ? Partly(reason, evidence) : NotMet(reason);
    }

    private static Judgement SharedResources(StandardItem item, ChecklistFacts f)
    {
        var min = (int)item.Parameter("minItems", 3);
        var items = f.OutputsToDate.Where(o => o.Kind == OutputKind.ResourceItem).ToList();
        var reason = $"资源库资源{items.Count}项（至少{min}项）。";
        var evidence = items.Select(o => Evidence.Of(o.Latest, f.OutputLink(o.OutputId)));
        return items.Count >= min ? Met(reason, evidence) : items.Count > 0 ? Partly(reason, evidence) : NotMet(reason);
    }

    private static Judgement MembersServing(StandardItem item, ChecklistFacts f)
    {
        var members = f.Studio.Members;
        var serving = members.Where(m => f.Facts(m).ServingAsHeadTeacher).ToList();
        var reason = $"{members.Count}名成员中{serving.Count}人担任班主任。";
        return Grade(serving.Count, members.Count, reason, Roster(f, members));
    }

    /// <summary>4.2.1: members rated at least twice whose average ability score rose.</summary>
    private static Judgement AbilitiesRise(StandardItem item, ChecklistFacts f)
    {
        var rated = new List<(RosterEntry Member, decimal First, decimal Last, IReadOnlyList<Rating> Ratings)>();
        foreach (var m in f.MembersAndTrainees)
        {
            var ratings = f.Teachers.GetValueOrDefault(m.Teacher.Id)?.Ratings.OrderBy(r => r.Date).ThenBy(r => r.Ref.At).ToList() ?? [];
            if (ratings.Count < 2) continue;
            rated.Add((m, (decimal)ratings[0].Ratings.Values.Average(), (decimal)ratings[^1].Ratings.Values.Average(), ratings));
        }
        var rose = rated.Where(r => r.Last > r.First).ToList();
        var evidence = rose.SelectMany(r => new[] { r.Ratings[0], r.Ratings[^1] }
            .Select(x => Evidence.Of(x.Ref, ChecklistFacts.TeacherLink(r.Member.Teacher.Id))));
        if (rated.Count == 0) return NotMet("尚无成员有两次及以上能力评价记录。");
        var reason = $"{rated.Count}名有多次能力评价的人员中{rose.Count}人平均分提升。";
        return rose.Count * 2 > rated.Count ? Met(reason, evidence) : rose.Count > 0 ? Partly(reason, evidence) : NotMet(reason, evidence);
    }

    /// <summary>
    /// 4.2.2, seed 001 附件1 四.(二).2: 一批 qualified (合格), 一批 excellent (优秀) and 若干 expert (专家) head teachers across
    /// the roster, each a threshold in the standard's data (<c>minQualified</c>, <c>minExcellent</c> default 3 for 一批;
    /// <c>minExperts</c> default 1 for 若干). A person counts at the highest step they reached by the day
    /// (<see cref="CultivationOf"/>), and a higher step counts toward the lower ones: an expert is also excellent and qualified.
    /// </summary>
    private static Judgement Cultivated(StandardItem item, ChecklistFacts f)
    {
        var people = f.Studio.CurrentRoster().Select(p => (p, step: CultivationOf(f, p))).ToList();
        (string Label, int Step, int Min)[] wanted =
        [
            ("合格班主任", 1, (int)item.Parameter("minQualified", 3)),
            ("优秀班主任", 2, (int)item.Parameter("minExcellent", 3)),
            ("专家班主任", 3, (int)item.Parameter("minExperts", 1)),
        ];
        var counts = wanted.Select(w => (w.Label, w.Min, Names: people.Where(x => x.step >= w.Step).Select(x => x.p.Teacher.Name).ToList())).ToList();
        var reason = string.Join("；", counts.Select(c => $"{c.Label}{c.Names.Count}人（应不少于{c.Min}人）" +
                                                        (c.Names.Count > 0 ? $"：{string.Join("、", c.Names)}" : ""))) + "。";
        var evidence = people.Where(x => x.step > 0).SelectMany(x => (f.Teachers.GetValueOrDefault(x.p.Teacher.Id) is { } file
                ? file.Recognitions.Select(r => r.Ref).Concat(file.Tiers.Select(t => t.Ref)).Concat(file.Awards.Select(a => a.Ref))
                : []).Select(r => Evidence.Of(r, ChecklistFacts.TeacherLink(x.p.Teacher.Id))));
        return Grade(counts.Count(c => c.Names.Count >= c.Min), counts.Count, reason, evidence);
    }

    /// <summary>
    /// The step a person reached by the day: 3 专家 (the rule set's <c>expert</c> rung held, or the 专家型 tier in the growth
    /// file); 2 优秀 (the <c>excellent</c> rung, a 骨干/带头人 tier or title, or an honour or award of 名班主任, 优秀教师,
    /// 优秀班主任 or 十佳班主任); 1 合格 (the <c>qualified</c> rung granted); else 0. Serving as a head teacher alone is not
    /// 培养: the seed counts the head teachers the studio brought to a standard, which a grant records.
    /// </summary>
    public static int CultivationOf(ChecklistFacts f, RosterEntry person)
    {
        var facts = f.Facts(person);
        var file = f.Teachers.GetValueOrDefault(person.Teacher.Id);
        var rungs = facts.Recognitions.Select(r => r.Rung).ToHashSet(StringComparer.Ordinal);
        if (rungs.Contains("expert") || file?.Tiers.Any(t => t.Tier == Tier.Expert) == true) return 3;
        if (rungs.Contains("excellent")
            || file is not null && (file.Tiers.Any(t => t.Tier is Tier.Backbone or Tier.Leader) || file.Recognitions.Count > 0
                                    || file.Awards.Any(a => a.Kind is AwardKind.ExcellentHeadTeacher or AwardKind.FamousHeadTeacher or AwardKind.TopTen))
            || facts.Honours.Any(h => h.Honour is Teachers.HonourKind.FamousHeadTeacher or Teachers.HonourKind.ExcellentTeacher
                or Teachers.HonourKind.ExcellentHeadTeacher or Teachers.HonourKind.TopTenHeadTeacher))
            return 2;
        return rungs.Contains("qualified") ? 1 : 0;
    }

    private static Judgement Showcases(StandardItem item, ChecklistFacts f)
    {
        ActivityKind[] kinds = [ActivityKind.Lecture, ActivityKind.DemonstrationLesson, ActivityKind.ObservationShowcase, ActivityKind.SkillsCompetition];
        var min = (int)item.Parameter("minKinds", 2);
        var distinct = kinds.Where(f.ThisYear.ByKind.ContainsKey).ToList();
        var times = distinct.Sum(k => f.ThisYear.ByKind[k].Count);
        var reason = distinct.Count > 0 ? $"{f.Year}年开展{string.Join("、", distinct.Select(k => k.Label()))}共{times}次。" : $"{f.Year}年尚未开展专题报告、公开课、展示或比赛。";
        var evidence = Examples(f, distinct.Select(k => $"kind:{k.Code()}"));
        return distinct.Count >= min ? Met(reason, evidence) : distinct.Count > 0 ? Partly(reason, evidence) : NotMet(reason);
    }

    private static Judgement HandbookCasesLibrary(StandardItem item, ChecklistFacts f)
    {
        var outputs = f.OutputsToDate;
        var parts = new (OutputKind[] Kinds, string Label)[]
        {
            ([OutputKind.Handbook], "工作手册"),
            ([OutputKind.TypicalCase, OutputKind.LibraryCase], "案例汇编"),
            ([OutputKind.ResourceItem], "资源库"),
        };
        var present = parts.Where(p => outputs.Any(o => p.Kinds.Contains(o.Kind))).ToList();
        var missing = parts.Except(present).Select(p => p.Label).ToList();
        var evidence = outputs.Where(o => parts.Any(p => p.Kinds.Contains(o.Kind))).Select(o => Evidence.Of(o.Latest, f.OutputLink(o.OutputId)));
        var reason = missing.Count == 0 ? "工作手册、案例汇编、资源库均已建成。" : $"已有{present.Count}/3项，缺{string.Join("、", missing)}。";
        return Grade(present.Count, parts.Length, reason, evidence);
    }

    /// <summary>4.4.2: the case library covers the five categories.</summary>
    private static Judgement CaseCategories(StandardItem item, ChecklistFacts f)
    {
        var cases = f.OutputsToDate.Where(o => o.Kind is OutputKind.LibraryCase or OutputKind.TypicalCase && o.Category is not null).ToList();
        var covered = cases.Select(o => o.Category!.Value).Distinct().ToList();
        var missing = Enum.GetValues<CaseCategory>().Except(covered).Select(c => c.Label()).ToList();
        var evidence = covered.Select(c => cases.First(o => o.Category == c)).Select(o => Evidence.Of(o.Latest, f.OutputLink(o.OutputId)));
        var reason = missing.Count == 0 ? $"案例库覆盖全部5类，共{cases.Count}个案例。" : $"案例库覆盖{covered.Count}/5类，缺{string.Join("、", missing)}。";
        return Grade(covered.Count, 5, reason, evidence);
    }

    /// <summary>5.1.2: members take part first in training and competitions — each has outside training or a competition in the year.</summary>
    private static Judgement MembersFirst(StandardItem item, ChecklistFacts f)
    {
        var members = f.MembersAndTrainees;
        var active = members.Where(m => f.Teachers.GetValueOrDefault(m.Teacher.Id) is { } file &&
                                        (file.CreditsAt(History.EndOf(f.AsOf), f.AsOf).Any(c => c.Category != CreditCategory.StudioActivity && c.Date.Year == f.Year) ||
                                         file.Awards.Any(a => a.Kind == AwardKind.CompetitionPrize && a.Date.Year == f.Year))).ToList();
        var reason = $"{members.Count}名成员和研修人员中{active.Count}人{f.Year}年参加了坊外培训或班主任能力比赛。";
        return Grade(active.Count, members.Count, reason, Roster(f, active));
    }

    private static Judgement K12Composition(StandardItem item, ChecklistFacts f)
    {
        var s = f.Studio;
        var min = f.RuleSet?.Roster.MinMembers ?? (int)item.Parameter("minMembers", RosterRules.MinMembers);
        var max = f.RuleSet?.Roster.MaxMembers ?? (int)item.Parameter("maxMembers", RosterRules.MaxMembers);
        var reason = $"坊主{(s.Host is null ? 0 : 1)}人，坊成员{s.Members.Count}人（应{min}-{max}人），研修人员{s.Trainees.Count}人。";
        var parts = new[] { s.Host is not null, s.Members.Count >= min && s.Members.Count <= max, s.Trainees.Count > 0 };
        return s.Host is null ? NotMet(reason, Roster(f, s.CurrentRoster())) : Grade(parts.Count(p => p), parts.Length, reason, Roster(f, s.CurrentRoster()));
    }

    private static Judgement K12HostRecognition(StandardItem item, ChecklistFacts f)
    {
        var host = f.Studio.Host;
        if (host is null) return NotMet("尚未任命坊主。");
        var min = (int)item.Parameter("minYears", Recognition.HostYears);
        var facts = f.Facts(host);
        var years = facts.HeadTeacherYears;
        var ok = years >= min && facts.ServingAsHeadTeacher;
        var reason = $"坊主{host.Teacher.Name}班主任工作{years}年{(facts.ServingAsHeadTeacher ? "，仍从事班主任工作" : "，已不再从事班主任工作")}；" +
                     (ok ? "考核合格即可认定为班主任带头人。" : $"不满足“至少{min}年并仍从事班主任工作”。");
        return ok ? Met(reason, Roster(f, [host])) : NotMet(reason, Roster(f, [host]));
    }

    private static Judgement K12MemberRecognition(StandardItem item, ChecklistFacts f)
    {
        var min = (int)item.Parameter("minYears", Recognition.MemberYears);
        var members = f.Studio.Members;
        var eligible = members.Where(m => f.Facts(m) is { } x && x.HeadTeacherYears >= min && x.ServingAsHeadTeacher).ToList();
        var not = members.Except(eligible).Select(m => m.Teacher.Name).ToList();
        var reason = $"{members.Count}名坊成员中{eligible.Count}人满足“至少{min}年并仍从事班主任工作”" + (not.Count > 0 ? $"；不满足：{string.Join("、", not)}。" : "。");
        return Grade(eligible.Count, members.Count, reason, Roster(f, members));
    }

    /// <summary>
    /// X.4: every member and trainee keeps the hour clocks that apply to them (seed 000 三.(二), seeds 002-004 for the
    /// clocks): nobody is overdue. A clock still due (its time has not run out) is named, not counted against them.
    /// </summary>
    private static Judgement K12Hours(StandardItem item, ChecklistFacts f)
    {
        var people = f.MembersAndTrainees;
        var moment = History.EndOf(f.AsOf);
        var clocks = f.Hours?.Clocks ?? TrainingHours.Policies([], "", f.Policies);
        var short_ = new List<string>();
        var due = new List<string>();
        var evidence = new List<Evidence>();
        foreach (var p in people)
        {
            var file = f.Teachers.GetValueOrDefault(p.Teacher.Id);
            var standing = file?.CreditsAt(moment, f.AsOf).ToList() ?? [];
            var facts = f.Hours?.Facts.GetValueOrDefault(p.Teacher.Id)
                        ?? TrainingHours.FactsOf(null, p.Teacher, p.Since, f.Studio.Region, f.Studio.Track, f.AsOf);
            var results = TrainingHours.Judge(clocks, facts, standing, f.Hours?.Trainings.GetValueOrDefault(p.Teacher.Id));
            var overdue = results.Where(r => r.Status == ClockStatus.Overdue).ToList();
            if (overdue.Count > 0) short_.Add($"{p.Teacher.Name}（{string.Join("、", overdue.Select(u => $"{u.Title}差{u.Remaining:0.##}{(u.Unit == "hours" ? "学时" : "次")}"))}）");
            var pending = results.Where(r => r.Status == ClockStatus.Due).ToList();
            if (pending.Count > 0) due.Add($"{p.Teacher.Name}（{string.Join("、", pending.Select(u => $"{u.Title}{u.Due:yyyy-MM-dd}前"))}）");
            var link = $"/api/teachers/{Uri.EscapeDataString(p.Teacher.Id)}/hours?asOf={f.AsOf:yyyy-MM-dd}";
            // Evidence: the latest ten studio credits counted that are dated in the checklist's year (the hours link lists all).
            evidence.AddRange(results.SelectMany(r => r.Counted).Where(c => c.Date.Year == f.Year).Select(c => c.Ref).OfType<EventRef>()
                .DistinctBy(r => r.EventId).OrderBy(r => r.At).ThenBy(r => r.EventId).TakeLast(10).Select(r => Evidence.Of(r, link)));
        }
        var met = people.Count - short_.Count;
        var reason = (short_.Count == 0 ? $"{people.Count}名成员和研修人员无逾期未达标的学时要求。" : $"{people.Count}人中{met}人学时达标；逾期未达标：{string.Join("；", short_)}。")
                     + (due.Count == 0 ? "" : $"尚在期限内：{string.Join("；", due)}。");
        return Grade(met, people.Count, reason, evidence);
    }
}
