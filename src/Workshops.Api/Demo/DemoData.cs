using Marten;
using Workshops.Core.Auth;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Core;
using Workshops.Outputs;
using Workshops.Showcase;
using Workshops.Teachers;

namespace Workshops.Demo;

/// <summary>
/// The demo: a K-12 workshop in Xiamen modelled on seed 000, with a host, three members, two trainees, mentor pairs
/// and an outside expert; a vocational studio modelled on seed 001 (the other programme); and the records of the
/// workshop's host and first member; the workshop's 2025 (plan, ledger, activities, reflections: <see cref="DemoYear"/>); and a typical case (典型案例) of each studio taken through the school's approval and the
/// district's recommendation to the city and published in the showcase, so the reviewers' tables (Annex 2 and 3, the
/// case and output searches) and the showcase have rows. Loaded at start-up when Demo:Seed is true, each part when it is not there yet.
/// Each fact is stamped as recorded on the day it describes (09:00 China time, never after now), as if the studio had
/// kept its records from the start: a read as of a past day, or a past year's reviewers' table, then shows the demo as
/// it stood (stamped when loaded, every past view of it was empty and every asOf read of the studio answered 404).
/// </summary>
public sealed class DemoData(IDocumentStore store, TimeProvider clock, ILogger<DemoData> logger) : IHostedService
{
    public static readonly Guid StudioId = Guid.Parse("0195a000-3502-7030-8000-000000000001");
    public const string HostTeacherId = "T350203-0100";
    public static readonly Region Region = new("350000", "350200", "350203");

    public static readonly TeacherInfo Host = new("T350203-0100", "陈美玲", Gender.Female, "厦门市第一中学", "语文", "高级教师",
        new DateOnly(2008, 9, 1), new DateOnly(2005, 9, 1), true, false, 1982, true, true);

    public static readonly TeacherInfo[] Members =
    [
        new("T350203-0001", "林晓燕", Gender.Female, "厦门市第一中学", "语文", "一级教师",
            new DateOnly(2019, 9, 1), new DateOnly(2015, 9, 1), true, false, 1991, true),
        new("T350203-0002", "黄志强", Gender.Male, "厦门市第一中学", "数学", "一级教师",
            new DateOnly(2016, 9, 1), new DateOnly(2012, 9, 1), true, false, 1988, false),
        new("T350203-0003", "郑雅琴", Gender.Female, "厦门双十中学", "英语", "二级教师",
            new DateOnly(2021, 9, 1), new DateOnly(2020, 9, 1), true, false, 1996, false),
    ];

    public static readonly TeacherInfo[] Trainees =
    [
        new("T350212-0101", "吴思远", Gender.Male, "厦门市同安区汀溪中学", "物理", "二级教师",
            new DateOnly(2023, 9, 1), new DateOnly(2023, 8, 20), true, true, 2000, false),
        new("T350203-0102", "苏婉清", Gender.Female, "厦门市第一中学", "化学", "未定级",
            new DateOnly(2024, 9, 1), new DateOnly(2024, 8, 25), true, false, 2001, false),
    ];

    public static readonly Expert Expert = new("E350200-0001", "王建华", ExpertKind.Researcher, "厦门市教育科学研究院", "德育教研员");

    public static readonly Guid VocationalStudioId = Guid.Parse("0195a000-3502-7030-8000-000000000002");

    public static readonly TeacherInfo[] Vocational =
    [
        new("T350203-0201", "许丽萍", Gender.Female, "厦门工商旅游学校", "旅游服务与管理", "高级教师",
            new DateOnly(2009, 9, 1), new DateOnly(2006, 9, 1), true, false, 1984, true),
        new("T350203-0202", "陈建国", Gender.Male, "厦门工商旅游学校", "电子商务", "一级教师",
            new DateOnly(2017, 9, 1), new DateOnly(2014, 9, 1), true, false, 1990, true),
        new("T350203-0203", "李雪梅", Gender.Female, "厦门工商旅游学校", "会计", "一级教师",
            new DateOnly(2018, 9, 1), new DateOnly(2016, 9, 1), true, false, 1993, false),
        new("T350203-0204", "周文斌", Gender.Male, "厦门工商旅游学校", "心理健康", "二级教师",
            new DateOnly(2022, 9, 1), new DateOnly(2021, 9, 1), true, false, 1997, false),
    ];

