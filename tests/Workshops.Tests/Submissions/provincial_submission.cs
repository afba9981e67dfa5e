using System.IO.Compression;
using MiniExcelLibs;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Submissions;

/// <summary>
/// seed 001 四 over HTTP: a province assembles its package (阶段性工作小结, Annex 2, 1–2 typical cases with Annex 3),
/// submits it by the deadline, frozen as it stood then, and the ministry acknowledges receipt.
/// </summary>
public sealed class provincial_submission(AppFixture fixture) : ApiTest(fixture)
{
    private const string Package = "/api/regions/350000/submissions/2026";

    private string Province() => Token(Role.Reviewer, "福建省教育厅评审", region: "350000");

    private async Task<string> Case(Guid studio, string title, string body)
    {
        var id = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "key-student-support", title, authors = new[] { "H1", "M1" }, date = "2026-04-01", summary = "摘要", body,
        }, HostOf(studio))).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/submit", new { }, HostOf(studio))).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/approve", new { }, School("350206"))).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/recommend", new { level = "city" }, Reviewer("350206"))).ShouldBe(200);
        return id;
    }

    [Fact]
    public async Task a_province_submits_two_cases_frozen_at_submission_and_the_ministry_acknowledges_receipt()
    {
        Clock.Set(2026, 5, 10);
        var studio = await Host.StaffedStudio(School("350206"),
            StudioBody(name: "厦门工商旅游学校班主任工作室", district: "350206", track: "vocational"));
        var body = "【案例背景】小林，中职二年级学生，\"沉迷手机\"。\n" + string.Concat(Enumerable.Repeat("班主任每周与他谈心，家校协同帮扶，", 100));
        var first = await Case(studio, "重点学生帮扶：小林的转变", body);
        var second = await Case(studio, "班级文化建设：一面墙的故事", "第二个案例的全文。");
        var third = await Case(studio, "第三个案例", "第三个案例的全文。");
        await Settle();
        var province = Province();
        var summary = "福建省2026年度中等职业学校班主任工作室建设阶段性工作小结：\n一、总体情况……";

        (await Host.Post(Package, new { deadline = "2026-06-30" }, province)).ShouldBe(200);
        (await Host.Put($"{Package}/summary", new { text = summary }, province)).ShouldBe(200);
        (await Host.Post($"{Package}/cases", new { outputId = first }, province)).ShouldBe(200);
        var picked = (await Host.Post($"{Package}/cases", new { outputId = second }, province)).ShouldBe(200).Json["version"]!.GetValue<long>();
        Assert.Equal(picked, (await Host.Post($"{Package}/cases", new { outputId = second }, province)).ShouldBe(200).Json["version"]!.GetValue<long>());
        (await Host.Post($"{Package}/cases", new { outputId = third }, province)).ShouldBeProblem(422, "submission.cases.max");
        (await Host.Post($"{Package}/cases", new { outputId = first }, Token(Role.Reviewer, "广东省教育厅评审", region: "440000"))).ShouldBe(403);
        (await Host.Post($"{Package}/cases", new { outputId = first }, Reviewer("350200"))).ShouldBe(403);
        // Dropping a case before submission makes room for another; a repeat answers the same; only the province drops.
        (await Host.Send("DELETE", $"{Package}/cases/{second}", null, Reviewer("350200"))).ShouldBe(403);
        var dropped = (await Host.Send("DELETE", $"{Package}/cases/{second}", null, province)).ShouldBe(200).Json;
        Assert.True(dropped["appended"]!.GetValue<bool>());
        Assert.False((await Host.Send("DELETE", $"{Package}/cases/{second}", null, province)).ShouldBe(200).Json["appended"]!.GetValue<bool>());
        (await Host.Post($"{Package}/cases", new { outputId = third }, province)).ShouldBe(200);
        Assert.Equal([first, third], (await Host.Get(Package, province)).ShouldBe(200).Json["package"]!["cases"]!.AsArray().Select(c => c!.GetValue<string>()));
        (await Host.Send("DELETE", $"{Package}/cases/{third}", null, province)).ShouldBe(200);
        (await Host.Post($"{Package}/cases", new { outputId = second }, province)).ShouldBe(200);

        Clock.Set(2026, 6, 1);
        var submitted = (await Host.Post($"{Package}/submit", new { }, province)).ShouldBe(200).Json["version"]!.GetValue<long>();
        Assert.Equal(submitted, (await Host.Post($"{Package}/submit", new { }, province)).ShouldBe(200).Json["version"]!.GetValue<long>());
        (await Host.Put($"{Package}/summary", new { text = "改写" }, province)).ShouldBeProblem(422, "submission.not-open");
        (await Host.Send("DELETE", $"{Package}/cases/{second}", null, province)).ShouldBeProblem(422, "submission.not-open");

        // The studio changes after the submission: the live table follows, the package does not.
        (await Host.Post($"/api/studios/{studio}/members", new { teacher = Teacher("M4", "王丽华"), on = "2026-06-01" }, School("350206"))).ShouldBe(200);
        await Settle();
        var live = (await Host.Get("/api/reviews/studios?region=350000", province)).ShouldBe(200).Json["items"]!.AsArray().Single()!;
        Assert.Equal(4, live["members"]!.GetValue<int>());

        (await Host.Post($"{Package}/receipt", new { }, province)).ShouldBe(403);
        var ministry = Token(Role.Reviewer, "教育部评审", region: "000000");
        (await Host.Post($"{Package}/receipt", new { }, ministry)).ShouldBe(200);

        var read = (await Host.Get(Package, ministry)).ShouldBe(200).Json;
        Assert.Equal(("received", "教育部已接收", "福建省"),
            (read["package"]!["state"]!.GetValue<string>(), read["stateLabel"]!.GetValue<string>(), read["provinceName"]!.GetValue<string>()));
        var package = read["package"]!;
        Assert.Equal(summary, package["summary"]!.GetValue<string>());
        Assert.Equal("福建省教育厅评审", package["submitted"]!["by"]!["name"]!.GetValue<string>());
        Assert.Equal("教育部评审", package["received"]!["by"]!["name"]!.GetValue<string>());
        var row = package["studios"]!.AsArray().Single()!;
        Assert.Equal(("厦门工商旅游学校班主任工作室", 3), (row["studio"]!.GetValue<string>(), row["members"]!.GetValue<int>()));
        Assert.DoesNotContain("王丽华", row["people"]!.ToJsonString());
        var cases = package["caseRows"]!.AsArray();
        Assert.Equal(["重点学生帮扶：小林的转变", "班级文化建设：一面墙的故事"], cases.Select(c => c!["title"]!.GetValue<string>()));
        Assert.Equal(body, cases[0]!["text"]!.GetValue<string>());

        var xlsx = (await Host.Get($"{Package}?format=xlsx", province)).ShouldBe(200);
        using (var stream = new MemoryStream(xlsx.Bytes))
        {
            var sheets = MiniExcel.GetSheetNames(stream);
            Assert.Equal(["阶段性工作小结", "中等职业学校班主任工作室建设情况信息表", "中等职业学校班主任工作室典型案例汇总表"], sheets);
            var lines = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "阶段性工作小结").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(summary, lines.Single(l => (string)l["项目"] == "阶段性工作小结")["内容"]);
            Assert.Equal("教育部评审", lines.Single(l => (string)l["项目"] == "接收人")["内容"]);
            var annex2 = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "中等职业学校班主任工作室建设情况信息表").Cast<IDictionary<string, object>>().ToList();
            Assert.DoesNotContain("王丽华", (string)annex2.Single()["成员（学校/学科/职称）"]);
            var annex3 = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "中等职业学校班主任工作室典型案例汇总表").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(body, annex3[0]["案例全文"]);
            Assert.Equal("陈美玲、林晓燕", annex3[0]["作者"]);
        }
        using (var zip = new ZipArchive(new MemoryStream(xlsx.Bytes)))
            Assert.Contains("wrapText=\"1\"", new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEnd());
    }

    [Fact]
    public async Task a_submission_after_the_deadline_is_late()
    {
        Clock.Set(2026, 5, 10);
        var studio = await Host.StaffedStudio(School("350206"),
            StudioBody(name: "厦门工商旅游学校班主任工作室", district: "350206", track: "vocational"));
        var only = await Case(studio, "重点学生帮扶：小林的转变", "案例全文。");
        await Settle();
        var province = Province();
        (await Host.Post(Package, new { deadline = "2026-06-30" }, province)).ShouldBe(200);
        (await Host.Put($"{Package}/summary", new { text = "小结" }, province)).ShouldBe(200);
        (await Host.Post($"{Package}/cases", new { outputId = only }, province)).ShouldBe(200);
        (await Host.Get($"{Package}?format=xlsx", province)).ShouldBeProblem(422, "submission.not-submitted");

        Clock.Set(2026, 7, 1);
        (await Host.Post($"{Package}/submit", new { }, province)).ShouldBeProblem(422, "submission.late");
        var read = (await Host.Get(Package, province)).ShouldBe(200).Json["package"]!;
        Assert.Equal("open", read["state"]!.GetValue<string>());
    }
    [Fact]
    public async Task a_case_of_another_province_or_of_no_output_is_refused()
    {
        Clock.Set(2026, 5, 10);
        var guangzhou = await Host.StaffedStudio(School("440103"), StudioBody(name: "广州市旅游商务职业学校班主任工作室", district: "440103",
            city: "440100", province: "440000", track: "vocational"));
        var id = (await Host.Post($"/api/studios/{guangzhou}/outputs", new
        {
            kind = "typical-case", category = "key-student-support", title = "广州的案例", authors = new[] { "H1" }, date = "2026-04-01", body = "全文",
        }, HostOf(guangzhou))).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{guangzhou}/outputs/{id}/submit", new { }, HostOf(guangzhou))).ShouldBe(200);
        (await Host.Post($"/api/studios/{guangzhou}/outputs/{id}/approve", new { }, School("440103"))).ShouldBe(200);
        var province = Province();
        (await Host.Post(Package, new { deadline = "2026-06-30" }, province)).ShouldBe(200);
        (await Host.Post($"{Package}/cases", new { outputId = id }, province)).ShouldBeProblem(422, "submission.case-outside-province");
        (await Host.Post($"{Package}/cases", new { outputId = Guid.NewGuid() }, province)).ShouldBeProblem(404, "submission.case-unknown");
        (await Host.Post($"{Package}/cases", new { }, province)).ShouldBe(400);
        (await Host.Post($"{Package}/submit", new { }, province)).ShouldBeProblem(422, "submission.summary.required");
    }
}
