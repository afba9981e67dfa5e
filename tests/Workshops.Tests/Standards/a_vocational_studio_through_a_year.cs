using System.Text.Json.Nodes;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Standards;

/// <summary>A vocational studio (seed 001) outside Xiamen through a year: its rule set, roster, plan, activities and checklist.</summary>
public sealed class a_vocational_studio_through_a_year(AppFixture fixture) : ApiTest(fixture)
{
    private static JsonNode Item(JsonNode checklist, string code) =>
        checklist["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == code)!;

    [Fact]
    public async Task a_vocational_studio_grows_past_four_members_with_a_warning_and_is_judged_by_its_own_rules()
    {
        Clock.Set(2026, 1, 10);
        var school = School("350102");
        var id = await Host.EstablishStudio(school, StudioBody("福州市职业教育班主任工作室", district: "350102", city: "350100", track: "vocational",
            founded: "2026-01-05"));
        var rules = (await Host.Get($"/api/studios/{id}/rule-set", school)).ShouldBe(200).Json;
        Assert.Equal("moe-vocational-2022", rules["ruleSet"]!["code"]!.GetValue<string>());

        // The host's record: head teacher since 2015, an 优秀班主任 honour (seed 001 附件1 二.(二).3's 实绩).
        (await Host.Post("/api/teachers", new
        {
            id = "H1", name = "陈美玲", gender = "female", school = "厦门市第一中学", region = "350102", track = "vocational", subject = "语文",
            teachingSince = "2010-09-01", headTeacherSince = "2015-09-01", title = "senior", titleSince = "2020-09-01",
        }, school)).ShouldBe(201);
        (await Host.Post("/api/teachers/H1/honours", new { honour = "excellent-head-teacher", level = "municipal", issuer = "福州市教育局", on = "2023-09-10" },
            school)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/host", new { teacher = Teacher("H1", "陈美玲", since: "2015-09-01"), on = "2026-01-05" }, school)).ShouldBe(200);
        var host = HostOf(id);
        JsonNode? last = null;
        for (var i = 1; i <= 5; i++)
            last = (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher($"M{i}", $"成员{i}"), on = "2026-01-06" }, school)).ShouldBe(200).Json;
        Assert.Equal("moe-vocational-2022", last!["ruleSet"]!.GetValue<string>());
        Assert.Contains(last["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "composition.members-above-advised");

        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "建设目标", tasks = new[] { new { title = "班级文化建设" } } }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/plans/2026/approval", new { }, school)).ShouldBe(200);
        Clock.Set(2026, 3, 20);
        (await Host.Post($"/api/studios/{id}/leadership-hearings", new { date = "2026-03-15", note = "听取汇报" }, school)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/attestations", new { code = "1.1.1", result = "met", note = "已纳入学校2026年党建工作要点" }, school)).ShouldBe(200);
        var task = (await Host.Get($"/api/studios/{id}/ledger/2026", host)).Json["tasks"]![0]!["taskId"]!.GetValue<string>();
        await Host.LogActivity(id, host, Activity("teaching-research-meeting", ["exchange", "learning", "research"], "2026-03-18", 2,
            [("H1", 2), ("M1", 2), ("M5", 2)], [Guid.Parse(task)]));

        var studio = (await Host.Get($"/api/studios/{id}", host)).ShouldBe(200).Json;
        Assert.Equal(5, studio["members"]!.AsArray().Count);
        var warnings = studio["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("composition.members-above-advised", warnings);
        Assert.DoesNotContain("composition.members-below-min", warnings);
        Assert.Equal("高级教师", studio["rosterFacts"]!.AsArray().Single(f => f!["teacherId"]!.GetValue<string>() == "H1")!["title"]!.GetValue<string>());

        var checklist = (await Host.Get($"/api/studios/{id}/checklist", Reviewer("350100"))).ShouldBe(200).Json;
        Assert.Equal("moe-2022", checklist["standard"]!.GetValue<string>());
        var size = Item(checklist, "2.1.2");
        Assert.Equal("partly-met", size["status"]!.GetValue<string>());
        Assert.Contains("建议不超过4人", size["reason"]!.GetValue<string>());
        var lead = Item(checklist, "2.2.3");
        Assert.Equal("met", lead["status"]!.GetValue<string>());
        Assert.Contains("班主任工作10年", lead["reason"]!.GetValue<string>());
        Assert.Contains("本校班主任及培育对象6/6人", Item(checklist, "2.1.1")["reason"]!.GetValue<string>());
        Assert.Equal("met", Item(checklist, "1.3.1")["status"]!.GetValue<string>());
        Assert.Equal("met", Item(checklist, "1.1.1")["status"]!.GetValue<string>());

        // Recorded later that the host stopped serving from 2026-03-01: the checklist of today judges the record as it is now.
        (await Host.Post("/api/teachers/H1/head-teacher-service/end", new { on = "2026-02-28" }, school)).ShouldBe(200);
        var after = (await Host.Get($"/api/studios/{id}/checklist", Reviewer("350100"))).ShouldBe(200).Json;
        Assert.Equal("partly-met", Item(after, "2.2.3")["status"]!.GetValue<string>());
    }
}
