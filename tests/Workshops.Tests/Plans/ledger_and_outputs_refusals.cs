using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Plans;

public sealed class ledger_and_outputs_refusals(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_ledger_state_machine_refuses_moves_from_the_wrong_state()
    {
        Clock.Set(2026, 2, 1);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "目标", tasks = new[] { new { title = "任务A", ownerId = "X9" } } }, host))
            .ShouldBeProblem(422, "task.owner-not-on-roster");
        var outside = (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "目标", tasks = new[] { new { title = "任务A", due = "2027-01-01" } } }, host))
            .ShouldBeProblem(400);
        Assert.NotNull(outside.Json["errors"]!["tasks[0].due"]);
        Assert.NotNull((await Host.Post($"/api/studios/{id}/tasks", new { title = "任务A", due = "2025-12-31", year = 2026 }, host))
            .ShouldBeProblem(400).Json["errors"]!["due"]);
        (await Host.Put($"/api/studios/{id}/plans/2030", new { goals = "目标", tasks = new[] { new { title = "任务A" } } }, host))
            .ShouldBeProblem(422, "plan.year-out-of-range");
        (await Host.Post($"/api/studios/{id}/plans/2026/approval", new { }, School())).ShouldBeProblem(404, "plan.none");
        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "目标", tasks = new[] { new { title = "任务A" } } }, host)).ShouldBe(200);
        var planned = (await Host.Get($"/api/studios/{id}/ledger/2026", host)).Json["tasks"]![0]!;
        Assert.Equal("planned", planned["status"]!.GetValue<string>());
        var task = planned["taskId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{id}/tasks/{task}/progress", new { reason = "早" }, host)).ShouldBeProblem(422, "task.not-open");
        (await Host.Post($"/api/studios/{id}/plans/2026/approval", new { }, host)).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/plans/2026/approval", new { }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/plans/2026/approval", new { }, School())).ShouldBeProblem(422, "plan.already-approved");
        (await Host.Post($"/api/studios/{id}/tasks/{task}/reopen", new { reason = "?" }, host)).ShouldBeProblem(422, "task.not-closed");
        (await Host.Post($"/api/studios/{id}/tasks/{task}/progress", new { reason = "进展", percent = 101 }, host)).ShouldBeProblem(400);
        (await Host.Post($"/api/studios/{id}/tasks/{Guid.NewGuid()}/close", new { reason = "?" }, host)).ShouldBeProblem(404, "task.unknown");
        (await Host.Post($"/api/studios/{id}/tasks/{task}/close", new { reason = "完成", activityIds = new[] { Guid.NewGuid() } }, host))
            .ShouldBeProblem(422, "task.unknown-activity");
        var activity = await Host.LogActivity(id, host, Activity("lecture", ["learning"], "2026-01-20", 2, [("H1", 2)], [Guid.Parse(task)]));
        (await Host.Post($"/api/studios/{id}/tasks/{task}/close", new { reason = "完成", activityIds = new[] { activity } }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/tasks/{task}/cancel", new { reason = "?" }, host)).ShouldBeProblem(422, "task.closed");
        (await Host.Post($"/api/studios/{id}/tasks/{task}/carry-over", new { reason = "?" }, host)).ShouldBeProblem(422, "task.closed");
        var line = (await Host.Get($"/api/studios/{id}/ledger/2026", host)).Json["tasks"]![0]!;
        Assert.Equal(activity.ToString(), line["closingActivities"]![0]!.GetValue<string>());
        (await Host.Post($"/api/studios/{id}/tasks", new { title = "任务B", year = 2026 }, MemberOf(id))).ShouldBeProblem(403);
    }

    [Fact]
    public async Task a_case_too_long_and_without_its_category_is_input_told_in_one_400()
    {
        Clock.Set(2026, 5, 1);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        var problem = (await Host.Post($"/api/studios/{id}/outputs", new
        {
            kind = "typical-case", title = "超长案例", authors = new[] { "H1" }, date = "2026-04-01", body = new string('字', 3001),
        }, host)).ShouldBeProblem(400);
        Assert.Null(problem.Json["rule"]);
        Assert.Equal(["body", "category"], problem.Json["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Contains("3001", problem.Json["errors"]!["body"]![0]!.GetValue<string>());

        var output = (await Host.Post($"/api/studios/{id}/outputs", new { kind = "brand", title = "品牌", authors = new[] { "H1" }, date = "2026-04-01" }, host))
            .ShouldBe(201).Json["outputId"]!.GetValue<string>();
        var revised = (await Host.Post($"/api/studios/{id}/outputs/{output}/revision", new { changes = new { category = "class-culture" } }, host))
            .ShouldBeProblem(400);
        Assert.NotNull(revised.Json["errors"]!["changes.category"]);
    }

    [Fact]
    public async Task outputs_refuse_long_cases_missing_categories_strangers_and_wrong_steps()
    {
        Clock.Set(2026, 5, 1);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        async Task Refused(object body, int status, string? rule = null) =>
            (await Host.Post($"/api/studios/{id}/outputs", body, host)).ShouldBeProblem(status, rule);
        await Refused(new { kind = "typical-case", category = "class-culture", title = "超长案例", authors = new[] { "H1" }, date = "2026-04-01", body = new string('字', 3001) },
            400);
        await Refused(new { kind = "typical-case", title = "无类别", authors = new[] { "H1" }, date = "2026-04-01", body = "正文" }, 400);
        await Refused(new { kind = "brand", category = "class-culture", title = "品牌", authors = new[] { "H1" }, date = "2026-04-01" }, 400);
        await Refused(new { kind = "brand", title = "品牌", authors = new[] { "X9" }, date = "2026-04-01" }, 422, "output.author-not-on-roster");
        await Refused(new { kind = "brand", title = "品牌", authors = Array.Empty<string>(), date = "2026-04-01" }, 400);
        await Refused(new { kind = "award", title = "品牌", authors = new[] { "H1" }, date = "2026-04-01" }, 400);

        // 3000 characters counted as characters: each 𠀀 is one character but two UTF-16 units and four UTF-8 bytes.
        var body = new string('案', 2000) + string.Concat(Enumerable.Repeat("𠀀", 1000));
        var created = (await Host.Post($"/api/studios/{id}/outputs", new
        {
            kind = "library-case", category = "emergency-handling", title = "突发事件处置案例", authors = new[] { "M1" }, date = "2026-04-01", body,
        }, host)).ShouldBe(201);
        var outputId = created.Json["outputId"]!.GetValue<string>();
        var record = (await Host.Get($"/api/studios/{id}/outputs/{outputId}", host)).Json;
        Assert.Equal(3000, record["characters"]!.GetValue<int>());
        Assert.Equal(body, record["facts"]!["body"]!.GetValue<string>());

        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/recommend", new { level = "city" }, Reviewer())).ShouldBeProblem(422, "output.cannot-recommend");
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/submit", new { }, MemberOf(id))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/submit", new { }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/submit", new { }, host)).ShouldBeProblem(422, "output.cannot-submit");
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/approve", new { }, Reviewer())).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/approve", new { }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/recommend", new { level = "city" }, School())).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/outputs/{outputId}/recommend", new { level = "province" }, Reviewer())).ShouldBe(200);
        var steps = (await Host.Get($"/api/studios/{id}/outputs/{outputId}", host)).Json["history"]!.AsArray().Select(h => h!["step"]!.GetValue<string>());
        Assert.Equal(["drafted", "submitted", "approved", "recommended"], steps);
    }

    [Fact]
    public async Task year_end_and_reviews_check_dates_and_roles()
    {
        Clock.Set(2026, 5, 1);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        (await Host.Post($"/api/studios/{id}/years/2027/summary", new { text = "未来" }, host)).ShouldBeProblem(422, "summary.year-out-of-range");
        var mismatch = (await Host.Post($"/api/studios/{id}/leadership-hearings", new { date = "2026-03-01", semester = "autumn" }, School()))
            .ShouldBeProblem(400);
        Assert.Contains("spring", mismatch.Json["errors"]!["semester"]![0]!.GetValue<string>());
        var early = (await Host.Post($"/api/studios/{id}/assessments/2026", new { result = "qualified", on = "2025-12-31" }, Reviewer())).ShouldBeProblem(400);
        Assert.NotNull(early.Json["errors"]!["on"]);
        (await Host.Post($"/api/studios/{id}/leadership-hearings", new { date = "2026-03-01" }, host)).ShouldBeProblem(403);
        var later = (await Host.Post($"/api/studios/{id}/leadership-hearings", new { date = "2026-05-02" }, School())).ShouldBeProblem(400);
        Assert.NotNull(later.Json["errors"]!["date"]);
        // A day after today is the body's own mistake wherever a fact is dated: one 400 under its path.
        Assert.NotNull((await Host.Post($"/api/studios/{id}/reflections", new { text = "反思", date = "2026-05-02" }, host)).ShouldBeProblem(400).Json["errors"]!["date"]);
        Assert.NotNull((await Host.Post($"/api/studios/{id}/assessments/2026", new { result = "qualified", on = "2026-05-02" }, Reviewer())).ShouldBeProblem(400).Json["errors"]!["on"]);
        Assert.NotNull((await Host.Post($"/api/studios/{id}/outputs", new { kind = "brand", title = "品牌", authors = new[] { "H1" }, date = "2026-05-02" }, host))
            .ShouldBeProblem(400).Json["errors"]!["date"]);
        (await Host.Post($"/api/studios/{id}/reflections", new { text = "反思" }, School())).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/assessments/2026", new { result = "qualified" }, Reviewer("350206"))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/assessments/2026", new { result = "good" }, Reviewer())).ShouldBeProblem(400);
        (await Host.Post($"/api/studios/{id}/years/2025/summary", new { text = "2025年终总结" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/years/2025/summary", new { text = "2025年终总结（修订）" }, host)).ShouldBe(200);
        var year = (await Host.Get($"/api/studios/{id}/years/2025", host)).Json;
        Assert.Equal(2, year["summary"]!["revision"]!.GetValue<int>());
        Assert.Equal("2025年终总结（修订）", year["summary"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_ledger_can_be_read_as_of_an_earlier_day()
    {
        Clock.Set(2026, 2, 1);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "目标", tasks = new[] { new { title = "任务A", due = "2026-03-31" } } }, host)).ShouldBe(200);
        Clock.Set(2026, 2, 10);
        (await Host.Post($"/api/studios/{id}/plans/2026/approval", new { }, School())).ShouldBe(200);
        Clock.Set(2026, 4, 15);
        var task = (await Host.Get($"/api/studios/{id}/ledger/2026", host)).Json["tasks"]![0]!["taskId"]!.GetValue<string>();
        Assert.True((await Host.Get($"/api/studios/{id}/ledger/2026", host)).Json["tasks"]![0]!["overdue"]!.GetValue<bool>());
        (await Host.Post($"/api/studios/{id}/tasks/{task}/close", new { reason = "完成" }, host)).ShouldBe(200);

        async Task<string> StatusOn(string day) =>
            (await Host.Get($"/api/studios/{id}/ledger/2026?asOf={day}", host)).ShouldBe(200).Json["tasks"]![0]!["status"]!.GetValue<string>();
        Assert.Equal("planned", await StatusOn("2026-02-05"));
        Assert.Equal("open", await StatusOn("2026-03-01"));
        Assert.Equal("closed", await StatusOn("2026-04-15"));
        var early = (await Host.Get($"/api/studios/{id}/ledger/2026?asOf=2026-04-01", host)).Json;
        Assert.Equal(1, early["counts"]!["overdue"]!.GetValue<int>());
        (await Host.Get($"/api/studios/{id}/ledger/2026?asOf=2026-13-01", host)).ShouldBeProblem(400);
        (await Host.Get($"/api/studios/{id}/ledger/2026?asOf=2026-05-01", host)).ShouldBeProblem(400);
    }
}
