using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Programmes;

/// <summary>Rule sets listed, added as data, adopted per region and track, and resolved for a studio on a day.</summary>
public sealed class programmes_as_data(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task each_studio_gets_its_programme_and_a_region_adopts_another_from_a_day()
    {
        var sets = (await Host.Get("/api/rule-sets", School())).ShouldBe(200).Json.AsArray();
        Assert.Equal(["xiamen-k12-2022", "moe-vocational-2022", "national-k12-default"], sets.Select(s => s!["code"]!.GetValue<string>()));
        Assert.Equal("厦门市班主任带头人",
            sets[0]!["ladder"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == "leader")!["title"]!.GetValue<string>());

        var k12 = await Host.EstablishStudio(School());
        var vocational = await Host.EstablishStudio(School(), StudioBody(name: "厦门工商旅游学校班主任工作室", track: "vocational"));
        var beijing = await Host.EstablishStudio(Reviewer("110000"), StudioBody(name: "朝阳区工作坊", province: "110000", city: "110100", district: "110105"));
        async Task<string> RuleSetOf(Guid studio, string token, string? on = null) =>
            (await Host.Get($"/api/studios/{studio}/rule-set{(on is null ? "" : $"?on={on}")}", token)).ShouldBe(200).Json["ruleSet"]!["code"]!.GetValue<string>();
        Assert.Equal("xiamen-k12-2022", await RuleSetOf(k12, School()));
        Assert.Equal("moe-vocational-2022", await RuleSetOf(vocational, School()));
        Assert.Equal("national-k12-default", await RuleSetOf(beijing, Reviewer("110000")));

        var edition = new
        {
            code = "xiamen-k12-2026", title = "厦门市中小学班主任培训培养（2026年修订）", edition = "2026", source = "厦门市教育局2026年修订", issuer = "厦门市教育局",
            track = "k12", scope = "350200", effectiveFrom = "2026-03-01",
            roster = new { minMembers = 2, maxMembers = 6, maxKind = "hard", homeSchoolCore = false, source = "2026年修订 每个工作坊2-6名坊成员" },
            ladder = Array.Empty<object>(), targets = Array.Empty<object>(), hourPolicies = new[] { "head-teacher-30" },
        };
        (await Host.Post("/api/rule-sets", edition, School())).ShouldBeProblem(403);
        (await Host.Post("/api/rule-sets", edition, Reviewer())).ShouldBe(201);
        (await Host.Post("/api/rule-sets", edition, Reviewer())).ShouldBeProblem(422, "rule-set.exists");
        (await Host.Post("/api/rule-sets", new { code = "x" }, Reviewer())).ShouldBeProblem(400);

        (await Host.Put("/api/regions/350200/rule-sets", new { track = "k12", ruleSet = "xiamen-k12-2026", from = "2026-03-01" }, School())).ShouldBeProblem(403);
        (await Host.Put("/api/regions/350100/rule-sets", new { track = "k12", ruleSet = "xiamen-k12-2026" }, Reviewer("350200"))).ShouldBeProblem(403);
        (await Host.Put("/api/regions/350200/rule-sets", new { track = "vocational", ruleSet = "xiamen-k12-2026" }, Reviewer())).ShouldBeProblem(422, "rule-set.track");
        (await Host.Put("/api/regions/350200/rule-sets", new { track = "k12", ruleSet = "nope" }, Reviewer())).ShouldBeProblem(422, "rule-set.unknown");
        var adopted = (await Host.Put("/api/regions/350200/rule-sets", new { track = "k12", ruleSet = "xiamen-k12-2026", from = "2026-03-01" }, Reviewer()))
            .ShouldBe(200).Json;
        var k12Now = adopted["inEffect"]!.AsArray().Single(c => c!["ruleSet"]!["track"]!.GetValue<string>() == "k12")!;
        Assert.Equal(("xiamen-k12-2026", "adopted", "350200"),
            (k12Now["ruleSet"]!["code"]!.GetValue<string>(), k12Now["kind"]!.GetValue<string>(), k12Now["adoptedBy"]!.GetValue<string>()));

        Assert.Equal("xiamen-k12-2026", await RuleSetOf(k12, School()));
        Assert.Equal("xiamen-k12-2022", await RuleSetOf(k12, School(), "2026-02-28"));
        Assert.Equal("moe-vocational-2022", await RuleSetOf(vocational, School()));
        var region = (await Host.Get("/api/regions/350203/rule-sets?on=2026-02-28", School())).ShouldBe(200).Json;
        Assert.Equal("default", region["inEffect"]![0]!["kind"]!.GetValue<string>());
        Assert.Single(region["adoptions"]!.AsArray());
        (await Host.Get("/api/regions/35020x/rule-sets", School())).ShouldBeProblem(400);
    }
}
