using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// Output search, Annex 3 and the Annex 2 exports above a province read every province's database and merge them:
/// the national answer is the union of the provinces' answers, in the search's order, page after page.
/// </summary>
public sealed class national_reports_across_provinces(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    private async Task Output(Guid studio, string school, string title)
    {
        var host = Fixture.Token(Role.Host, "陈美玲", null, [studio]);
        var id = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "home-school-communication", title, authors = new[] { "H1", "M1" }, date = "2026-02-01",
            summary = "案例摘要", body = "围绕家校共育开展研讨，形成案例。",
        }, host)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/submit", new { }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/approve", new { }, school)).ShouldBe(200);
    }

    private async Task<List<string>> Ids(string url)
    {
        var ids = new List<string>();
        var reply = (await Host.Get(url, Fixture.NationalReviewer)).ShouldBe(200).Json;
        ids.AddRange(reply["items"]!.AsArray().Select(r => r!["outputId"]!.GetValue<string>()));
        return ids;
    }

    [Fact]
    public async Task national_output_search_is_the_provinces_searches_merged_in_order_page_after_page()
    {
        var fujian = await Host.StaffedStudio(Fixture.FujianSchool, StudioBody("厦门市集美区班主任工作坊"));
        var beijing = await Host.StaffedStudio(Fixture.BeijingSchool, BeijingStudio("北京市西城区第三班主任工作坊"));
        foreach (var title in new[] { "班级文化建设的实践", "家校沟通的一次转变", "主题班会设计" }) await Output(fujian, Fixture.FujianSchool, title);
        foreach (var title in new[] { "班级公约的形成", "家长学校的组织" }) await Output(beijing, Fixture.BeijingSchool, title);
        await Fixture.Settle();

        // Without a query every output ranks alike and the province code leads the order: Beijing's, then Fujian's.
        var expected = (await Ids($"/api/reviews/outputs?region={Beijing}&pageSize=100"))
            .Concat(await Ids($"/api/reviews/outputs?region={Fujian}&pageSize=100")).ToList();
        Assert.Equal(expected, await Ids("/api/reviews/outputs?pageSize=100"));
        var paged = new List<string>();
        for (var page = 1; page <= expected.Count / 2 + 1; page++) paged.AddRange(await Ids($"/api/reviews/outputs?page={page}&pageSize=2"));
        Assert.Equal(expected, paged);

        // A query ranks title hits first across the provinces.
        var q = Uri.EscapeDataString("班级");
        var ranked = (await Host.Get($"/api/reviews/outputs?q={q}&pageSize=100", Fixture.NationalReviewer)).ShouldBe(200).Json["items"]!.AsArray()
            .Select(r => r!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(["班级公约的形成", "班级文化建设的实践"], ranked.Take(2));

        // The CSV holds the same rows, numbered across the nation.
        var csv = (await Host.Get("/api/reviews/outputs?format=csv", Fixture.NationalReviewer)).ShouldBe(200);
        Assert.Equal(expected.Count.ToString(), csv.Header("X-Total-Count"));
        Assert.Contains("班级公约的形成", csv.Text);
        Assert.Contains("主题班会设计", csv.Text);
    }

    [Fact]
    public async Task the_national_annex_2_export_holds_every_provinces_rows()
    {
        await Host.EstablishStudio(Fixture.FujianSchool, StudioBody("龙岩市新罗区班主任工作坊"));
        await Host.EstablishStudio(Fixture.BeijingSchool, BeijingStudio("北京市通州区班主任工作坊"));
        await Fixture.Settle();
        var json = (await Host.Get("/api/reviews/workshops?pageSize=100", Fixture.NationalReviewer)).ShouldBe(200).Json;

        var csv = (await Host.Get("/api/reviews/workshops?format=csv", Fixture.NationalReviewer)).ShouldBe(200);

        Assert.Equal(json["total"]!.GetValue<long>().ToString(), csv.Header("X-Total-Count"));
        Assert.Contains("龙岩市新罗区班主任工作坊", csv.Text);
        Assert.Contains("北京市通州区班主任工作坊", csv.Text);
        Assert.True(csv.Text.IndexOf("北京市通州区班主任工作坊", StringComparison.Ordinal) < csv.Text.IndexOf("龙岩市新罗区班主任工作坊", StringComparison.Ordinal));
    }
}
