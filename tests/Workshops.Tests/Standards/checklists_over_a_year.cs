using System.Text.Json.Nodes;
using JasperFx.Events;
using Marten;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Standards;

public sealed class checklists_over_a_year(AppFixture fixture) : ApiTest(fixture)
{
    private static string StatusOf(JsonNode checklist, string code) =>
        checklist["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == code)!["status"]!.GetValue<string>();

    [Fact]
    public async Task items_change_state_over_the_year_and_each_past_day_shows_what_was_true_then()
    {
        Clock.Set(2026, 1, 10);
        var id = await Host.StaffedStudio(School(), StudioBody(track: "vocational"));
        var host = HostOf(id);
        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "建设目标", tasks = new[] { new { title = "班级文化建设" } } }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/plans/2026/approval", new { }, School())).ShouldBe(200);

        Clock.Set(2026, 3, 20);
        (await Host.Post($"/api/studios/{id}/leadership-hearings", new { date = "2026-03-15", note = "听取汇报" }, School())).ShouldBe(200);
        var task = (await Host.Get($"/api/studios/{id}/ledger/2026", host)).Json["tasks"]![0]!["taskId"]!.GetValue<string>();
        await Host.LogActivity(id, host, Activity("teaching-research-meeting", ["exchange", "learning", "research"], "2026-03-18", 2, [("H1", 2), ("M1", 2)],
            [Guid.Parse(task)]));

        Clock.Set(2026, 9, 20);
        (await Host.Post($"/api/studios/{id}/leadership-hearings", new { date = "2026-09-15" }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/attestations", new { code = "1.1.1", result = "met", note = "已纳入学校党建工作规划" }, School())).ShouldBe(200);
        await Host.LogActivity(id, host, Activity("class-practice", ["practice", "growth"], "2026-09-10", 3, [("M2", 3)]));
        var platform = (await Host.Post($"/api/studios/{id}/outputs", new { kind = "publicity-platform", title = "工作室公众号", authors = new[] { "H1" }, date = "2026-09-01" }, host))
            .ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{id}/outputs/{platform}/submit", new { }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/outputs/{platform}/approve", new { }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/attestations", new { code = "2.2.1", result = "met", note = "师德考核均为优秀" }, School())).ShouldBe(200);

        var now = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022", Reviewer())).ShouldBe(200).Json;
        Assert.Equal(32, now["items"]!.AsArray().Count);
        Assert.Equal("met", StatusOf(now, "1.1.1"));
        Assert.Equal("met", StatusOf(now, "1.3.1"));
        Assert.Equal("met", StatusOf(now, "3.2.1"));
        Assert.Equal("met", StatusOf(now, "3.4.2"));
        Assert.Equal("met", StatusOf(now, "2.2.1"));
        Assert.Equal("awaiting-attestation", StatusOf(now, "4.5.1"));
        Assert.Equal(32, now["summary"]!["total"]!.GetValue<int>());
        Assert.Equal(5, now["byLevel"]!.AsArray().Count);
        var tally = now["summary"]!;
        Assert.Equal(32, new[] { "met", "partlyMet", "notMet", "awaitingAttestation" }.Sum(k => tally[k]!.GetValue<int>()));

        // As of three days: the year as it was recorded then.
        var march = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022&asOf=2026-03-01", Reviewer())).ShouldBe(200).Json;
        Assert.Equal("not-met", StatusOf(march, "1.1.1"));
        Assert.Equal("met", StatusOf(march, "1.3.1"));
        Assert.Equal("not-met", StatusOf(march, "3.2.1"));
        var august = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022&asOf=2026-08-31", Reviewer())).Json;
        Assert.Equal("partly-met", StatusOf(august, "1.1.1"));
        Assert.Equal("partly-met", StatusOf(august, "3.2.1"));
        Assert.Equal("not-met", StatusOf(august, "3.4.2"));
        Assert.Equal("awaiting-attestation", StatusOf(august, "2.2.1"));
        var january = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022&asOf=2026-01-09", Reviewer()));
        january.ShouldBeProblem(404);

        // Every piece of evidence is a real event of this studio, with its sequence.
        await using var session = Fixture.Store.QuerySession();
        var events = (await session.Events.FetchStreamAsync(id)).ToDictionary(e => e.Id);
        var evidence = now["items"]!.AsArray().SelectMany(i => i!["evidence"]!.AsArray()).ToList();
        Assert.NotEmpty(evidence);
        foreach (var e in evidence)
        {
            var ev = events[Guid.Parse(e!["eventId"]!.GetValue<string>())];
            Assert.Equal(ev.Sequence, e["sequence"]!.GetValue<long>());
            Assert.Equal(ev.EventTypeName, e["type"]!.GetValue<string>());
            Assert.StartsWith($"/api/studios/{id}", e["link"]!.GetValue<string>().Replace("/api/teachers", $"/api/studios/{id}/t"));
        }
    }

    [Fact]
    public async Task the_k12_checklist_is_the_default_for_a_k12_workshop_and_attestations_need_the_right_item_and_role()
    {
        Clock.Set(2026, 6, 1);
        var id = await Host.StaffedStudio(School());
        var checklist = (await Host.Get($"/api/studios/{id}/checklist", HostOf(id))).ShouldBe(200).Json;
        Assert.Equal("k12-workshop", checklist["standard"]!.GetValue<string>());
        Assert.Equal(["X.1", "X.2", "X.3", "X.4"], checklist["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));
        Assert.Equal("met", StatusOf(checklist, "X.1"));
        (await Host.Get($"/api/studios/{id}/checklist?standard=moe-1999", HostOf(id))).ShouldBeProblem(400);
        (await Host.Post($"/api/studios/{id}/attestations", new { standard = "moe-2022", code = "4.5.1", result = "met", note = "班风良好" }, HostOf(id)))
            .ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/attestations", new { standard = "moe-2022", code = "3.2.1", result = "met", note = "x" }, Reviewer()))
            .ShouldBeProblem(422, "attestation.not-needed");
        (await Host.Post($"/api/studios/{id}/attestations", new { standard = "moe-2022", code = "9.9.9", result = "met", note = "x" }, Reviewer()))
            .ShouldBeProblem(404, "attestation.unknown-item");
        (await Host.Post($"/api/studios/{id}/attestations", new { standard = "moe-2022", code = "4.5.1", result = "yes", note = "x" }, Reviewer()))
            .ShouldBeProblem(400);
        (await Host.Post($"/api/studios/{id}/attestations", new { standard = "moe-2022", code = "4.5.1", result = "not-met", note = "班风待改进" }, Reviewer()))
            .ShouldBe(200);
        var moe = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022", HostOf(id))).Json;
        Assert.Equal("not-met", StatusOf(moe, "4.5.1"));
    }

    [Fact]
    public async Task reviewers_see_checklists_only_within_their_region()
    {
        Clock.Set(2026, 6, 1);
        var siming = await Host.StaffedStudio(School(), StudioBody(name: "甲工作坊"));
        var huli = await Host.StaffedStudio(School("350206"), StudioBody(name: "乙工作坊", district: "350206"));
        (await Host.Get($"/api/studios/{siming}/checklist", Reviewer("350100"))).ShouldBeProblem(403);
        (await Host.Get($"/api/studios/{siming}/checklist", School("350206"))).ShouldBeProblem(403);
        var city = (await Host.Get("/api/reviews/checklists?standard=k12-workshop", Reviewer("350200"))).ShouldBe(200).Json;
        Assert.Equal(2, city["total"]!.GetValue<int>());
        var names = city["items"]!.AsArray().Select(r => r!["studioName"]!.GetValue<string>()).ToList();
        Assert.Equal(new[] { "甲工作坊", "乙工作坊" }.Order(StringComparer.Ordinal), names);
        var district = (await Host.Get("/api/reviews/checklists?region=350206", Reviewer("350200"))).Json;
        Assert.Equal(huli.ToString(), district["items"]![0]!["studioId"]!.GetValue<string>());
        (await Host.Get("/api/reviews/checklists?region=350200", Reviewer("350206"))).ShouldBeProblem(403);
        (await Host.Get("/api/reviews/checklists", HostOf(siming))).ShouldBeProblem(403);
        var row = city["items"]![0]!;
        Assert.Equal(4, row["summary"]!["total"]!.GetValue<int>());
        Assert.Contains("X.4", row["notMet"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));
    }
}