    public async Task StartAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var by = new Actor("school:厦门市第一中学管理员", "厦门市第一中学管理员", Role.School);
        var now = clock.GetUtcNow();
        DateTimeOffset On(DateOnly day) => Min(new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)), now);
        var founded = new DateOnly(2022, 10, 16);
        if (await session.Events.FetchStreamStateAsync(VocationalStudioId, ct) is null)
        {
            var opened = new DateOnly(2022, 9, 1);
            var at = On(opened);
            session.Events.StartStream<Studio>(VocationalStudioId,
            [
                new StudioEstablished(VocationalStudioId, "厦门工商旅游学校班主任工作室", "厦门工商旅游学校", Region, StudioLevel.School,
                    Track.Vocational, false, opened, BuildMode.ModularTeam, by, at),
                new HostAppointed(Vocational[0], opened, by, at),
                .. Vocational[1..].Select(m => (object)new MemberJoined(m, opened, by, at)),
            ]);
        }
        // The records were entered when the workshop was founded, with facts going back years.
        foreach (var record in Records(by, On(founded)))
        {
            var id = TeacherStreams.IdOf(record[0].TeacherId);
            if (await session.Events.FetchStreamStateAsync(id, ct) is null) session.Events.StartStream<TeacherRecord>(id, [.. record.Cast<object>()]);
        }
        await session.SaveChangesAsync(ct);
        if (await session.Events.FetchStreamStateAsync(StudioId, ct) is null) await Workshop(session, by, On, founded, ct);
        // Its own part: a demo loaded before the year of work was part of it gets it, once the year it describes is over
        // (before then it had not happened). A 2025 plan there already, however it came, leaves the year as it is.
        if (now.ToOffset(TimeSpan.FromHours(8)).Year > DemoYear.Year) await YearOfWork(On, ct);
        foreach (var (studio, output, events) in Cases(On))
        {
            // Its own part: a demo loaded before the cases were part of it gets them too.
            if (await session.LoadAsync<OutputStanding>(output, ct) is not null) continue;
            session.Events.Append(studio, events);
            await session.SaveChangesAsync(ct);
            logger.LogInformation("Demo case {OutputId} of studio {StudioId} loaded with {Count} events", output, studio, events.Length);
        }
    }

    private async Task Workshop(IDocumentSession session, Actor by, Func<DateOnly, DateTimeOffset> on, DateOnly founded, CancellationToken ct)
    {
        var term = new DateOnly(2023, 9, 1);
        var next = new DateOnly(2024, 9, 1);
        object[] events =
        [
            new StudioEstablished(StudioId, "厦门市第一中学班主任工作坊", "厦门市第一中学", Region, StudioLevel.Municipal,
                Track.K12, false, founded, BuildMode.FamousTeacher, by, on(founded)),
            new HostAppointed(Host, founded, by, on(founded)),
            .. Members.Select(m => (object)new MemberJoined(m, founded, by, on(founded))),
            new ExpertInvited(Expert, founded, by, on(founded)),
            new TraineeEnrolled(Trainees[0], term, by, on(term)),
            new MentorshipFormed(Host.Id, Trainees[0].Id, term, by, on(term)),
            new TraineeEnrolled(Trainees[1], next, by, on(next)),
            new MentorshipFormed(Members[0].Id, Trainees[1].Id, next, by, on(next)),
        ];
        session.Events.StartStream<StudioState>(StudioId, events);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Demo studio {StudioId} loaded with {Count} events", StudioId, events.Length);
    }

    /// <summary>
    /// The workshop's year of work in one transaction, appended as the endpoints append (fetched for writing, so the inline
    /// views see each event's version). In an identity session an activity corrected in the same transaction finds the
    /// entry its logging stored.
    /// </summary>
    private async Task YearOfWork(Func<DateOnly, DateTimeOffset> on, CancellationToken ct)
    {
        await using var session = store.IdentitySession();
        var stream = await session.Events.FetchForWriting<StudioState>(StudioId, ct);
        if (stream.Aggregate is not { } workshop || workshop.Plans.ContainsKey(DemoYear.Year)) return;
        var events = DemoYear.Events(workshop, on);
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Demo studio {StudioId}'s {Year} loaded with {Count} events", StudioId, DemoYear.Year, events.Count);
    }

    /// <summary>The demo's typical cases: the pick of a province's package (the submissions example names the vocational one).</summary>
    public static readonly Guid WorkshopCaseId = Guid.Parse("0195d2a0-7c00-7000-8000-000000000002");
    public static readonly Guid VocationalCaseId = Guid.Parse("0195d2a0-7c00-7000-8000-000000000001");

    /// <summary>
    /// One typical case per studio, each on the days it happened: drafted by its authors' host, submitted, approved by the
    /// school (学校审核), recommended by the district's reviewer to the city (seed 001 四: cases are recommended upward level by
    /// level), and published with the studio's profile in the showcase.
    /// </summary>
    private static IEnumerable<(Guid Studio, Guid Output, object[] Events)> Cases(Func<DateOnly, DateTimeOffset> on)
    {
        var school = new Actor("school:厦门市第一中学管理员", "厦门市第一中学管理员", Role.School);
        var district = new Actor("reviewer:思明区教育局", "思明区教育局评审", Role.Reviewer);
        IEnumerable<object> Through(Guid output, int year, Actor host, DateOnly submitted, DateOnly approved, DateOnly recommended, DateOnly published) =>
        [
            new OutputSubmitted(output, year, host, on(submitted), "请学校审核，推荐参加区级典型案例评选。"),
            new OutputApproved(output, year, "案例真实完整，同意上报。", school, on(approved)),
            new OutputRecommended(output, year, RecommendationLevel.City, "推荐参加全市班主任工作室典型案例交流。", district, on(recommended)),
            new OutputPublished(output, host, on(published)),
        ];

        var host = new Actor($"host:{Host.Name}", Host.Name, Role.Host);
        var drafted = new DateOnly(2025, 5, 20);
        yield return (StudioId, WorkshopCaseId,
        [
            new OutputDrafted(WorkshopCaseId, new OutputFacts(OutputKind.TypicalCase, CaseCategory.KeyStudentSupport,
                "从“不想来学校”到图书角管理员——一名初二学生的转变", [Members[0].Id, Host.Id], drafted,
                "针对一名因家庭变故而厌学的初二学生，工作坊以“一生一策”会诊、导师结对和班级岗位赋能三步帮扶，一学期后该生出勤恢复正常并主动承担班级事务。",
                WorkshopCase, []), host, on(drafted)),
            .. Through(WorkshopCaseId, 2025, host, new DateOnly(2025, 5, 26), new DateOnly(2025, 6, 3), new DateOnly(2025, 6, 17), new DateOnly(2025, 6, 20)),
            new StudioProfilePublished(host, on(new DateOnly(2025, 6, 20))),
        ]);

        var vocationalHost = new Actor($"host:{Vocational[0].Name}", Vocational[0].Name, Role.Host);
        var written = new DateOnly(2025, 6, 10);
        yield return (VocationalStudioId, VocationalCaseId,
        [
            new OutputDrafted(VocationalCaseId, new OutputFacts(OutputKind.TypicalCase, CaseCategory.HomeSchoolCommunication,
                "三方约谈与每周一报：一名顶岗实习前学生的家校协同帮扶", [Vocational[1].Id, Vocational[0].Id], written,
                "一名电子商务专业学生实习前与家长冲突激烈、拒绝参加实习。工作室组织学校、家长、企业三方约谈，建立“每周一报”沟通机制，学生顺利完成实习并获企业好评。",
                VocationalCase, []), vocationalHost, on(written)),
            .. Through(VocationalCaseId, 2025, vocationalHost, new DateOnly(2025, 6, 16), new DateOnly(2025, 6, 24), new DateOnly(2025, 7, 8),
                new DateOnly(2025, 7, 10)),
            new StudioProfilePublished(vocationalHost, on(new DateOnly(2025, 7, 10))),
        ]);
    }

    private const string WorkshopCase =
        "一、案例背景\n小宇（化名）是初二学生，父母离异后随祖父母生活，开学一个月内迟到早退十余次，作业基本不交，常说“不想来学校”。" +
        "二、会诊与分析\n工作坊组织典型学生会诊，坊主、班主任与心理健康教师共同分析：小宇成绩中等，喜欢阅读，缺的是在集体中被需要的感觉。" +
        "三、帮扶措施\n1. 一生一策：与祖父母约定每周一次电话家访，记录出勤与情绪变化；2. 导师结对：由坊成员林晓燕老师每周谈心一次；" +
        "3. 岗位赋能：请小宇担任班级图书角管理员，负责图书登记和每月好书推荐。\n" +
        "四、成效与反思\n一学期后小宇出勤恢复正常，在班会上作了两次好书推荐，期末成绩提高二十余名。帮扶的关键是找到学生的长处，" +
        "让他在班级中承担责任；家校沟通要固定频次、先讲进步。";

    private const string VocationalCase =
        "一、案例背景\n小杰（化名）是电子商务专业三年级学生，顶岗实习前与父母因是否继续升学发生激烈冲突，拒绝参加实习，情绪低落。" +
        "二、分析\n工作室成员会商认为，冲突源于家长对实习岗位不了解、学生对职业前景缺乏信心，单靠班主任谈话难以化解。" +
        "三、措施\n1. 三方约谈：学校、家长、实习企业共同介绍岗位内容、安全保障和成长路径；2. 每周一报：班主任每周向家长反馈实习情况，" +
        "企业导师每周与学生交流一次；3. 生涯辅导：由工作室心理健康教师开展两次生涯规划辅导。\n" +
        "四、成效\n小杰按时参加实习，三个月后获企业“优秀实习生”称号，家长主动参加学校家长会。家校沟通要让家长看见岗位、看见成长，" +
        "协同育人才能落地。";

    /// <summary>The workshop host's record (two periods as head teacher with a gap, titles, a 市学科带头人 honour) and a member's.</summary>
    private static IEnumerable<ITeacherEvent[]> Records(Actor by, DateTimeOffset at)
    {
        var first = Guid.Parse("0195a000-3502-7030-8000-000000000101");
        var second = Guid.Parse("0195a000-3502-7030-8000-000000000102");
        yield return
        [
            new TeacherRegistered(Host.Id, Host.Name, Host.Gender, Host.BirthYear, Host.School, Region.Code, Track.K12, false, Host.Subject,
                new Education(EducationLevel.Master, "福建师范大学", "课程与教学论"), true, by, at),
            new TeachingStarted(Host.Id, Guid.Parse("0195a000-3502-7030-8000-000000000100"), Host.TeachingSince, null, null, by, at),
            new HeadTeacherServiceStarted(Host.Id, first, first, Host.HeadTeacherSince, Host.School, null, null, by, at),
            new HeadTeacherServiceEnded(Host.Id, Guid.Parse("0195a000-3502-7030-8000-000000000103"), first, new DateOnly(2012, 7, 31), null, null, by, at),
            new HeadTeacherServiceStarted(Host.Id, second, second, new DateOnly(2013, 9, 1), Host.School, null, null, by, at),
            new ProfessionalTitleChanged(Host.Id, Guid.Parse("0195a000-3502-7030-8000-000000000104"), ProfessionalTitle.First, new DateOnly(2012, 12, 1),
                null, null, by, at),
            new ProfessionalTitleChanged(Host.Id, Guid.Parse("0195a000-3502-7030-8000-000000000105"), ProfessionalTitle.Senior, new DateOnly(2019, 12, 1),
                null, null, by, at),
            new HonourConferred(Host.Id, Guid.Parse("0195a000-3502-7030-8000-000000000106"), HonourKind.SubjectLeader, HonourLevel.Municipal,
                "厦门市教育局", "厦门市语文学科带头人", Host.Subject, new DateOnly(2021, 6, 1), null, null, null, by, at),
        ];
        var member = Members[0];
        var period = Guid.Parse("0195a000-3502-7030-8000-000000000111");
        yield return
        [
            new TeacherRegistered(member.Id, member.Name, member.Gender, member.BirthYear, member.School, Region.Code, Track.K12, false, member.Subject,
                new Education(EducationLevel.Bachelor, "闽南师范大学", "汉语言文学"), true, by, at),
            new TeachingStarted(member.Id, Guid.Parse("0195a000-3502-7030-8000-000000000110"), member.TeachingSince, null, null, by, at),
            new HeadTeacherServiceStarted(member.Id, period, period, member.HeadTeacherSince, member.School, null, null, by, at),
            new ProfessionalTitleChanged(member.Id, Guid.Parse("0195a000-3502-7030-8000-000000000112"), ProfessionalTitle.First, new DateOnly(2020, 12, 1),
                null, null, by, at),
        ];
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

public static class DemoSetup
{
    public static WebApplicationBuilder AddDemoData(this WebApplicationBuilder builder)
    {
        if (builder.Configuration.GetValue<bool>("Demo:Seed")) builder.Services.AddHostedService<DemoData>();
        return builder;
    }
}
