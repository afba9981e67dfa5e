using System.Text.Json.Nodes;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// The public showcase with a database per province: an anonymous reader without a region sees every province's
/// published outputs and profiles, merged in one order and paged across the provinces; with a region, its province's
/// (and within it the region's).
/// </summary>
public sealed class the_showcase_across_provinces(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    /// <summary>An approved output the studio's host publishes in the showcase.</summary>
    private async Task<string> Published(Guid studio, string school, string title)
    {
        var host = Fixture.HostOf(studio);
        var id = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "class-culture", title, authors = new[] { "H1", "M1" }, date = "2026-03-01",
            summary = "以文化建设促进学生成长", body = "围绕“一班一品”开展文化建设。",
        }, host)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/submit", new { }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/approve", new { }, school)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/showcase/outputs/{id}", new { published = true }, host)).ShouldBe(200);
        return id;
    }

    private static List<string> Ids(JsonNode page, string key) => page["items"]!.AsArray().Select(i => i![key]!.GetValue<string>()).ToList();

    private async Task<List<string>> All(string url, string key, int pageSize)
    {
        var ids = new List<string>();
        for (var page = 1; ; page++)
        {
            var reply = (await Host.Get($"{url}{(url.Contains('?') ? '&' : '?')}page={page}&pageSize={pageSize}", null)).ShouldBe(200).Json;
            var items = Ids(reply, key);
            Assert.True(items.Count <= pageSize);
            ids.AddRange(items);
            if (items.Count < pageSize) return ids;
        }
    }

    [Fact]
    public async Task an_anonymous_reader_sees_every_provinces_published_outputs_merged_and_a_region_reads_its_own()
    {
        var fujian = await Host.StaffedStudio(Fixture.FujianSchool, StudioBody("泉州市丰泽区班主任工作坊"));
        var beijing = await Host.StaffedStudio(Fixture.BeijingSchool, BeijingStudio("北京市东城区第五班主任工作坊"));
        var fromFujian = new[] { await Published(fujian, Fixture.FujianSchool, "文化墙的故事"), await Published(fujian, Fixture.FujianSchool, "一班一品的实践") };
        var fromBeijing = await Published(beijing, Fixture.BeijingSchool, "胡同里的育人文化");
        await Fixture.Settle();

        var beijingOnly = await All($"/api/showcase/outputs?region={Beijing}", "outputId", 100);
        var fujianOnly = await All($"/api/showcase/outputs?region={Fujian}", "outputId", 100);
        Assert.Contains(fromBeijing, beijingOnly);
        Assert.DoesNotContain(fromBeijing, fujianOnly);
        Assert.All(fromFujian, id => Assert.Contains(id, fujianOnly));
        Assert.All(fromFujian, id => Assert.DoesNotContain(id, beijingOnly));

        // The nation is the provinces' union in the search's order (province code first): Beijing's, then Fujian's,
        // the same whether read in one page or a page of two at a time.
        var national = (await Host.Get("/api/showcase/outputs?pageSize=100", null)).ShouldBe(200);
        Assert.Null(national.Header("Missing-Provinces"));
        Assert.Equal(beijingOnly.Concat(fujianOnly), Ids(national.Json, "outputId"));
        Assert.Equal(beijingOnly.Count + fujianOnly.Count, national.Json["total"]!.GetValue<long>());
        Assert.Equal(beijingOnly.Concat(fujianOnly), await All("/api/showcase/outputs", "outputId", 2));

        // A Chinese query searches every province; an output is read by its id from whichever province holds it.
        var found = (await Host.Get($"/api/showcase/outputs?q={Uri.EscapeDataString("胡同")}", null)).ShouldBe(200).Json;
        Assert.Equal([fromBeijing], Ids(found, "outputId"));
        var one = (await Host.Get($"/api/showcase/outputs/{fromBeijing}", null)).ShouldBe(200).Json;
        Assert.Equal("胡同里的育人文化", one["title"]!.GetValue<string>());
        Assert.Equal(["陈美玲", "林晓燕"], one["authors"]!.AsArray().Select(a => a!.GetValue<string>()));
        (await Host.Get($"/api/showcase/outputs/{fromFujian[0]}", null)).ShouldBe(200);
        (await Host.Get($"/api/showcase/outputs/{Guid.NewGuid()}", null)).ShouldBeProblem(404);
    }

    [Fact]
    public async Task the_published_profiles_of_every_province_are_listed_by_name_page_after_page()
    {
        var fujian = await Host.StaffedStudio(Fixture.FujianSchool, StudioBody("展示名录福建班主任工作坊"));
        var beijing = await Host.StaffedStudio(Fixture.BeijingSchool, BeijingStudio("展示名录北京班主任工作坊"));
        var hidden = await Host.StaffedStudio(Fixture.BeijingSchool, BeijingStudio("展示名录未公开班主任工作坊"));
        (await Host.Post($"/api/studios/{fujian}/showcase", new { published = true }, Fixture.HostOf(fujian))).ShouldBe(200);
        (await Host.Post($"/api/studios/{beijing}/showcase", new { published = true }, Fixture.HostOf(beijing))).ShouldBe(200);
        await Fixture.Settle();

        var whole = (await Host.Get("/api/showcase/studios?pageSize=100", null)).ShouldBe(200).Json;
        var ids = Ids(whole, "studioId");
        Assert.Contains(fujian.ToString(), ids);
        Assert.Contains(beijing.ToString(), ids);
        Assert.DoesNotContain(hidden.ToString(), ids);
        Assert.Equal(ids.Count, whole["total"]!.GetValue<long>());
        // One order across the provinces: by name in code-point order, as each C-collated database sorts.
        var names = whole["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(ids, await All("/api/showcase/studios", "studioId", 1));
        var named = Ids((await Host.Get($"/api/showcase/studios?q={Uri.EscapeDataString("展示名录")}", null)).ShouldBe(200).Json, "studioId");
        Assert.Equal([beijing.ToString(), fujian.ToString()], named);

        // A region reads its province only, and within it the region's studios, as the output list does.
        var inBeijing = Ids((await Host.Get($"/api/showcase/studios?region={Beijing}&pageSize=100", null)).ShouldBe(200).Json, "studioId");
        Assert.Contains(beijing.ToString(), inBeijing);
        Assert.DoesNotContain(fujian.ToString(), inBeijing);
        var inXiamen = (await Host.Get("/api/showcase/studios?region=350200&pageSize=100", null)).ShouldBe(200).Json;
        Assert.Contains(fujian.ToString(), Ids(inXiamen, "studioId"));
        Assert.DoesNotContain(beijing.ToString(), Ids(inXiamen, "studioId"));
        Assert.Equal(Ids(inXiamen, "studioId").Count, inXiamen["total"]!.GetValue<long>());
        Assert.Empty(Ids((await Host.Get("/api/showcase/studios?region=350600&pageSize=100", null)).ShouldBe(200).Json, "studioId")
            .Intersect([fujian.ToString(), beijing.ToString()]));
        (await Host.Get("/api/showcase/studios?region=35", null)).ShouldBeProblem(400);
    }

    [Fact]
    public async Task a_province_that_does_not_answer_is_named_and_a_complete_list_is_refused()
    {
        var beijing = await Host.StaffedStudio(Fixture.BeijingSchool, BeijingStudio("北京市东城区停机班主任工作坊"));
        var output = await Published(beijing, Fixture.BeijingSchool, "停机时的育人文化");
        await Fixture.Settle();

        await Fixture.Close(Beijing);
        try
        {
            var partial = (await Host.Get("/api/showcase/outputs?pageSize=100", null)).ShouldBe(200);
            Assert.Equal(Beijing, partial.Header("Missing-Provinces"));
            Assert.DoesNotContain(output, Ids(partial.Json, "outputId"));
            var refused = (await Host.Get("/api/showcase/outputs?complete=true", null)).ShouldBeProblem(503).Json;
            Assert.EndsWith("tenancy.incomplete", refused["type"]!.GetValue<string>());
            Assert.Equal([Beijing], refused["missing"]!.AsArray().Select(m => m!.GetValue<string>()));
            Assert.Equal(Beijing, (await Host.Get("/api/showcase/studios", null)).ShouldBe(200).Header("Missing-Provinces"));
            (await Host.Get("/api/showcase/studios?complete=true", null)).ShouldBeProblem(503);
            // Not found while a province is down is not "does not exist".
            (await Host.Get($"/api/showcase/outputs/{output}", null)).ShouldBeProblem(503);
        }
        finally
        {
            await Fixture.Reopen(Beijing);
        }
    }
}
