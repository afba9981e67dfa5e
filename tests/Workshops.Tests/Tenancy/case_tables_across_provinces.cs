using MiniExcelLibs;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// Annex 3 (the typical case tables) with a database per province: the national table is the provinces' tables in
/// order, as JSON, CSV and XLSX; a province's reviewer reads its own province's rows and never another's, including
/// through the national endpoint.
/// </summary>
public sealed class case_tables_across_provinces(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    /// <summary>A typical case, approved by its school and recommended by its province to the ministry.</summary>
    private async Task<string> Case(Guid studio, string school, string reviewer, string title)
    {
        var host = Fixture.Token(Role.Host, "陈美玲", null, [studio]);
        var id = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "home-school-communication", title, authors = new[] { "H1", "M1" }, date = "2026-02-01",
            summary = "案例摘要", body = "围绕家校共育开展研讨，形成典型案例。",
        }, host)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/submit", new { }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/approve", new { }, school)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/recommend", new { level = "ministry" }, reviewer)).ShouldBe(200);
        return id;
    }

    /// <summary>Fujian's two cases and Beijing's one, each province's under its own studio.</summary>
    private async Task<(string[] Fujian, string Beijing)> Cases(string suffix, string track = "k12")
    {
        var fujian = await Host.StaffedStudio(Fixture.FujianSchool, StudioBody($"三明市{suffix}班主任工作坊", track: track));
        var beijing = await Host.StaffedStudio(Fixture.BeijingSchool,
            BeijingStudio($"北京市东城区案例{suffix}班主任工作坊", track: track));
        var fromFujian = new[]
        {
            await Case(fujian, Fixture.FujianSchool, Fixture.FujianReviewer, $"家校沟通的转变{suffix}"), await Case(fujian, Fixture.FujianSchool, Fixture.FujianReviewer, $"家长会的新形式{suffix}"),
        };
        var fromBeijing = await Case(beijing, Fixture.BeijingSchool, Fixture.BeijingReviewer, $"家访中的倾听{suffix}");
        await Fixture.Settle();
        return (fromFujian, fromBeijing);
    }

    private async Task<List<string>> Ids(string url, string token) =>
        (await Host.Get(url, token)).ShouldBe(200).Json["items"]!.AsArray().Select(r => r!["outputId"]!.GetValue<string>()).ToList();

    /// <summary>Annex 3 of seed 001 (vocational studios' cases) and its K-12 counterpart for seed 000's workshops.</summary>
    [Theory]
    [InlineData("vocational", "cases", "一")]
    [InlineData("k12", "workshop-cases", "三")]
    public async Task the_national_annex_3_is_the_provinces_tables_in_order_page_after_page(string track, string table, string suffix)
    {
        var (fujian, beijing) = await Cases(suffix, track);

        var beijingRows = await Ids($"/api/reviews/{table}?region={Beijing}&pageSize=100", Fixture.NationalReviewer);
        var fujianRows = await Ids($"/api/reviews/{table}?region={Fujian}&pageSize=100", Fixture.NationalReviewer);
        Assert.Contains(beijing, beijingRows);
        Assert.All(fujian, id => Assert.Contains(id, fujianRows));

        // Province code leads the order without a query: Beijing's rows, then Fujian's, numbered across the nation.
        var national = (await Host.Get($"/api/reviews/{table}?pageSize=100", Fixture.NationalReviewer)).ShouldBe(200);
        Assert.Null(national.Header("Missing-Provinces"));
        var items = national.Json["items"]!.AsArray();
        Assert.Equal(beijingRows.Concat(fujianRows), items.Select(r => r!["outputId"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, items.Count), items.Select(r => r!["number"]!.GetValue<int>()));
        Assert.Equal(beijingRows.Count + fujianRows.Count, national.Json["total"]!.GetValue<long>());
        var paged = new List<string>();
        for (var page = 1; page <= items.Count / 2 + 1; page++) paged.AddRange(await Ids($"/api/reviews/{table}?page={page}&pageSize=2", Fixture.NationalReviewer));
        Assert.Equal(beijingRows.Concat(fujianRows), paged);
        // Names come from each province's own studio view.
        var row = items.Single(r => r!["outputId"]!.GetValue<string>() == beijing)!;
        Assert.Equal(["陈美玲", "林晓燕"], row["authorNames"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("北京市", row["provinceName"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_case_exports_hold_every_province_nationally_and_only_its_own_for_a_province()
    {
        await Cases("二");
        const string fujianTitle = "家校沟通的转变二", beijingTitle = "家访中的倾听二";

        var csv = (await Host.Get("/api/reviews/workshop-cases?format=csv", Fixture.NationalReviewer)).ShouldBe(200);
        var total = (await Host.Get("/api/reviews/workshop-cases", Fixture.NationalReviewer)).ShouldBe(200).Json["total"]!.GetValue<long>();
        Assert.Equal(total.ToString(), csv.Header("X-Total-Count"));
        var beijingAt = csv.Text.IndexOf(beijingTitle, StringComparison.Ordinal);
        Assert.True(beijingAt >= 0);
        Assert.True(csv.Text.IndexOf(fujianTitle, StringComparison.Ordinal) > beijingAt);

        var xlsx = (await Host.Get("/api/reviews/workshop-cases?format=xlsx", Fixture.NationalReviewer)).ShouldBe(200);
        using (var stream = new MemoryStream(xlsx.Bytes))
        {
            var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(total, rows.Count);
            Assert.Contains(rows, r => (string)r["案例名称"] == beijingTitle && (string)r["省份"] == "北京市");
            Assert.Contains(rows, r => (string)r["案例名称"] == fujianTitle && (string)r["省份"] == "福建省");
            Assert.Equal(Enumerable.Range(1, rows.Count).Select(n => (double)n), rows.Select(r => Convert.ToDouble(r["序号"])));
        }

        // A province's reviewer: its own rows in every format, never Beijing's.
        var own = (await Host.Get("/api/reviews/workshop-cases?format=csv", Fixture.FujianReviewer)).ShouldBe(200);
        Assert.Contains(fujianTitle, own.Text);
        Assert.DoesNotContain(beijingTitle, own.Text);
        var ownXlsx = (await Host.Get("/api/reviews/workshop-cases?format=xlsx", Fixture.FujianReviewer)).ShouldBe(200);
        using (var stream = new MemoryStream(ownXlsx.Bytes))
        {
            var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal("福建省", (string)r["省份"]));
        }
        Assert.DoesNotContain(beijingTitle, (await Host.Get("/api/reviews/outputs?format=csv", Fixture.FujianReviewer)).ShouldBe(200).Text);

        // Another province, or the nation, is refused before any database is read, as JSON and as a file alike.
        foreach (var url in new[]
                 {
                     $"/api/reviews/workshop-cases?region={Beijing}", $"/api/reviews/workshop-cases?region={Beijing}&format=csv",
                     $"/api/reviews/workshop-cases?region={Ministry}&format=xlsx", $"/api/reviews/cases?region={Ministry}&format=csv",
                     $"/api/reviews/outputs?region={Beijing}&format=csv", $"/api/reviews/outputs?region={Ministry}",
                 })
            (await Host.Get(url, Fixture.FujianReviewer)).ShouldBeProblem(403);
    }
}
