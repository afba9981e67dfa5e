using System.Diagnostics;
using ActivityKind = Workshops.Activities.ActivityKind;
using JasperFx.Events;
using Marten;
using Workshops.Activities;
using Workshops.Core.Auth;
using Workshops.Growth;
using Workshops.Outputs;
using Workshops.Plans;
using Workshops.Roster;
using Workshops.Standards;
using Workshops.Studios;
using Workshops.Years;
using Workshops.Core;

namespace Workshops.Bench;

public sealed record GeneratedStudio(Guid Id, Region Region, string[] Members, int Events);

public sealed record GeneratedStream(GeneratedStudio Studio, IReadOnlyList<object> Events);

public sealed record Generated(IReadOnlyList<GeneratedStudio> Studios, GeneratedStudio Small, GeneratedStudio Large, long Events, double Seconds);

/// <summary>
/// Deterministic studios with realistic years of work, in Chinese: roster, plans and ledgers, activities with
/// attendance (some corrected or voided), outputs through review, growth files, hearings, summaries, assessments.
/// Written with Marten's bulk event insert; the projections are built afterwards by a rebuild (measured).
/// </summary>
public sealed class Generator(int seed)
{
    private static readonly (string City, string Name, string[] Districts)[] Cities =
    [
        ("350100", "福州", ["350102", "350103", "350104", "350105", "350111"]),
        ("350200", "厦门", ["350203", "350205", "350206", "350211", "350212", "350213"]),
        ("350300", "莆田", ["350302", "350303", "350304"]),
        ("350400", "三明", ["350404", "350405"]),
        ("350500", "泉州", ["350502", "350503", "350504", "350505"]),
        ("350600", "漳州", ["350602", "350603"]),
        ("350700", "南平", ["350702", "350703"]),
        ("350800", "龙岩", ["350802", "350803"]),
        ("350900", "宁德", ["350902", "350921"]),
    ];

    private static readonly string[] Surnames = ["陈", "林", "黄", "张", "李", "王", "吴", "刘", "蔡", "杨", "郑", "许", "谢", "郭", "洪", "曾", "邱", "苏"];
    private static readonly string[] Given = ["晓燕", "志强", "雅琴", "思远", "婉清", "建华", "丽娟", "文博", "海燕", "国平", "美玲", "俊杰", "秀英", "子涵", "雨欣", "明辉"];
    private static readonly string[] Subjects = ["语文", "数学", "英语", "物理", "化学", "历史", "地理", "政治", "生物", "体育"];
    private static readonly string[] Titles = ["二级教师", "一级教师", "高级教师", "正高级教师"];

    private static readonly string[] Phrases =
    [
        "班主任通过家校沟通协调，与家长建立了互信。", "针对学生心理健康问题，工作坊开展了个案会诊。", "以班级文化建设为抓手，营造积极向上的班风学风。",
        "重点学生帮扶采取一生一策，定期谈心谈话。", "突发事件处置遵循先稳定情绪、再了解情况、后妥善处理的原则。", "典型学生教育注重发现闪光点，激发内驱力。",
        "家校共育协同机制让家长参与班级管理。", "网络媒介育人引导学生理性使用手机。", "主题班会围绕立德树人，开展理想信念教育。",
        "班主任工作手册汇编了班情分析和学生评价方法。", "通过互评互鉴，成员对自身能力水平认识更加准确。", "课程育人领导力在学科教学中得到体现。",
    ];

    private readonly Random _random = new(seed);
    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>
    /// The studios' streams, one after another: <paramref name="studios"/> ordinary ones, then the small studio (one
    /// year, about 100 events) and the large one (about 5,000 events) that the reads are measured on. The same seed gives
    /// the same events, identifiers included.
    /// </summary>
    public IEnumerable<GeneratedStream> Streams(int studios, int activitiesPerYear)
    {
        for (var i = 0; i < studios; i++) yield return Studio(i, activitiesPerYear, null, null);
        yield return Studio(studios, 4, onlyYears: 1, district: "350203");
        yield return Studio(studios + 1, 930, null, district: "350203");
    }

