using Workshops.Tests.Support;

namespace Workshops.Tests.Reports;

/// <summary>The dashboard compares a region only with the targets its adopted rule sets define.</summary>
public sealed class dashboard_targets(AppFixture fixture) : ApiTest(fixture)
{
    private static IEnumerable<string> Codes(System.Text.Json.Nodes.JsonNode dashboard) =>
        dashboard["measures"]!.AsArray().Select(m => m!["code"]!.GetValue<string>());

    [Fact]
    public async Task xiamen_has_seed_000s_targets_and_other_regions_none()
    {
        Clock.Set(2026, 3, 1);
        var xiamen = (await Host.Get("/api/regions/350200/dashboard", Reviewer("350200"))).ShouldBe(200).Json;
        Assert.Equal(["studios", "leaders", "backbone", "experts", "rural-backbone", "rural-leaders", "rural-trained"], Codes(xiamen));
        Assert.Equal(2030, xiamen["targetYear"]!.GetValue<int>());
        Assert.Contains("xiamen-k12-2022", xiamen["ruleSets"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(50, xiamen["measures"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == "rural-leaders")!["target"]!.GetValue<int>());

        var fuzhou = (await Host.Get("/api/regions/350100/dashboard", Reviewer("350100"))).ShouldBe(200).Json;
        Assert.Empty(Codes(fuzhou));
        Assert.Equal(0, fuzhou["targetYear"]!.GetValue<int>());
        Assert.Equal(["national-k12-default", "moe-vocational-2022"], fuzhou["ruleSets"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task a_region_that_adopts_a_set_without_targets_is_compared_with_none_from_then_on()
    {
        Clock.Set(2026, 3, 1);
        (await Host.Put("/api/regions/350200/rule-sets", new { track = "k12", ruleSet = "national-k12-default", from = "2026-01-01" }, Reviewer("350200")))
            .ShouldBe(200);
        Assert.Empty(Codes((await Host.Get("/api/regions/350200/dashboard?year=2026", Reviewer("350200"))).Json));
        Assert.Contains("backbone", Codes((await Host.Get("/api/regions/350200/dashboard?year=2025", Reviewer("350200"))).Json));
    }
}
