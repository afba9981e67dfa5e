using System.Text;
using MiniExcelLibs;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using Workshops.Core;

namespace Workshops.Tests.Reports;

/// <summary>Several studios in two regions, built through the API; every report's numbers are checked against what was logged.</summary>
public sealed class reviewer_reports(AppFixture fixture) : ApiTest(fixture)
{
    private sealed record Logged(Guid Studio, int Activities, decimal Hours);

    private async Task<Guid> Case(Guid studio, string token, string category, string title, string body, string? level, string summary = "案例摘要")
    {
        var id = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category, title, authors = new[] { "H1", "M1" }, date = "2026-04-01", summary, body,
        }, token)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/submit", new { }, token)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/approve", new { }, School(Region(studio)))).ShouldBe(200);
        // A reviewer recommends to the next level above their jurisdiction: the district's to the city, the city's to the province.
        var jurisdiction = level == "city" ? Region(studio) : Region(studio)[..4] + "00";
        if (level is not null) (await Host.Post($"/api/studios/{studio}/outputs/{id}/recommend", new { level }, Reviewer(jurisdiction))).ShouldBe(200);
        return Guid.Parse(id);
    }

    private readonly Dictionary<Guid, string> _districts = [];
    private string Region(Guid studio) => _districts[studio];

    private async Task<Guid> Studio(string name, string district, string city = "350200")
    {
        var body = StudioBody(name: name, district: district, city: city, province: "350000");
        var id = await Host.StaffedStudio(School(district), body);
        _districts[id] = district;
        return id;
    }

    [Fact]
    public async Task annex_tables_cases_search_dashboard_and_exports_agree_with_what_was_logged()
    {
        Clock.Set(2026, 5, 10);
        var a = await Studio("思明区第一班主任工作坊", "350203");
        var b = await Studio("湖里区班主任工作坊", "350206");
        var c = await Studio("福州市鼓楼区班主任工作坊", "350102", city: "350100");
        var logged = new List<Logged>();
        foreach (var (studio, n) in new[] { (a, 3), (b, 2), (c, 4) })
        {
            for (var i = 0; i < n; i++)
                await Host.LogActivity(studio, HostOf(studio), Activity("thematic-seminar", ["research"], $"2026-04-{10 + i}", 1.5m + i, [("H1", 1.5m)]));
            logged.Add(new Logged(studio, n, Enumerable.Range(0, n).Sum(i => 1.5m + i)));
        }
        var homeSchool = await Case(a, HostOf(a), "home-school-communication", "家校共育：一次家长会的转变",
            "通过家校沟通协调，班主任与家长建立信任，学生心理健康状况明显改善。", "city");
        // Approved, not recommended: no reviewer recommends to the district level.
        await Case(b, HostOf(b), "key-student-support", "重点学生帮扶案例", "对学习困难学生开展一对一帮扶，每周谈心。", null);
        await Case(c, HostOf(c), "class-culture", "班级文化建设", "以家校共育为抓手建设班级文化。", "province");
        var draftOnly = (await Host.Post($"/api/studios/{a}/outputs", new
        {
            kind = "typical-case", category = "emergency-handling", title = "未推荐的突发事件处置", authors = new[] { "H1" }, date = "2026-04-01", body = "家校联动处置突发事件。",
        }, HostOf(a))).ShouldBe(201);
        Assert.NotNull(draftOnly.Json["outputId"]);
        Clock.Set(2026, 12, 20);
        (await Host.Post($"/api/studios/{a}/assessments/2026", new { result = "qualified" }, Reviewer("350200"))).ShouldBe(200);
        await Settle();

        // Annex 2 for Xiamen: two studios, numbers as logged.
        var table = (await Host.Get("/api/reviews/studios?region=350200&year=2026", Reviewer("350200"))).ShouldBe(200).Json;
        Assert.Equal(2, table["total"]!.GetValue<int>());
        foreach (var row in table["items"]!.AsArray())
        {
            var expected = logged.Single(l => l.Studio.ToString() == row!["studioId"]!.GetValue<string>());
            Assert.Equal(expected.Activities, row!["activities"]!.GetValue<int>());
            Assert.Equal(expected.Hours, row["hours"]!.GetValue<decimal>());
            Assert.Equal(3, row["members"]!.GetValue<int>());
            Assert.Equal("陈美玲", row["host"]!.GetValue<string>());
            Assert.Equal(4, row["checklistTotal"]!.GetValue<int>());
            // The row reads training credits as yearly totals; the studio's own checklist reads its year credit by credit.
            var own = (await Host.Get($"/api/studios/{expected.Studio}/checklist?year=2026", Reviewer("350200"))).ShouldBe(200).Json;
            Assert.Equal(own["summary"]!["met"]!.GetValue<int>(), row["checklistMet"]!.GetValue<int>());
        }
        Assert.Equal("合格", table["items"]!.AsArray().Single(r => r!["studioId"]!.GetValue<string>() == a.ToString())!["assessment"]!.GetValue<string>());
        (await Host.Get("/api/reviews/studios?region=350100", Reviewer("350200"))).ShouldBeProblem(403);
        (await Host.Get("/api/reviews/studios?region=350200", HostOf(a))).ShouldBeProblem(403);
        var province = (await Host.Get("/api/reviews/studios", Reviewer("350000"))).Json;
        Assert.Equal(3, province["total"]!.GetValue<int>());

        // Annex 3: cases recommended to or above the caller's level, within the caller's region.
        var cityCases = (await Host.Get("/api/reviews/cases", Reviewer("350200"))).ShouldBe(200).Json;
        Assert.Equal(["家校共育：一次家长会的转变"], cityCases["items"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()));
        var districtCases = (await Host.Get("/api/reviews/cases", Reviewer("350203"))).Json;
        Assert.Equal(["家校共育：一次家长会的转变"], districtCases["items"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()));
        Assert.Equal(0, (await Host.Get("/api/reviews/cases", Reviewer("350206"))).Json["total"]!.GetValue<int>());
        var provinceCases = (await Host.Get("/api/reviews/cases", Reviewer("350000"))).Json;
        Assert.Equal(["班级文化建设"], provinceCases["items"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()));
        var row1 = cityCases["items"]![0]!;
        Assert.Equal(1, row1["number"]!.GetValue<int>());
        Assert.Equal("home-school-communication", row1["category"]!.GetValue<string>());
        Assert.Equal("思明区第一班主任工作坊", row1["studio"]!.GetValue<string>());
        (await Host.Get($"/api/reviews/cases/{homeSchool}", Reviewer("350200"))).ShouldBe(200);
        (await Host.Get($"/api/reviews/cases/{homeSchool}", Reviewer("350100"))).ShouldBeProblem(403);

        // Search: Chinese substrings, hits and misses, ranked, with highlights.
        var national = Reviewer("000000");
        var all = (await Host.Get("/api/reviews/cases?level=district", Reviewer("350000"))).Json;
        Assert.Equal(1, all["total"]!.GetValue<int>());
        var jiaxiao = (await Host.Get("/api/reviews/outputs?q=" + Uri.EscapeDataString("家校"), national)).ShouldBe(200).Json;
        var titles = jiaxiao["items"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()).ToList();
        Assert.Equal(["家校共育：一次家长会的转变", "班级文化建设"], titles);
        Assert.Contains("【家校】", jiaxiao["items"]![0]!["highlights"]![0]!["snippet"]!.GetValue<string>());
        var mental = (await Host.Get("/api/reviews/outputs?q=" + Uri.EscapeDataString("心理健康"), national)).Json;
        Assert.Equal(["家校共育：一次家长会的转变"], mental["items"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()));
        var miss = (await Host.Get("/api/reviews/outputs?q=" + Uri.EscapeDataString("校家"), national)).Json;
        Assert.Equal(0, miss["total"]!.GetValue<int>());
        var single = (await Host.Get("/api/reviews/outputs?q=" + Uri.EscapeDataString("谈"), national)).Json;
        Assert.Equal(["重点学生帮扶案例"], single["items"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()));
        var inCity = (await Host.Get("/api/reviews/cases?q=" + Uri.EscapeDataString("家校") + "&region=350200", Reviewer("350200"))).Json;
        Assert.Equal(1, inCity["total"]!.GetValue<int>());

        // Exports: CSV with BOM and XLSX read back.
        var csv = (await Host.Get("/api/reviews/studios?region=350200&format=csv", Reviewer("350200"))).ShouldBe(200);
        Assert.Equal([0xEF, 0xBB, 0xBF], csv.Bytes[..3]);
        var lines = Encoding.UTF8.GetString(csv.Bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("序号,省份,地市,区县,学校名称,工作室名称", lines[0]);
        Assert.Equal(3, lines.Length);
        var xlsx = (await Host.Get("/api/reviews/cases", Reviewer("350000"), ("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))).ShouldBe(200);
        using (var stream = new MemoryStream(xlsx.Bytes))
        {
            Assert.Equal(["典型案例汇总表"], MiniExcel.GetSheetNames(stream));
            stream.Position = 0;
            var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "典型案例汇总表").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal("班级文化建设", rows.Single()["案例名称"]);
            Assert.Equal("班级文化建设", rows.Single()["案例类别"]);
        }
        var report = (await Host.Get($"/api/studios/{a}/reports/annual/2026?format=xlsx", HostOf(a))).ShouldBe(200);
        using (var stream = new MemoryStream(report.Bytes))
        {
            var sheets = MiniExcel.GetSheetNames(stream);
            Assert.Contains("人员", sheets);
            Assert.Contains("活动（按类型）", sheets);
            stream.Position = 0;
            var people = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "人员").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(5, people.Count);
            Assert.Contains(people, p => (string)p["姓名"] == "林晓燕");
        }

        // The annual report in JSON agrees with the log.
        var annual = (await Host.Get($"/api/studios/{a}/reports/annual/2026", HostOf(a))).ShouldBe(200).Json;
        Assert.Equal(3, annual["activities"]!["count"]!.GetValue<int>());
        Assert.Equal(logged[0].Hours, annual["activities"]!["hours"]!.GetValue<decimal>());
        Assert.Equal("qualified", annual["assessment"]!["result"]!.GetValue<string>());
        // H1 hosts all three studios in this test and attends 1.5 hours of each of the 3 + 2 + 4 activities.
        var h1 = annual["roster"]!.AsArray().Single(p => p!["teacherId"]!.GetValue<string>() == "H1")!;
        Assert.Equal((3 * 1.5m, 9 * 1.5m), (h1["studioHoursThisYear"]!.GetValue<decimal>(), h1["totalHoursThisYear"]!.GetValue<decimal>()));

        // The dashboard counts the recognitions of the qualified studio against the targets.
        var dashboard = (await Host.Get("/api/regions/350200/dashboard?year=2026", Reviewer("350200"))).ShouldBe(200).Json;
        int Measure(string code) => dashboard["measures"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == code)!["value"]!.GetValue<int>();
        Assert.Equal(2, Measure("studios"));
        Assert.Equal(1, Measure("leaders"));
        Assert.Equal(3, Measure("backbone"));
        Assert.Equal(0, Measure("rural-backbone"));
        Assert.Equal(500, dashboard["measures"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == "backbone")!["target"]!.GetValue<int>());
        // S1, the rural trainee of both Xiamen studios, is one teacher and has no training recorded yet.
        Assert.Equal(0, Measure("rural-trained"));
        Assert.Equal(1, dashboard["measures"]!.AsArray().Single(m => m!["code"]!.GetValue<string>() == "rural-trained")!["target"]!.GetValue<int>());
        (await Host.Get("/api/regions/350100/dashboard", Reviewer("350200"))).ShouldBeProblem(403);
    }
}