    /// <summary>Writes the streams with Marten's bulk event insert; the projections are left to a rebuild.</summary>
    /// <param name="write">False: only tell the studios a run with the same seed wrote (a store generated earlier is reused).</param>
    public async Task<Generated> Run(DocumentStore store, int studios, int activitiesPerYear, Action<string> log, bool write = true)
    {
        var watch = Stopwatch.StartNew();
        var all = new List<GeneratedStudio>();
        long events = 0;
        var batch = new List<StreamAction>();
        async Task Flush()
        {
            if (batch.Count == 0 || !write)
            {
                batch.Clear();
                return;
            }
            await store.BulkInsertEventsAsync(batch, 2000);
            batch.Clear();
        }
        foreach (var (studio, stream) in Streams(studios, activitiesPerYear))
        {
            var action = StreamAction.Start(store.Events, studio.Id, [.. stream]);
            action.AggregateType = typeof(Studio);
            batch.Add(action);
            events += stream.Count;
            all.Add(studio);
            if (batch.Count >= 25) await Flush();
            if (all.Count % 250 == 0 && all.Count <= studios) log($"  {all.Count} studios, {events:N0} events, {events / watch.Elapsed.TotalSeconds:N0} events/s");
        }
        await Flush();
        return new Generated(all[..studios], all[studios], all[studios + 1], events, watch.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// A version 7 identifier stamped with the day it was made (China time, as <see cref="Stamp"/>), its random part drawn
    /// from the seed: identifiers sort by time as the API's do, and a rerun makes the same ones.
    /// </summary>
    private Guid Id(DateOnly day)
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        var ms = Stamp(day).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (8 * (5 - i)));
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    private GeneratedStream Studio(int index, int activitiesPerYear, int? onlyYears, string? district)
    {
        var stream = new List<object>();
        var city = Pick(Cities);
        var region = new Region("350000", district is null ? city.City : district[..4] + "00", district ?? Pick(city.Districts));
        var founded = onlyYears is null ? new DateOnly(2021 + _random.Next(3), 9, 1 + _random.Next(28)) : new DateOnly(2026, 2, 1);
        var id = Id(founded);
        var school = $"{(district is null ? city.Name : "厦门")}市第{index % 40 + 1}中学";
        var by = new Actor("school:bench", "学校管理员", Role.School);
        var host = new Actor("host:bench", "坊主", Role.Host);
        var rural = _random.NextDouble() < 0.3;
        var at = Stamp(founded);
        stream.Add(new StudioEstablished(id, $"{school}班主任工作坊{index}", school, region, Pick(new[] { StudioLevel.School, StudioLevel.District, StudioLevel.Municipal }),
            _random.NextDouble() < 0.7 ? Track.K12 : Track.Vocational, rural, founded, Pick(Enum.GetValues<BuildMode>()), by, at));

        TeacherInfo Teacher(string tid, int since) => new(tid, Pick(Surnames) + Pick(Given), _random.NextDouble() < 0.6 ? Gender.Female : Gender.Male,
            school, Pick(Subjects), Pick(Titles), new DateOnly(since, 9, 1), new DateOnly(since - _random.Next(0, 3), 9, 1), _random.NextDouble() < 0.93,
            rural, 1965 + _random.Next(35), _random.NextDouble() < 0.5);
        var hostTeacher = Teacher($"B{index:D5}-H", 2005 + _random.Next(15));
        stream.Add(new HostAppointed(hostTeacher, founded, by, at));
        var members = Enumerable.Range(1, 2 + _random.Next(3)).Select(n => Teacher($"B{index:D5}-M{n}", 2012 + _random.Next(12))).ToList();
        foreach (var m in members) stream.Add(new MemberJoined(m, founded, by, at));
        var trainees = Enumerable.Range(1, 1 + _random.Next(4)).Select(n => Teacher($"B{index:D5}-S{n}", 2020 + _random.Next(5))).ToList();
        foreach (var t in trainees) stream.Add(new TraineeEnrolled(t, founded, by, at));
        stream.Add(new MentorshipFormed(hostTeacher.Id, trainees[0].Id, founded, by, at));
        var people = new[] { hostTeacher }.Concat(members).Concat(trainees).Select(t => t.Id).ToArray();
        foreach (var t in members.Concat(trainees))
            stream.Add(new GrowthProfileRecorded(t.Id, new GrowthProfile("熟悉班级管理", "带班经验丰富", "细致耐心", "以爱育人", "成长为骨干班主任"), 1, host, at));

        var recognised = new HashSet<string>();
        var firstYear = founded.Year;
        var lastYear = onlyYears is null ? 2026 : firstYear;
        for (var year = firstYear; year <= lastYear; year++)
        {
            var start = year == firstYear ? founded : new DateOnly(year, 1, 5);
            var end = year == 2026 ? new DateOnly(2026, 11, 20) : new DateOnly(year, 12, 25);
            var span = Math.Max(1, end.DayNumber - start.DayNumber);
            DateOnly Day(double fraction) => start.AddDays((int)(span * fraction));

            var tasks = Enumerable.Range(1, 6 + _random.Next(5))
                .Select(n => new TaskSpec(Id(start), $"{year}年任务{n}：{Pick(Phrases)[..8]}", "按计划推进", Pick(people), end, [Pick(Enum.GetValues<ActivityKind>())]))
                .ToList();
            stream.Add(new AnnualPlanDrafted(year, $"{year}年度建设目标", tasks, 1, host, Stamp(Day(0))));
            stream.Add(new AnnualPlanApproved(year, 1, [.. tasks.Select(t => t.TaskId)], "同意", by, Stamp(Day(0.02))));

            var count = (int)(activitiesPerYear * (0.8 + _random.NextDouble() * 0.4));
            var logged = new List<(Guid Id, ActivityFacts Facts)>();
            for (var n = 0; n < count; n++)
            {
                var date = Day(0.03 + 0.95 * n / Math.Max(1, count));
                var hours = 1 + _random.Next(6) * 0.5m;
                var attendees = people.OrderBy(_ => _random.Next()).Take(2 + _random.Next(3))
                    .Select(p => new Attendance(p, Math.Min(hours, 0.5m + _random.Next(6) * 0.5m))).ToList();
                var facts = new ActivityFacts(Pick(Enum.GetValues<ActivityKind>()), [Pick(Enum.GetValues<Domain>()), Pick(Enum.GetValues<Domain>())],
                    $"{Pick(Phrases)[..10]}（第{n + 1}次）", date, hours, attendees, [Pick(tasks).TaskId], ["https://example.org/evidence"],
                    Place: school, Summary: Pick(Phrases));
                facts = facts with { Domains = [.. facts.Domains.Distinct()] };
                var activityId = Id(date);
                stream.Add(new ActivityLogged(activityId, facts, host, Stamp(date)));
                logged.Add((activityId, facts));
                if (_random.NextDouble() < 0.05)
                {
                    var after = facts with { Hours = facts.Hours + 0.5m };
                    stream.Add(new ActivityCorrected(activityId, facts, after, ["hours"], "按签到表更正", host, Stamp(date, 2)));
                    logged[^1] = (activityId, after);
                }
                else if (_random.NextDouble() < 0.015)
                {
                    stream.Add(new ActivityVoided(activityId, facts, "重复登记", host, Stamp(date, 2)));
                    logged.RemoveAt(logged.Count - 1);
                }
            }

            foreach (var task in tasks)
            {
                stream.Add(new TaskProgressed(year, task.TaskId, "按计划推进", 50, host, Stamp(Day(0.5))));
                var roll = _random.NextDouble();
                if (roll < 0.75)
                    stream.Add(new TaskClosed(year, task.TaskId, "已完成", ["https://example.org/done"],
                        [.. logged.Where(l => l.Facts.TaskIds.Contains(task.TaskId)).Take(2).Select(l => l.Id)], host, Stamp(Day(0.9))));
                else if (roll < 0.85 && year < 2026)
                    stream.Add(new TaskCarriedOver(year, task.TaskId, year + 1, "延期", task, host, Stamp(Day(0.95))));
                else if (roll < 0.9)
                    stream.Add(new TaskCancelled(year, task.TaskId, "调整", host, Stamp(Day(0.9))));
            }

            for (var n = 0; n < 3; n++)
            {
                var kind = n == 0 ? OutputKind.TypicalCase : Pick(Enum.GetValues<OutputKind>());
                CaseCategory? category = kind is OutputKind.TypicalCase or OutputKind.LibraryCase ? Pick(Enum.GetValues<CaseCategory>()) : null;
                var body = string.Concat(Enumerable.Range(0, 20 + _random.Next(60)).Select(_ => Pick(Phrases)));
                if (body.Length > 3000) body = body[..3000];
                var date = Day(0.6 + n * 0.1);
                var outputId = Id(date);
                stream.Add(new OutputDrafted(outputId, new OutputFacts(kind, category, $"{Pick(Phrases)[..12]}", [Pick(people)], date, Pick(Phrases), body, []), host, Stamp(date)));
                stream.Add(new OutputSubmitted(outputId, year, host, Stamp(date, 1)));
                stream.Add(new OutputApproved(outputId, year, "同意", by, Stamp(date, 2)));
                if (_random.NextDouble() < 0.5)
                    stream.Add(new OutputRecommended(outputId, year, Pick(Enum.GetValues<RecommendationLevel>()), null, by, Stamp(date, 3)));
            }

            foreach (var t in members.Concat(trainees).Take(3))
            {
                stream.Add(new OutsideTrainingRecorded(Id(Day(0.4)), t.Id, "区级班主任专题培训", Pick(Enum.GetValues<TrainingLevel>()),
                    CreditCategory.HeadTeacherTraining, 8 + _random.Next(16), Day(0.4), null, host, Stamp(Day(0.4))));
                stream.Add(new AbilitiesRated(Id(Day(0.5)), t.Id, Rater.Self, t.Id, Day(0.5),
                    Enum.GetValues<Ability>().ToDictionary(a => a, _ => 2 + _random.Next(4)), null, host, Stamp(Day(0.5))));
            }
            stream.Add(new LeadershipHearingHeld(Id(Day(0.3)), Day(0.3), Semesters.Of(Day(0.3)), "听取汇报", by, Stamp(Day(0.3))));
            stream.Add(new LeadershipHearingHeld(Id(Day(0.8)), Day(0.8), Semesters.Of(Day(0.8)), "听取汇报", by, Stamp(Day(0.8))));
            stream.Add(new ReflectionRecorded(Id(Day(0.5)), Day(0.5), "期中反思", "调整活动安排", host, Stamp(Day(0.5))));
            stream.Add(new AttestationRecorded(Id(Day(0.7)), StandardCatalog.Moe2022, "2.2.1", year, true, "师德良好", by, Stamp(Day(0.7))));
            if (year < 2026)
            {
                stream.Add(new YearSummaryWritten(year, $"{year}年工作总结：{Pick(Phrases)}", 1, host, Stamp(end)));
                var result = _random.NextDouble() < 0.85 ? AssessmentResult.Qualified : AssessmentResult.Unqualified;
                stream.Add(new AssessmentRecorded(year, result, null, end, by, Stamp(end, 1)));
                if (result == AssessmentResult.Qualified)
                {
                    foreach (var m in members.Where(m => m.HeadTeacherSince.Year <= year - 2 && recognised.Add(m.Id)))
                    {
                        stream.Add(new RecognitionGranted(m.Id, RecognitionTitle.BackboneHeadTeacher, year, "seed000.member-2-years", "考核合格", end, by, Stamp(end, 2), m.Rural));
                        stream.Add(new TierGranted(m.Id, Tier.Backbone, "seed000.member-2-years", "考核合格", end, by, Stamp(end, 2), m.Rural));
                    }
                    if (recognised.Add(hostTeacher.Id) && hostTeacher.HeadTeacherSince.Year <= year - 5)
                    {
                        stream.Add(new RecognitionGranted(hostTeacher.Id, RecognitionTitle.HeadTeacherLeader, year, "seed000.host-5-years", "考核合格", end, by, Stamp(end, 2), rural));
                        stream.Add(new TierGranted(hostTeacher.Id, Tier.Leader, "seed000.host-5-years", "考核合格", end, by, Stamp(end, 2), rural));
                    }
                }
            }
        }
        return new GeneratedStream(new GeneratedStudio(id, region, [.. members.Select(m => m.Id)], stream.Count), stream);
    }

    /// <summary>Recorded the same day it happened (China time), so as-of queries see a realistic history.</summary>
    private static DateTimeOffset Stamp(DateOnly day, int minutes = 0) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(18, 0)), TimeSpan.FromHours(8)).AddMinutes(minutes);
}
