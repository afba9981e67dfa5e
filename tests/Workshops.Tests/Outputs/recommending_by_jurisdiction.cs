using Workshops.Outputs;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Outputs;

/// <summary>The recommendation ladder as a pure function: a reviewer recommends to the next level above their jurisdiction.</summary>
public sealed class recommendation_ladder
{
    [Theory]
    [InlineData("350203", RecommendationLevel.City)]      // a district reviewer → municipal
    [InlineData("350200", RecommendationLevel.Province)]  // a city reviewer → provincial
    [InlineData("110100", RecommendationLevel.Province)]  // a municipality's city code is a city
    [InlineData("350000", RecommendationLevel.Ministry)]  // a province reviewer → the ministry
    [InlineData("000000", RecommendationLevel.Ministry)]  // a national reviewer
    public void each_jurisdiction_recommends_to_the_next_level_above_it(string region, RecommendationLevel level)
    {
        Assert.Equal(level, OutputRules.RecommendsTo(region));
        Assert.Null(OutputRules.Recommends(region, level));
    }

    [Theory]
    [InlineData("350203", RecommendationLevel.District)]
    [InlineData("350203", RecommendationLevel.Province)]
    [InlineData("350203", RecommendationLevel.Ministry)]
    [InlineData("350200", RecommendationLevel.City)]
    [InlineData("350200", RecommendationLevel.Ministry)]
    [InlineData("350000", RecommendationLevel.Province)]
    [InlineData("000000", RecommendationLevel.Province)]
    public void any_other_level_is_refused_by_name(string region, RecommendationLevel level) =>
        Assert.Equal("output.level-outside-jurisdiction", OutputRules.Recommends(region, level)?.Rule);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("35")]
    [InlineData("abcdef")]
    public void a_reviewer_without_a_usable_region_recommends_nothing(string? region)
    {
        Assert.Null(OutputRules.RecommendsTo(region));
        Assert.Equal("output.level-outside-jurisdiction", OutputRules.Recommends(region, RecommendationLevel.City)?.Rule);
    }
}

/// <summary>The ladder over HTTP: a refusal is 422 with the rule's name, and nothing is appended.</summary>
public sealed class recommending_by_jurisdiction(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<(Guid Studio, string Output)> Approved()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio);
        var output = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "class-culture", title = "班级文化建设案例", authors = new[] { "H1" }, date = "2026-04-01", body = "正文",
        }, host)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/submit", new { }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/approve", new { }, School())).ShouldBe(200);
        return (studio, output);
    }

    [Theory]
    [InlineData("350203", "ministry")]
    [InlineData("350203", "province")]
    [InlineData("350203", "district")]
    [InlineData("350200", "ministry")]
    [InlineData("350000", "province")]
    public async Task a_reviewer_cannot_recommend_beyond_the_next_level(string region, string level)
    {
        var (studio, output) = await Approved();
        var before = (await Host.Get($"/api/studios/{studio}", School())).Json["version"]!.GetValue<long>();
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/recommend", new { level }, Reviewer(region)))
            .ShouldBeProblem(422, "output.level-outside-jurisdiction");
        Assert.Equal(before, (await Host.Get($"/api/studios/{studio}", School())).Json["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task the_output_climbs_the_ladder_one_jurisdiction_at_a_time()
    {
        var (studio, output) = await Approved();
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/recommend", new { level = "city" }, Reviewer("350203"))).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/recommend", new { level = "province" }, Reviewer("350200"))).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/recommend", new { level = "ministry" }, Reviewer("350000"))).ShouldBe(200);
        var record = (await Host.Get($"/api/studios/{studio}/outputs/{output}", HostOf(studio))).ShouldBe(200).Json;
        Assert.Equal("ministry", record["level"]!.GetValue<string>());
        Assert.Equal("教育部", record["levelLabel"]!.GetValue<string>());
        // Once at the ministry, a national reviewer's ministry recommendation is not higher.
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/recommend", new { level = "ministry" }, Reviewer("000000")))
            .ShouldBeProblem(422, "output.level-not-higher");
    }
}
