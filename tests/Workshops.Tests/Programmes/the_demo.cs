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
}
