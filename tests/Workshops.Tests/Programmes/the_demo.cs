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
}
