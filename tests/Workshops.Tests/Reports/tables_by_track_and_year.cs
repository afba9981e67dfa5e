using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Reports;

/// <summary>
/// Annex 2 lists seed 001's vocational studios only and the K-12 workshops have a table of their own; a year's table is
/// the studios as they stood at that year's end (or asOf): roster, output states, which studios existed.
/// </summary>
public sealed class tables_by_track_and_year(AppFixture fixture) : ApiTest(fixture)
{
    private static IEnumerable<string> Names(System.Text.Json.Nodes.JsonNode table) =>
        table["items"]!.AsArray().Select(r => r!["studio"]!.GetValue<string>());

    [Fact]
    public async Task a_past_year_is_read_as_it_stood_at_its_end_and_each_track_has_its_own_table()
    {
        Clock.Set(2025, 3, 1);
        var vocational = await Host.StaffedStudio(School("350206"),
            StudioBody(name: "厦门工商旅游学校班主任工作室", district: "350206", track: "vocational"));
        var workshop = await Host.StaffedStudio(School(), StudioBody(name: "厦门市第一中学班主任工作坊"));
        Assert.NotEqual(vocational, workshop);
        Clock.Set(2025, 11, 20);
        var brand = (await Host.Post($"/api/studios/{vocational}/outputs", new
        {
            kind = "brand", title = "“匠心班主任”品牌", authors = new[] { "H1" }, date = "2025-11-01", summary = "品牌建设",
        }, HostOf(vocational))).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{vocational}/outputs/{brand}/submit", new { }, HostOf(vocational))).ShouldBe(200);

        // In 2026 the school approves the brand, M3 leaves, and a second vocational studio is founded.
        Clock.Set(2026, 1, 10);
        (await Host.Post($"/api/studios/{vocational}/outputs/{brand}/approve", new { }, School("350206"))).ShouldBe(200);
        Clock.Set(2026, 3, 1);
        (await Host.Post($"/api/studios/{vocational}/members/M3/leave", new { on = "2026-03-01" }, School("350206"))).ShouldBe(200);
        await Host.EstablishStudio(School("350206"), StudioBody(name: "厦门信息学校班主任工作室", district: "350206", founded: "2026-03-01", track: "vocational"));
        Clock.Set(2026, 5, 1);
        await Settle();

        var reviewer = Reviewer("350200");
        var annex2025 = (await Host.Get("/api/reviews/studios?region=350200&year=2025", reviewer)).ShouldBe(200).Json;
        Assert.Equal(["厦门工商旅游学校班主任工作室"], Names(annex2025));
        Assert.Equal(1, annex2025["total"]!.GetValue<int>());
        var row2025 = annex2025["items"]![0]!;
        Assert.Equal(3, row2025["members"]!.GetValue<int>());
        // Submitted but not yet approved at the end of 2025: not counted in 2025's table.
        Assert.Equal(0, row2025["outputsByKind"]!["brand"]?.GetValue<int>() ?? 0);
        // The same year read as of a later day sees the approval.
        var later = (await Host.Get("/api/reviews/studios?region=350200&year=2025&asOf=2026-02-01", reviewer)).ShouldBe(200).Json;
        Assert.Equal(1, later["items"]![0]!["outputsByKind"]!["brand"]!.GetValue<int>());
        Assert.Equal(3, later["items"]![0]!["members"]!.GetValue<int>());

        var annex2026 = (await Host.Get("/api/reviews/studios?region=350200&year=2026", reviewer)).ShouldBe(200).Json;
        Assert.Equal(["厦门信息学校班主任工作室", "厦门工商旅游学校班主任工作室"], Names(annex2026).Order());
        var row2026 = annex2026["items"]!.AsArray().Single(r => r!["studioId"]!.GetValue<string>() == vocational.ToString())!;
        Assert.Equal(2, row2026["members"]!.GetValue<int>());

        // The K-12 workshop is in its own table, never in Annex 2.
        var workshops = (await Host.Get("/api/reviews/workshops?region=350200&year=2025", reviewer)).ShouldBe(200).Json;
        Assert.Equal(["厦门市第一中学班主任工作坊"], Names(workshops));
        Assert.Equal("k12", workshops["items"]![0]!["track"]!.GetValue<string>());
        Assert.All(annex2026["items"]!.AsArray(), r => Assert.Equal("vocational", r!["track"]!.GetValue<string>()));

        (await Host.Get("/api/reviews/studios?region=350200&year=2026&asOf=2025-12-31", reviewer)).ShouldBeProblem(400);

        // Names beside codes: the division names, people by name with school, subject and title, the supervision.
        Assert.Equal(("350000", "福建省"), (row2025["province"]!.GetValue<string>(), row2025["provinceName"]!.GetValue<string>()));
        Assert.Equal(("350200", "厦门市"), (row2025["city"]!.GetValue<string>(), row2025["cityName"]!.GetValue<string>()));
        Assert.Equal(("350206", "湖里区"), (row2025["district"]!.GetValue<string>(), row2025["districtName"]!.GetValue<string>()));
        Assert.Equal(("H1", "陈美玲"), (row2025["hostId"]!.GetValue<string>(), row2025["host"]!.GetValue<string>()));
        Assert.Equal(("school", "校级"), (row2025["level"]!.GetValue<string>(), row2025["levelLabel"]!.GetValue<string>()));
        var people2025 = row2025["people"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("郑雅琴", people2025);
        Assert.DoesNotContain("郑雅琴", row2026["people"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        Assert.Equal("moe-2022", row2025["standard"]!.GetValue<string>());
        Assert.Equal(32, row2025["checklistTotal"]!.GetValue<int>());
        Assert.Equal(4, workshops["items"]![0]!["checklistTotal"]!.GetValue<int>());

        (await Host.Post($"/api/studios/{vocational}/supervision", new { schoolLeader = "王建国", department = "学生工作处" }, School("350206"))).ShouldBe(200);
        (await Host.Post($"/api/studios/{vocational}/supervision", new { schoolLeader = "", department = "学生工作处" }, School("350206"))).ShouldBeProblem(400);
        await Settle();
        var csv = (await Host.Get("/api/reviews/studios?region=350200&year=2026&format=csv", reviewer)).ShouldBe(200);
        var lines = System.Text.Encoding.UTF8.GetString(csv.Bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = lines[0].Split(',');
        Assert.Contains("达标项数（建设标准32项）", headers);
        Assert.Contains("标准代码", headers);
        Assert.Contains("成果：特色品牌/载体", headers);
        var line = lines.Single(l => l.Contains("厦门工商旅游学校班主任工作室")).Split(',');
        string Cell(string header) => line[Array.IndexOf(headers, header)];
        Assert.Equal(("福建省", "厦门市", "湖里区", "350206"), (Cell("省份"), Cell("地市"), Cell("区县"), Cell("区划代码")));
        Assert.Equal(("王建国", "学生工作处"), (Cell("主管校领导"), Cell("责任部门")));
        Assert.Equal("林晓燕（厦门市第一中学/语文/一级教师）；黄志强（厦门市第一中学/语文/一级教师）", Cell("成员（学校/学科/职称）"));
        Assert.Equal("吴思远（厦门市第一中学/语文/一级教师）", Cell("研修人员（学校/学科/职称）"));
        Assert.Equal(("0", "moe-2022", "32"), (Cell("成果：特色品牌/载体"), Cell("标准代码"), Cell("指标总数")));
        var k12Csv = (await Host.Get("/api/reviews/workshops?region=350200&year=2026&format=csv", reviewer)).ShouldBe(200);
        var k12Headers = System.Text.Encoding.UTF8.GetString(k12Csv.Bytes[3..]).Split("\r\n")[0].Split(',');
        Assert.Contains("达标项数（工作坊4项）", k12Headers);
        Assert.DoesNotContain("达标项数（建设标准32项）", k12Headers);
    }
}
