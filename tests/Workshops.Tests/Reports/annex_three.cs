using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Reports;

/// <summary>
/// Annex 3 lists the typical cases of vocational studios only, each with its category, authors by name, host, studio,
/// school and the full case text, in JSON, CSV and XLSX alike; report endpoints answer a format or refuse it.
/// </summary>
public sealed class annex_three(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<string> Case(Guid studio, string district, string kind, string title, string body)
    {
        var id = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind, category = "key-student-support", title, authors = new[] { "H1", "M1" }, date = "2026-04-01", summary = "摘要", body,
        }, HostOf(studio))).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/submit", new { }, HostOf(studio))).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/approve", new { }, School(district))).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/recommend", new { level = "city" }, Reviewer(district))).ShouldBe(200);
        return id;
    }

    [Fact]
    public async Task typical_cases_of_vocational_studios_with_names_and_the_full_text_in_every_format()
    {
        Clock.Set(2026, 5, 10);
        var vocational = await Host.StaffedStudio(School("350206"),
            StudioBody(name: "厦门工商旅游学校班主任工作室", district: "350206", track: "vocational"));
        var workshop = await Host.StaffedStudio(School(), StudioBody(name: "厦门市第一中学班主任工作坊"));
        // A case of 2,990 characters, with brackets and commas of its own, a line break and a quotation mark.
        var body = "【案例背景】小林，中职二年级学生，\"沉迷手机\"。\n" + string.Concat(Enumerable.Repeat("班主任每周与他谈心，家校协同帮扶，", 200));
        body = body[..2990];
        await Case(vocational, "350206", "typical-case", "重点学生帮扶：小林的转变", body);
        await Case(vocational, "350206", "library-case", "案例库中的帮扶案例", "案例库案例正文");
        await Case(workshop, "350203", "typical-case", "中小学帮扶案例", "中小学案例正文");
        await Settle();
        var reviewer = Reviewer("350200");

        var annex3 = (await Host.Get("/api/reviews/cases", reviewer)).ShouldBe(200).Json;
        var row = annex3["items"]!.AsArray().Single()!;
        Assert.Equal("重点学生帮扶：小林的转变", row["title"]!.GetValue<string>());
        Assert.Equal(("key-student-support", "重点学生帮扶"), (row["category"]!.GetValue<string>(), row["categoryLabel"]!.GetValue<string>()));
        Assert.Equal(["H1", "M1"], row["authors"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(["陈美玲", "林晓燕"], row["authorNames"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(("H1", "陈美玲"), (row["hostId"]!.GetValue<string>(), row["host"]!.GetValue<string>()));
        Assert.Equal(("厦门市第一中学", "厦门工商旅游学校班主任工作室"), (row["school"]!.GetValue<string>(), row["studio"]!.GetValue<string>()));
        Assert.Equal("湖里区", row["districtName"]!.GetValue<string>());
        Assert.Equal(body, row["text"]!.GetValue<string>());
        var k12 = (await Host.Get("/api/reviews/workshop-cases", reviewer)).ShouldBe(200).Json;
        Assert.Equal(["中小学帮扶案例"], k12["items"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()));

        var csv = (await Host.Get("/api/reviews/cases?format=csv", reviewer)).ShouldBe(200);
        var text = Encoding.UTF8.GetString(csv.Bytes[3..]);
        Assert.StartsWith("序号,省份,地市,区县,学校名称,工作室名称,主持人,案例名称,成果类型,案例类别,作者,字数,推荐级别,年度,案例摘要,案例全文\r\n", text);
        Assert.Contains("福建省,厦门市,湖里区,厦门市第一中学,厦门工商旅游学校班主任工作室,陈美玲,重点学生帮扶：小林的转变,典型工作法/典型育人案例,重点学生帮扶,陈美玲、林晓燕,2990,市级,2026,摘要,", text);
        Assert.EndsWith("\"" + body.Replace("\"", "\"\"") + "\"\r\n", text);

        var xlsx = (await Host.Get("/api/reviews/cases?format=xlsx", reviewer)).ShouldBe(200);
        using (var stream = new MemoryStream(xlsx.Bytes))
        {
            var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "中等职业学校班主任工作室典型案例汇总表").Cast<IDictionary<string, object>>().ToList();
            Assert.Equal(body, rows.Single()["案例全文"]);
            Assert.Equal("陈美玲、林晓燕", rows.Single()["作者"]);
            Assert.Equal("湖里区", rows.Single()["区县"]);
        }
        using (var zip = new ZipArchive(new MemoryStream(xlsx.Bytes)))
        {
            string Read(string name) => new StreamReader(zip.GetEntry(name)!.Open()).ReadToEnd();
            Assert.Contains("wrapText=\"1\"", Read("xl/styles.xml"));
            Assert.Contains("width=\"100", Read("xl/worksheets/sheet1.xml"));
        }
    }

    [Theory]
    [InlineData("/api/reviews/outputs?format=csv", 200)]
    [InlineData("/api/reviews/outputs?format=xlsx", 200)]
    [InlineData("/api/reviews/outputs?format=pdf", 400)]
    [InlineData("/api/reviews/checklists?format=csv", 400)]
    [InlineData("/api/regions/350200/dashboard?format=xlsx", 400)]
    [InlineData("/api/reviews/workshops?format=xlsx", 200)]
    [InlineData("/api/reviews/workshop-cases?format=csv", 200)]
    [InlineData("/api/reviews/checklists?format=json", 200)]
    public async Task a_report_answers_the_format_asked_or_refuses_it(string url, int status)
    {
        Clock.Set(2026, 5, 10);
        var reply = await Host.Get(url, Reviewer("350200"));
        if (status == 400)
        {
            Assert.NotNull(reply.ShouldBeProblem(400).Json["errors"]!["format"]);
            return;
        }
        reply.ShouldBe(200);
        if (url.EndsWith("csv")) Assert.StartsWith("text/csv", reply.Header("Content-Type"));
        if (url.EndsWith("xlsx")) Assert.StartsWith("application/vnd.openxmlformats", reply.Header("Content-Type"));
    }
}
