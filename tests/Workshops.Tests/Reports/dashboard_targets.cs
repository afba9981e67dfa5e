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
    private static object Registration(string id, string name) => new
    {
        id, name, gender = "female", school = "厦门市第一中学", region = "350203", subject = "语文", teachingSince = "2005-09-01",
        headTeacherSince = "2008-09-01",
    };

    [Fact]
    public async Task recognitions_on_teacher_records_count_once_beside_the_studios_titles()
    {
        Clock.Set(2025, 12, 20);
        var id = await Host.StaffedStudio(School());
        var reviewer = Reviewer("350200");
        (await Host.Post("/api/teachers", Registration("H1", "陈美玲"), School())).ShouldBe(201);
        // E1 is on no studio: selected, trained and recognised as 专家型班主任 on the record alone.
        (await Host.Post("/api/teachers", Registration("E1", "王丽华"), School())).ShouldBe(201);
        (await Host.Post("/api/teachers/E1/honours", new { honour = "moral-education-leader", level = "municipal", issuer = "厦门市教育局", on = "2023-05-01" },
            School())).ShouldBe(200);
        (await Host.Post("/api/teachers/E1/expert-candidacy", new { on = "2024-03-01", mentors = new[] { "北京师范大学 某教授", "厦门市第一中学 王老师" } }, reviewer))
            .ShouldBe(200);
        (await Host.Post("/api/teachers/E1/expert-candidacy/training", new { on = "2025-12-01", note = "双导师培养结业" }, reviewer)).ShouldBe(200);
        (await Host.Post("/api/teachers/E1/recognitions", new { rung = "expert", on = "2025-12-01" }, reviewer)).ShouldBe(200);
        // H1's leader title goes both to the studio's stream and to H1's record.
        (await Host.Post($"/api/studios/{id}/assessments/2025", new { result = "qualified" }, Reviewer())).ShouldBe(200);
        await Settle();

        var dashboard = (await Host.Get("/api/regions/350200/dashboard?year=2025", reviewer)).ShouldBe(200).Json;
        int Measure(string code) => dashboard["measures"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == code)!["value"]!.GetValue<int>();
        Assert.Equal(1, Measure("experts"));
        Assert.Equal(1, Measure("leaders"));

        // A revoked recognition leaves the count.
        (await Host.Post("/api/teachers/E1/recognitions/revocations", new { rung = "expert", reason = "年度考核不合格" }, reviewer)).ShouldBe(200);
        await Settle();
        var after = (await Host.Get("/api/regions/350200/dashboard?year=2025", reviewer)).ShouldBe(200).Json;
        Assert.Equal(0, after["measures"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == "experts")!["value"]!.GetValue<int>());
        Assert.Equal(1, Measure("leaders"));
    }
}
