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
}
