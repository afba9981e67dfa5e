using Marten;
using Workshops.Core.Auth;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Core;
using Workshops.Teachers;

namespace Workshops.Demo;

/// <summary>
/// The demo: a K-12 workshop in Xiamen modelled on seed 000, with a host, three members, two trainees, mentor pairs
/// and an outside expert; a vocational studio modelled on seed 001 (the other programme); and the records of the
/// workshop's host and first member. Loaded at start-up when Demo:Seed is true, each part when it is not there yet.
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
        if (await session.Events.FetchStreamStateAsync(StudioId, ct) is not null) return;

        var term = new DateOnly(2023, 9, 1);
        var next = new DateOnly(2024, 9, 1);
        object[] events =
        [
            new StudioEstablished(StudioId, "厦门市第一中学班主任工作坊", "厦门市第一中学", Region, StudioLevel.Municipal,
                Track.K12, false, founded, BuildMode.FamousTeacher, by, On(founded)),
            new HostAppointed(Host, founded, by, On(founded)),
            .. Members.Select(m => (object)new MemberJoined(m, founded, by, On(founded))),
            new ExpertInvited(Expert, founded, by, On(founded)),
            new TraineeEnrolled(Trainees[0], term, by, On(term)),
            new MentorshipFormed(Host.Id, Trainees[0].Id, term, by, On(term)),
            new TraineeEnrolled(Trainees[1], next, by, On(next)),
            new MentorshipFormed(Members[0].Id, Trainees[1].Id, next, by, On(next)),
        ];
        session.Events.StartStream<StudioState>(StudioId, events);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Demo studio {StudioId} loaded with {Count} events", StudioId, events.Length);
    }

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
