using System.Text.Json.Nodes;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Years;

/// <summary>A whole studio year through HTTP; the ledger and the year view must agree with what was logged.</summary>
public sealed class a_studio_year(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Kinds =
    [
        "teaching-research-meeting", "demonstration-lesson", "theory-study", "research-project", "thematic-seminar",
        "class-practice", "peer-review", "emotion-salon", "case-analysis", "head-teacher-salon", "observation-showcase",
    ];

    private static readonly string[][] DomainSets =
    [
        ["exchange"], ["learning", "practice"], ["learning"], ["research"], ["research", "exchange"], ["practice"],
        ["growth", "exchange"], ["growth"], ["research", "practice"], ["exchange", "growth"], ["practice", "learning"],
    ];

    [Fact]
    public async Task plan_ledger_activities_outputs_summary_and_assessment_agree_with_what_was_logged()
    {
        Clock.Set(2026, 1, 5);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);

        // The plan: drafted, revised, approved by the school.
        var tasks = Enumerable.Range(1, 9).Select(i => new
        {
            title = $"任务{i}：班级建设专题",
            description = "按学期推进",
            ownerId = i % 2 == 0 ? "M1" : "H1",
            due = $"2026-{Math.Min(12, i + 3):00}-28",
            expectedKinds = new[] { Kinds[i % Kinds.Length] },
        }).ToList();
        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "建设学习型工作坊", tasks = tasks.Take(8) }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/plans/2026/revision",
            new { changes = new { goals = "建设学习型、研究型工作坊", tasks }, reason = "补充第九项任务" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/plans/2026/approval", new { note = "同意" }, MemberOf(id))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/plans/2026/approval", new { note = "同意" }, School())).ShouldBe(200);
        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "改", tasks }, host)).ShouldBeProblem(422, "plan.already-approved");

        var ledger = (await Host.Get($"/api/studios/{id}/ledger/2026", host)).ShouldBe(200).Json;
        var taskIds = ledger["tasks"]!.AsArray().Select(t => Guid.Parse(t!["taskId"]!.GetValue<string>())).ToList();
        Assert.Equal(9, taskIds.Count);
        Assert.All(ledger["tasks"]!.AsArray(), t => Assert.Equal("open", t!["status"]!.GetValue<string>()));
        var added = (await Host.Post($"/api/studios/{id}/tasks", new { title = "年中新增：心理健康周", ownerId = "M2", due = "2026-06-30" }, host))
            .ShouldBe(201).Json;
        taskIds.Add(Guid.Parse(added["taskId"]!.GetValue<string>()));

        // Activities across the year, each month's on the clock's day.
        var logged = new List<(Guid Id, string Kind, string[] Domains, decimal Hours, (string, decimal)[] People, Guid? Task)>();
        for (var i = 0; i < 22; i++)
        {
            var month = 1 + i / 2;
            var day = 6 + (i % 2) * 10;
            Clock.Set(2026, month, day);
            var people = new[] { ("H1", 2.5m), ("M1", 2.5m), ("M2", 2m), ("S1", 1.5m) }.Take(2 + i % 3).ToArray();
            var task = i < 10 ? taskIds[i] : (Guid?)null;
            var kind = Kinds[i % Kinds.Length];
            var domains = DomainSets[i % DomainSets.Length];
            var activity = await Host.LogActivity(id, host, Activity(kind, domains, $"2026-{month:00}-{day:00}", 2.5m, people,
                task is null ? null : [task.Value], $"第{i + 1}次活动"));
            logged.Add((activity, kind, domains, 2.5m, people, task));
        }

        // A correction (kind, hours and attendance) and a void.
        var corrected = logged[3];
        (await Host.Post($"/api/studios/{id}/activities/{corrected.Id}/corrections", new
        {
            changes = new { kind = "survey", hours = 3m, attendees = new[] { new { teacherId = "H1", hours = 3m }, new { teacherId = "M3", hours = 3m } } },
            reason = "记录有误，按签到表更正",
        }, host)).ShouldBe(200);
        logged[3] = corrected with { Kind = "survey", Hours = 3m, People = [("H1", 3m), ("M3", 3m)] };
        var voided = logged[7];
        (await Host.Post($"/api/studios/{id}/activities/{voided.Id}/void", new { reason = "重复登记" }, host)).ShouldBe(200);
        logged.RemoveAt(7);
        (await Host.Post($"/api/studios/{id}/activities/{voided.Id}/corrections", new { changes = new { title = "x" }, reason = "x" }, host))
            .ShouldBeProblem(422, "activity.voided");

        // Tasks closed, carried over, cancelled; a closed task cannot progress.
        Clock.Set(2026, 11, 30);
        foreach (var t in taskIds.Take(6))
            (await Host.Post($"/api/studios/{id}/tasks/{t}/close", new { reason = "已完成", evidence = new[] { "https://example.org/e" } }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/tasks/{taskIds[0]}/progress", new { reason = "补充", percent = 100 }, host)).ShouldBeProblem(422, "task.closed");
        (await Host.Post($"/api/studios/{id}/tasks/{taskIds[6]}/progress", new { reason = "推进中", percent = 60 }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/tasks/{taskIds[6]}/carry-over", new { reason = "课题延期" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/tasks/{taskIds[7]}/cancel", new { reason = "上级调整" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/tasks/{taskIds[7]}/reopen", new { reason = "恢复" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/tasks/{taskIds[7]}/cancel", new { reason = "最终取消" }, host)).ShouldBe(200);

        // An output through the whole review path, and a case.
        var outputId = await Output(id, host, new
        {
            kind = "typical-case", category = "home-school-communication", title = "家校沟通典型案例",
            authors = new[] { "H1", "M1" }, date = "2026-11-20", summary = "摘要", body = new string('家', 2999),
        });
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/approve", new { }, School())).ShouldBeProblem(422, "output.cannot-approve");
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/submit", new { }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/return", new { reason = "补充细节" }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/revision", new
        {
            changes = new { title = "家校沟通典型案例（修订）", body = new string('校', 3000) }, reason = "已补充",
        }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/submit", new { }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/approve", new { note = "同意推荐" }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/recommend", new { level = "city" }, Reviewer("350203"))).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/recommend", new { level = "city" }, Reviewer("350203"))).ShouldBeProblem(422, "output.level-not-higher");
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/recommend", new { level = "province" }, Reviewer())).ShouldBe(200);
        await Output(id, host, new { kind = "publicity-platform", title = "工作坊公众号", authors = new[] { "M2" }, date = "2026-03-01", links = new[] { "https://example.org/wechat" } });

        // Year end.
        Clock.Set(2026, 12, 28);
        (await Host.Post($"/api/studios/{id}/leadership-hearings", new { date = "2026-04-10", note = "校党委听取汇报" }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/leadership-hearings", new { date = "2026-10-12" }, School())).ShouldBe(200);
        var reflection = (await Host.Post($"/api/studios/{id}/reflections", new { text = "期中反思", adjustments = "增加线上研讨", date = "2026-06-30" }, host))
            .ShouldBe(201);
        var reflectionId = reflection.Json["reflectionId"]!.GetValue<string>();
        Assert.Equal($"/api/studios/{id}/years/2026/reflections/{reflectionId}", reflection.Header("location"));
        Assert.Equal(reflection.Header("location"), reflection.Json["url"]!.GetValue<string>());
        var read = (await Host.Get(reflection.Header("location")!, School())).ShouldBe(200).Json;
        Assert.Equal(reflectionId, read["reflectionId"]!.GetValue<string>());
        Assert.Equal("增加线上研讨", read["adjustments"]!.GetValue<string>());
        (await Host.Get($"/api/studios/{id}/years/2025/reflections/{reflectionId}", host)).ShouldBeProblem(404);
        (await Host.Post($"/api/studios/{id}/years/2026/summary", new { text = "年终总结：工作坊全年开展活动。" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/assessments/2026", new { result = "excellent", note = "成效显著" }, host)).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/assessments/2026", new { result = "excellent", note = "成效显著" }, Reviewer())).ShouldBe(200);

        // The ledger agrees.
        ledger = (await Host.Get($"/api/studios/{id}/ledger/2026", host)).ShouldBe(200).Json;
        var counts = ledger["counts"]!;
        Assert.Equal(10, counts["opened"]!.GetValue<int>());
        Assert.Equal(6, counts["closed"]!.GetValue<int>());
        Assert.Equal(1, counts["carriedOver"]!.GetValue<int>());
        Assert.Equal(1, counts["cancelled"]!.GetValue<int>());
        Assert.Equal(2, counts["open"]!.GetValue<int>());
        var lines = ledger["tasks"]!.AsArray().ToDictionary(t => Guid.Parse(t!["taskId"]!.GetValue<string>()), t => t!);
        foreach (var a in logged.Where(a => a.Task is not null))
            Assert.Contains(a.Id.ToString(), lines[a.Task!.Value]["activities"]!.AsArray().Select(x => x!["activityId"]!.GetValue<string>()));
        Assert.DoesNotContain(voided.Id.ToString(), lines[voided.Task!.Value]["activities"]!.AsArray().Select(x => x!["activityId"]!.GetValue<string>()));
        Assert.Equal(["opened", "cancelled", "reopened", "cancelled"], lines[taskIds[7]]["history"]!.AsArray().Select(h => h!["step"]!.GetValue<string>()).Skip(1));
        var next = (await Host.Get($"/api/studios/{id}/ledger/2027", host)).Json;
        Assert.Equal("carried-in", next["tasks"]![0]!["origin"]!.GetValue<string>());
        Assert.Equal(2026, next["tasks"]![0]!["carriedFrom"]!.GetValue<int>());

        // The year view agrees.
        var year = (await Host.Get($"/api/studios/{id}/years/2026", host)).ShouldBe(200).Json;
        var activities = year["activities"]!;
        Assert.Equal(logged.Count, activities["count"]!.GetValue<int>());
        Assert.Equal(logged.Sum(a => a.Hours), activities["hours"]!.GetValue<decimal>());
        foreach (var kind in logged.GroupBy(a => a.Kind))
        {
            Assert.Equal(kind.Count(), Count(activities["byKind"]!, kind.Key));
            Assert.Equal(kind.Sum(a => a.Hours), activities["byKind"]!.AsArray().Single(k => k!["code"]!.GetValue<string>() == kind.Key)!["hours"]!.GetValue<decimal>());
        }
        foreach (var domain in logged.SelectMany(a => a.Domains).Distinct())
            Assert.Equal(logged.Count(a => a.Domains.Contains(domain)), Count(activities["byDomain"]!, domain));
        Assert.Empty(activities["domainsMissing"]!.AsArray());
        var hours = year["attendance"]!.AsArray().ToDictionary(t => t!["teacherId"]!.GetValue<string>(), t => t!["hours"]!.GetValue<decimal>());
        foreach (var person in logged.SelectMany(a => a.People).GroupBy(p => p.Item1))
            Assert.Equal(person.Sum(p => p.Item2), hours[person.Key]);
        Assert.Equal(2, year["outputs"]!["count"]!.GetValue<int>());
        Assert.Equal(1, Count(year["outputs"]!["byState"]!, "recommended"));
        // Outputs take no time of their own: their tallies carry no hours (they read 0 when they did).
        Assert.All(year["outputs"]!["byKind"]!.AsArray().Concat(year["outputs"]!["byState"]!.AsArray()), tally =>
        {
            Assert.Null(tally!["hours"]);
            Assert.False(string.IsNullOrEmpty(tally["label"]!.GetValue<string>()));
        });
        Assert.Equal("excellent", year["assessment"]!["result"]!.GetValue<string>());
        Assert.Equal(2, year["hearings"]!.AsArray().Count);
        Assert.Equal("年终总结：工作坊全年开展活动。", year["summary"]!["text"]!.GetValue<string>());
        Assert.True(year["plan"]!["approved"]!.GetValue<bool>());
        Assert.Equal(2, year["plan"]!["revision"]!.GetValue<int>());

        // The activity keeps its history; the list filters.
        var record = (await Host.Get($"/api/studios/{id}/activities/{corrected.Id}", host)).Json;
        Assert.Equal("survey", record["facts"]!["kind"]!.GetValue<string>());
        Assert.Equal(Kinds[3], record["history"]![1]!["before"]!["kind"]!.GetValue<string>());
        var m3 = (await Host.Get($"/api/studios/{id}/activities?teacherId=M3", host)).Json;
        Assert.Equal(logged.Count(a => a.People.Any(p => p.Item1 == "M3")), m3["total"]!.GetValue<int>());
        var all = (await Host.Get($"/api/studios/{id}/activities?year=2026&pageSize=100&includeVoided=true", host)).Json;
        Assert.Equal(logged.Count + 1, all["total"]!.GetValue<int>());
        var output = (await Host.Get($"/api/studios/{id}/outputs/{outputId}", Reviewer())).Json;
        Assert.Equal(3000, output["characters"]!.GetValue<int>());
        Assert.Equal("province", output["level"]!.GetValue<string>());
    }

    private static int Count(JsonNode list, string code) =>
        list.AsArray().FirstOrDefault(x => x!["code"]!.GetValue<string>() == code)?["count"]!.GetValue<int>() ?? 0;

    private async Task<Guid> Output(Guid id, string token, object body) =>
        Guid.Parse((await Host.Post($"/api/studios/{id}/outputs", body, token)).ShouldBe(201).Json["outputId"]!.GetValue<string>());
}
