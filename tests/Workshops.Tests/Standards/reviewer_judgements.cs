using System.Text;
using System.Text.Json.Nodes;
using MiniExcelLibs;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Standards;

/// <summary>A reviewer judges checklist items over HTTP: beside the rule's verdict and the attestation, in the summary and as of a day.</summary>
public sealed class reviewer_judgements(AppFixture fixture) : ApiTest(fixture)
{
    private static JsonNode Item(JsonNode checklist, string code) =>
        checklist["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == code)!;

    [Fact]
    public async Task a_judgement_counts_from_the_day_it_is_made_and_a_past_day_shows_the_rules_verdict()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School(), StudioBody(track: "vocational"));
        Clock.Set(2026, 4, 20);
        (await Host.Post($"/api/studios/{id}/judgements",
            new { code = "1.3.1", result = "met", reason = "建设方案纸质稿已经学校党委会审定，系统未录入。", standard = "moe-2022" }, Reviewer())).ShouldBe(200);
        await Settle();

        var now = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022", Reviewer())).ShouldBe(200).Json;
        var item = Item(now, "1.3.1");
        Assert.Equal("not-met", item["verdict"]!.GetValue<string>());
        Assert.Equal("met", item["status"]!.GetValue<string>());
        Assert.Equal("met", item["review"]!["result"]!.GetValue<string>());
        Assert.Equal("建设方案纸质稿已经学校党委会审定，系统未录入。", item["review"]!["reason"]!.GetValue<string>());
        Assert.Equal("厦门市教育局评审", item["review"]!["by"]!.GetValue<string>());

        var before = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022&asOf=2026-04-19", Reviewer())).ShouldBe(200).Json;
        Assert.Equal("not-met", Item(before, "1.3.1")["status"]!.GetValue<string>());
        Assert.Null(Item(before, "1.3.1")["review"]);
        Assert.Equal(now["summary"]!["met"]!.GetValue<int>() - 1, before["summary"]!["met"]!.GetValue<int>());
        var on = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022&asOf=2026-04-20", Reviewer())).ShouldBe(200).Json;
        Assert.Equal("met", Item(on, "1.3.1")["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_later_judgement_supersedes_and_the_reviewers_listing_counts_it()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School(), StudioBody(track: "vocational"));
        (await Host.Post($"/api/studios/{id}/attestations", new { code = "2.2.1", result = "met", note = "师德考核均为优秀" }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/judgements", new { code = "2.2.1", result = "not-met", reason = "一名成员师德考核材料缺失" }, Reviewer())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/judgements", new { code = "2.2.1", result = "partly-met", reason = "材料已补交，待复核" }, Reviewer())).ShouldBe(200);
        await Settle();

        var item = Item((await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022", HostOf(id))).ShouldBe(200).Json, "2.2.1");
        Assert.Equal("met", item["verdict"]!.GetValue<string>());
        Assert.True(item["attestation"]!["met"]!.GetValue<bool>());
        Assert.Equal("partly-met", item["status"]!.GetValue<string>());
        Assert.Equal("材料已补交，待复核", item["review"]!["reason"]!.GetValue<string>());

        var row = (await Host.Get("/api/reviews/checklists?region=350203&standard=moe-2022", Reviewer())).ShouldBe(200).Json["items"]![0]!;
        var open = row["notMet"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "2.2.1")!;
        Assert.Equal("partly-met", open["status"]!.GetValue<string>());
        Assert.Contains("材料已补交，待复核", open["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task csv_and_xlsx_show_the_verdict_the_attestation_and_the_judgement_side_by_side()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School(), StudioBody(track: "vocational"));
        (await Host.Post($"/api/studios/{id}/attestations", new { code = "2.2.1", result = "met", note = "师德考核均为优秀" }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/judgements", new { code = "2.2.1", result = "partly-met", reason = "一名成员材料缺失" }, Reviewer())).ShouldBe(200);
        await Settle();

        var csv = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022&format=csv", Reviewer())).ShouldBe(200);
        var lines = Encoding.UTF8.GetString(csv.Bytes[3..]).Split("\r\n");
        Assert.Equal("达标情况", lines[0]); // the first of two tables: the items, then the tally
        Assert.Equal("指标,一级指标,二级指标,三级指标,规则判定,判定说明,认定,认定说明,认定人,评审判定,评审理由,评审人,结论", lines[1]);
        var row = lines.Single(l => l.StartsWith("2.2.1,", StringComparison.Ordinal));
        Assert.Contains(",达标,", row);
        Assert.Contains("师德考核均为优秀", row);
        Assert.EndsWith("部分达标,一名成员材料缺失,厦门市教育局评审,部分达标", row);

        var xlsx = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022&format=xlsx", Reviewer())).ShouldBe(200);
        using var stream = new MemoryStream(xlsx.Bytes);
        var rows = MiniExcel.Query(stream, useHeaderRow: true, sheetName: "达标情况").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(32, rows.Count);
        var judged = rows.Single(r => (string)r["指标"] == "2.2.1");
        Assert.Equal("达标", judged["认定"]);
        Assert.Equal("部分达标", judged["评审判定"]);
        Assert.Equal("部分达标", judged["结论"]);
        // For an attested item the verdict column is the attestation's.
        Assert.Equal("达标", judged["规则判定"]);
    }

    [Fact]
    public async Task only_reviewers_of_the_studios_region_judge_and_a_reason_and_a_known_item_are_needed()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School(), StudioBody(track: "vocational"));
        var body = new { code = "1.1.1", result = "met", reason = "理由" };
        (await Host.Post($"/api/studios/{id}/judgements", body, Reviewer("350600"))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/judgements", body, School())).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/judgements", body, HostOf(id))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/judgements", new { code = "1.1.1", result = "met", reason = " " }, Reviewer())).ShouldBeProblem(400);
        (await Host.Post($"/api/studios/{id}/judgements", new { code = "9.9.9", result = "met", reason = "理由" }, Reviewer()))
            .ShouldBeProblem(404, "judgement.unknown-item");
        (await Host.Post($"/api/studios/{Guid.NewGuid()}/judgements", body, Reviewer())).ShouldBeProblem(404);
    }
}
