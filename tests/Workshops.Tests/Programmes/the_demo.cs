using Microsoft.Extensions.Logging.Abstractions;
using Workshops.Demo;
using Workshops.Tests.Support;

namespace Workshops.Tests.Programmes;

/// <summary>The demo data shows both programmes and teacher records, and loading it twice adds nothing.</summary>
public sealed class the_demo(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_demo_has_a_studio_of_each_programme_and_teacher_records()
    {
        var demo = new DemoData(Fixture.Store, Clock, NullLogger<DemoData>.Instance);
        await demo.StartAsync(CancellationToken.None);
        await demo.StartAsync(CancellationToken.None);

        var school = School("350203");
        Assert.Equal("xiamen-k12-2022", (await Host.Get($"/api/studios/{DemoData.StudioId}/rule-set", school)).ShouldBe(200).Json["ruleSet"]!["code"]!.GetValue<string>());
        Assert.Equal("moe-vocational-2022",
            (await Host.Get($"/api/studios/{DemoData.VocationalStudioId}/rule-set", school)).ShouldBe(200).Json["ruleSet"]!["code"]!.GetValue<string>());
        var host = (await Host.Get($"/api/teachers/{DemoData.HostTeacherId}/facts", school)).ShouldBe(200).Json;
        Assert.Equal((2, 16, "senior"), (host["headTeacherPeriods"]!.AsArray().Count, host["headTeacherYears"]!.GetValue<int>(), host["title"]!.GetValue<string>()));
        Assert.Equal(8, (await Host.Get($"/api/teachers/{DemoData.HostTeacherId}", school)).Json["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task the_demo_reads_as_of_a_past_day_and_in_a_past_years_tables()
    {
        await new DemoData(Fixture.Store, Clock, NullLogger<DemoData>.Instance).StartAsync(CancellationToken.None);
        await Settle();
        var reviewer = Reviewer(DemoData.Region.City);

        // Recorded on the days they describe: the workshop stood in 2023 with its members, before its trainees came.
        var then = (await Host.Get($"/api/studios/{DemoData.StudioId}/checklist?asOf=2023-06-01", reviewer)).ShouldBe(200).Json;
        Assert.Equal("2023-06-01", then["asOf"]!.GetValue<string>());
        var studio = (await Host.Get($"/api/studios/{DemoData.StudioId}/years/2023?asOf=2023-06-01", reviewer)).ShouldBe(200).Json;
        Assert.Equal("厦门市第一中学班主任工作坊", studio["studioName"]!.GetValue<string>());
        Assert.Contains(DemoData.VocationalStudioId.ToString(),
            (await Host.Get("/api/reviews/studios?year=2025", reviewer)).ShouldBe(200).Text);
        Assert.Contains(DemoData.StudioId.ToString(), (await Host.Get("/api/reviews/workshops?year=2024", reviewer)).ShouldBe(200).Text);
        // Nothing is stamped before it happened: in 2022 before the founding there was no workshop yet.
        (await Host.Get($"/api/studios/{DemoData.StudioId}/checklist?asOf=2022-10-01", reviewer)).ShouldBeProblem(404);
    }

    /// <summary>
    /// A reviewer who tries the demo finds rows in every table they read: Annex 2 of each programme with the year's approved
    /// case counted, Annex 3 of each programme with the studio's typical case recommended to the city, the case search and
    /// the output search by a Chinese phrase of a case, and the public showcase's studios and outputs.
    /// </summary>
    [Theory]
    [InlineData("/api/reviews/studios?year=2025", "VocationalStudio")]
    [InlineData("/api/reviews/workshops?year=2025", "Studio")]
    [InlineData("/api/reviews/cases", "VocationalCase")]
    [InlineData("/api/reviews/workshop-cases", "WorkshopCase")]
    [InlineData("/api/reviews/cases?year=2025&category=home-school-communication&q=" + "三方约谈", "VocationalCase")]
    [InlineData("/api/reviews/workshop-cases?q=" + "图书角", "WorkshopCase")]
    [InlineData("/api/reviews/outputs?q=" + "家校", "VocationalCase")]
    [InlineData("/api/reviews/outputs?kind=typical-case&year=2025", "WorkshopCase")]
    [InlineData("/api/showcase/outputs", "WorkshopCase")]
    [InlineData("/api/showcase/outputs?q=" + "实习", "VocationalCase")]
    [InlineData("/api/showcase/studios", "Studio")]
    [InlineData("/api/showcase/studios", "VocationalStudio")]
    public async Task every_reviewers_table_and_the_showcase_has_the_demos_rows(string url, string expected)
    {
        await new DemoData(Fixture.Store, Clock, NullLogger<DemoData>.Instance).StartAsync(CancellationToken.None);
        await Settle();
        var id = expected switch
        {
            "Studio" => DemoData.StudioId,
            "VocationalStudio" => DemoData.VocationalStudioId,
            "WorkshopCase" => DemoData.WorkshopCaseId,
            _ => DemoData.VocationalCaseId,
        };
        var anonymous = url.StartsWith("/api/showcase/", StringComparison.Ordinal);

        var items = (await Host.Get(url, anonymous ? null : Reviewer(DemoData.Region.City))).ShouldBe(200).Json["items"]!.AsArray();

        Assert.NotEmpty(items);
        var key = expected.EndsWith("Case", StringComparison.Ordinal) ? "outputId" : "studioId";
        Assert.Contains(items, row => row![key]?.GetValue<string>() == id.ToString());
    }

    /// <summary>The demo's cases went the whole way: drafted, submitted, approved by the school, recommended to the city; loading twice adds none.</summary>
    [Fact]
    public async Task the_demos_cases_are_approved_and_recommended_on_the_days_they_describe()
    {
        var demo = new DemoData(Fixture.Store, Clock, NullLogger<DemoData>.Instance);
        await demo.StartAsync(CancellationToken.None);
        await demo.StartAsync(CancellationToken.None);
        await Settle();
        var reviewer = Reviewer(DemoData.Region.City);

        var vocational = (await Host.Get($"/api/reviews/cases/{DemoData.VocationalCaseId}", reviewer)).ShouldBe(200).Json;
        Assert.Equal(("recommended", "city", 2025), (vocational["state"]!.GetValue<string>(), vocational["level"]!.GetValue<string>(), vocational["year"]!.GetValue<int>()));
        var row = (await Host.Get("/api/reviews/workshops?year=2025", reviewer)).ShouldBe(200).Json["items"]!.AsArray()
            .Single(r => r!["studioId"]!.GetValue<string>() == DemoData.StudioId.ToString())!;
        Assert.Equal(1, row["outputsByKind"]!["typical-case"]!.GetValue<int>());
        // Loaded twice, each case is there once.
        Assert.Single((await Host.Get("/api/reviews/workshop-cases", reviewer)).ShouldBe(200).Json["items"]!.AsArray());
        Assert.Single((await Host.Get("/api/reviews/cases", reviewer)).ShouldBe(200).Json["items"]!.AsArray());
    }
    /// <summary>
    /// The workshop's 2025 as its host recorded it: the approved plan's four tasks in the ledger, two closed off with the
    /// activities that did them; seven activities across the five domains with hours per attendee; two reflections.
    /// </summary>
    [Fact]
    public async Task the_demos_workshop_shows_a_year_of_work_in_its_year_view_and_ledger()
    {
        var demo = new DemoData(Fixture.Store, Clock, NullLogger<DemoData>.Instance);
        await demo.StartAsync(CancellationToken.None);
        await Settle();
        var school = School("350203");

        var year = (await Host.Get($"/api/studios/{DemoData.StudioId}/years/2025", school)).ShouldBe(200).Json;
        Assert.True(year["plan"]!["approved"]!.GetValue<bool>());
        Assert.Equal(7, year["activities"]!["count"]!.GetValue<int>());
        Assert.True(year["activities"]!["hours"]!.GetValue<decimal>() > 0);
        Assert.Empty(year["activities"]!["domainsMissing"]!.AsArray());
        Assert.Contains(year["attendance"]!.AsArray(), t => t!["teacherId"]!.GetValue<string>() == DemoData.Trainees[0].Id && t["hours"]!.GetValue<decimal>() > 0);
        Assert.Equal(2, year["reflections"]!.AsArray().Count);

        var ledger = (await Host.Get($"/api/studios/{DemoData.StudioId}/ledger/2025", school)).ShouldBe(200).Json;
        var tasks = ledger["tasks"]!.AsArray();
        Assert.Equal(4, tasks.Count);
        var closed = tasks.Where(t => t!["status"]!.GetValue<string>() == "closed").ToList();
        Assert.Equal(2, closed.Count);
        Assert.All(closed, t => Assert.NotEmpty(t!["closingActivities"]!.AsArray()));
        Assert.Contains(tasks, t => t!["title"]!.GetValue<string>() == "组织主题班会观摩研讨" && t["status"]!.GetValue<string>() == "closed");
    }

    /// <summary>The corrected activity reads as corrected (three hours from the sign-in sheet), its earlier facts kept in history.</summary>
    [Fact]
    public async Task the_demos_corrected_activity_shows_the_corrected_hours()
    {
        await new DemoData(Fixture.Store, Clock, NullLogger<DemoData>.Instance).StartAsync(CancellationToken.None);
        await Settle();

        var list = (await Host.Get($"/api/studios/{DemoData.StudioId}/activities?year=2025&kind=observation-showcase", School("350203"))).ShouldBe(200).Json;
        var showcase = Assert.Single(list["items"]!.AsArray())!;
        Assert.Equal((3m, "主题班会观摩研讨", 1),
            (showcase["hours"]!.GetValue<decimal>(), showcase["title"]!.GetValue<string>(), showcase["corrections"]!.GetValue<int>()));
    }

    [Fact]
    public async Task the_demos_annual_report_has_rows_in_its_tables()
    {
        await new DemoData(Fixture.Store, Clock, NullLogger<DemoData>.Instance).StartAsync(CancellationToken.None);
        await Settle();

        var report = (await Host.Get($"/api/studios/{DemoData.StudioId}/reports/annual/2025", School("350203"))).ShouldBe(200).Json;

        Assert.NotEmpty(report["roster"]!.AsArray());
        Assert.NotEmpty(report["activities"]!["byKind"]!.AsArray());
        Assert.NotEmpty(report["activities"]!["byDomain"]!.AsArray());
        Assert.Equal((4, 2), (report["ledger"]!["opened"]!.GetValue<int>(), report["ledger"]!["closed"]!.GetValue<int>()));
    }

    [Fact]
    public async Task the_feed_and_xapi_carry_the_demos_activities()
    {
        await new DemoData(Fixture.Store, Clock, NullLogger<DemoData>.Instance).StartAsync(CancellationToken.None);
        await Settle();
        var client = Token(Workshops.Core.Auth.Role.Integration, "厦门市教育局数据平台", region: DemoData.Region.City);

        var events = (await Host.Get("/api/feed?limit=500", client)).ShouldBe(200).Json["events"]!.AsArray();
        Assert.Contains(events, e => e!["type"]!.GetValue<string>() == "activity.logged" && e["studioId"]!.GetValue<string>() == DemoData.StudioId.ToString());
        Assert.Contains(events, e => e!["type"]!.GetValue<string>() == "task.closed");
        Assert.NotEmpty((await Host.Get("/api/xapi/statements?limit=500", client)).ShouldBe(200).Json["statements"]!.AsArray());
    }

    /// <summary>Loaded twice, the workshop's stream takes no second year: its version and the year's counts stay.</summary>
    [Fact]
    public async Task loading_the_demo_twice_adds_nothing_to_its_year()
    {
        var demo = new DemoData(Fixture.Store, Clock, NullLogger<DemoData>.Instance);
        await demo.StartAsync(CancellationToken.None);
        var version = (await Fixture.Store.LightweightSession().Events.FetchStreamStateAsync(DemoData.StudioId))!.Version;

        await demo.StartAsync(CancellationToken.None);

        Assert.Equal(version, (await Fixture.Store.LightweightSession().Events.FetchStreamStateAsync(DemoData.StudioId))!.Version);
        await Settle();
        var year = (await Host.Get($"/api/studios/{DemoData.StudioId}/years/2025", School("350203"))).ShouldBe(200).Json;
        Assert.Equal((7, 2), (year["activities"]!["count"]!.GetValue<int>(), year["reflections"]!.AsArray().Count));
    }
    /// <summary>
    /// A database holding the demo as loaded before its year was over (no 2025 then: it had not happened) gets the year
    /// when loaded again after it, once; its case stays as recorded.
    /// </summary>
    [Fact]
    public async Task a_demo_loaded_before_the_year_was_over_gets_the_year_once_later()
    {
        var demo = new DemoData(Fixture.Store, Clock, NullLogger<DemoData>.Instance);
        Clock.Set(2025, 7, 1);
        await demo.StartAsync(CancellationToken.None);
        var before = (await Fixture.Store.LightweightSession().Events.FetchStreamStateAsync(DemoData.StudioId))!.Version;

        Clock.Now = TestClock.Start;
        await demo.StartAsync(CancellationToken.None);
        await demo.StartAsync(CancellationToken.None);
        await Settle();

        var year = (await Host.Get($"/api/studios/{DemoData.StudioId}/years/2025", School("350203"))).ShouldBe(200).Json;
        Assert.Equal((7, 1), (year["activities"]!["count"]!.GetValue<int>(), year["outputs"]!["count"]!.GetValue<int>()));
        Assert.True((await Fixture.Store.LightweightSession().Events.FetchStreamStateAsync(DemoData.StudioId))!.Version > before);
        Assert.Equal(4, (await Host.Get($"/api/studios/{DemoData.StudioId}/ledger/2025", School("350203"))).ShouldBe(200).Json["tasks"]!.AsArray().Count);
    }
}
