using Marten;
using Workshops.Core.Auth;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Core;

namespace Workshops.Demo;

/// <summary>
/// The demo studio: a K-12 workshop in Xiamen modelled on seed 000, with a host, three members, two trainees,
/// mentor pairs and an outside expert. Loaded at start-up when Demo:Seed is true and it is not there yet.
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

    public async Task StartAsync(CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        if (await session.Events.FetchStreamStateAsync(StudioId, ct) is not null) return;

        var by = new Actor("school:厦门市第一中学管理员", "厦门市第一中学管理员", Role.School);
        var at = clock.GetUtcNow();
        var founded = new DateOnly(2022, 10, 16);
        var term = new DateOnly(2023, 9, 1);
        object[] events =
        [
            new StudioEstablished(StudioId, "厦门市第一中学班主任工作坊", "厦门市第一中学", Region, StudioLevel.Municipal,
                Track.K12, false, founded, BuildMode.FamousTeacher, by, at),
            new HostAppointed(Host, founded, by, at),
            .. Members.Select(m => (object)new MemberJoined(m, founded, by, at)),
            new TraineeEnrolled(Trainees[0], term, by, at),
            new TraineeEnrolled(Trainees[1], new DateOnly(2024, 9, 1), by, at),
            new MentorshipFormed(Host.Id, Trainees[0].Id, term, by, at),
            new MentorshipFormed(Members[0].Id, Trainees[1].Id, new DateOnly(2024, 9, 1), by, at),
            new ExpertInvited(Expert, founded, by, at),
        ];
        session.Events.StartStream<StudioState>(StudioId, events);
        await session.SaveChangesAsync(ct);
        logger.LogInformation("Demo studio {StudioId} loaded with {Count} events", StudioId, events.Length);
    }

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
