using Workshops.Reference;
using Workshops.Tests.Support;

namespace Workshops.Tests.Reference;

/// <summary>GET /api/reference/regions: the division list over HTTP, open like the rest of /api/reference.</summary>
public sealed class regions_endpoint(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task without_a_parent_it_lists_the_provinces_to_anyone()
    {
        var provinces = (await Host.Get("/api/reference/regions", null)).ShouldBe(200).Json.AsArray();
        Assert.Equal(Divisions.Provinces.Count, provinces.Count);
        var fujian = provinces.Single(p => p!["code"]!.GetValue<string>() == "350000")!;
        Assert.Equal("福建省", fujian["name"]!.GetValue<string>());
        Assert.Equal("province", fujian["level"]!.GetValue<string>());
        Assert.Equal(provinces.Count, (await Host.Get("/api/reference/regions?parent=000000", School())).ShouldBe(200).Json.AsArray().Count);
    }

    [Fact]
    public async Task a_city_lists_its_districts_in_chinese()
    {
        var xiamen = (await Host.Get("/api/reference/regions?parent=350200", null)).ShouldBe(200).Json.AsArray();
        Assert.Equal(["思明区", "海沧区", "湖里区", "集美区", "同安区", "翔安区"], xiamen.Select(d => d!["name"]!.GetValue<string>()));
        Assert.All(xiamen, d => Assert.Equal("350200", d!["parent"]!.GetValue<string>()));
        Assert.All(xiamen, d => Assert.Equal("district", d!["level"]!.GetValue<string>()));
        Assert.Empty((await Host.Get("/api/reference/regions?parent=350206", null)).ShouldBe(200).Json.AsArray());
    }

    [Theory]
    [InlineData("3502")]
    [InlineData("35020x")]
    [InlineData("")]
    public async Task a_malformed_code_is_400_naming_the_parameter(string parent)
    {
        var problem = (await Host.Get($"/api/reference/regions?parent={parent}", null)).ShouldBeProblem(400);
        Assert.NotNull(problem.Json["errors"]!["parent"]);
    }

    [Fact]
    public async Task an_unknown_code_is_404()
    {
        (await Host.Get("/api/reference/regions?parent=350299", null)).ShouldBeProblem(404);
        (await Host.Get("/api/reference/regions?parent=350400", null)).ShouldBe(200);
        (await Host.Get("/api/reference/regions?parent=350402", null)).ShouldBeProblem(404);
    }
}
