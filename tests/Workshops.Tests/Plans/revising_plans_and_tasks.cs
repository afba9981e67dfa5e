using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Plans;

/// <summary>
/// Plans and tasks take the edit convention of activities and outputs: only the changed fields, in <c>changes</c>, and
/// <c>reason</c>. A drafted plan is revised, not written again; every step of a task says why in <c>reason</c>.
/// </summary>
public sealed class revising_plans_and_tasks(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_task_is_revised_by_its_changes_and_a_past_day_shows_it_as_it_was()
    {
        Clock.Set(2026, 3, 2);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        var task = (await Host.Post($"/api/studios/{id}/tasks", new { title = "组织一次市级公开课展示", ownerId = "H1", due = "2026-10-31" }, host))
            .ShouldBe(201).Json["taskId"]!.GetValue<string>();

        Clock.Set(2026, 3, 9);
        (await Host.Post($"/api/studios/{id}/tasks/{task}/revision",
            new { changes = new { ownerId = "M1", due = "2026-11-30" }, reason = "原负责人外出跟岗学习" }, host)).ShouldBe(200);

        var now = (await Host.Get($"/api/studios/{id}/tasks/{task}", host)).ShouldBe(200).Json["task"]!;
        Assert.Equal(("组织一次市级公开课展示", "M1", "2026-11-30"),
            (now["title"]!.GetValue<string>(), now["ownerId"]!.GetValue<string>(), now["due"]!.GetValue<string>()));
        Assert.Equal(("M1", "林晓燕"), (now["owner"]!["id"]!.GetValue<string>(), now["owner"]!["name"]!.GetValue<string>()));
        var step = now["history"]!.AsArray().Last()!;
        Assert.Equal(("revised", "原负责人外出跟岗学习"), (step["step"]!.GetValue<string>(), step["note"]!.GetValue<string>()));

        var before = (await Host.Get($"/api/studios/{id}/ledger/2026?asOf=2026-03-05", host)).ShouldBe(200).Json["tasks"]![0]!;
        Assert.Equal(("H1", "陈美玲", "2026-10-31"),
            (before["ownerId"]!.GetValue<string>(), before["owner"]!["name"]!.GetValue<string>(), before["due"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_task_revision_keeps_the_ledgers_rules_and_names_a_field_to_change()
    {
        Clock.Set(2026, 3, 2);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        var task = (await Host.Post($"/api/studios/{id}/tasks", new { title = "家访周" }, host)).ShouldBe(201).Json["taskId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{id}/tasks/{task}/revision", new { changes = new { ownerId = "X9" }, reason = "换人" }, host))
            .ShouldBeProblem(422, "task.owner-not-on-roster");
        (await Host.Post($"/api/studios/{id}/tasks/{task}/revision", new { changes = new { due = "2027-01-10" }, reason = "延期" }, host))
            .ShouldBeProblem(422, "task.due-outside-year");
        Assert.NotNull((await Host.Post($"/api/studios/{id}/tasks/{task}/revision", new { changes = new { }, reason = "无" }, host))
            .ShouldBeProblem(400).Json["errors"]!["changes"]);
        (await Host.Post($"/api/studios/{id}/tasks/{Guid.NewGuid()}/revision", new { changes = new { title = "无" }, reason = "无" }, host))
            .ShouldBeProblem(404, "task.unknown");
        (await Host.Post($"/api/studios/{id}/tasks/{task}/cancel", new { reason = "统一组织" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/tasks/{task}/revision", new { changes = new { title = "家访月" }, reason = "扩大" }, host))
            .ShouldBeProblem(422, "task.cancelled");
    }

    [Fact]
    public async Task null_clears_a_tasks_owner_and_due_date_and_a_field_left_out_keeps_its_value()
    {
        Clock.Set(2026, 3, 2);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        var task = (await Host.Post($"/api/studios/{id}/tasks", new { title = "家访周", description = "每班走访五户", ownerId = "M1", due = "2026-10-31" }, host))
            .ShouldBe(201).Json["taskId"]!.GetValue<string>();

        (await Host.Post($"/api/studios/{id}/tasks/{task}/revision",
            """{"changes": {"ownerId": null, "due": null}, "reason": "负责人调离，日期待定"}""", host)).ShouldBe(200);

        var now = (await Host.Get($"/api/studios/{id}/tasks/{task}", host)).ShouldBe(200).Json["task"]!;
        Assert.Null(now["ownerId"]);
        Assert.Null(now["due"]);
        Assert.Equal(("家访周", "每班走访五户"), (now["title"]!.GetValue<string>(), now["description"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_tasks_title_and_a_plans_goals_and_tasks_cannot_be_cleared()
    {
        Clock.Set(2026, 3, 2);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        var task = (await Host.Post($"/api/studios/{id}/tasks", new { title = "家访周", ownerId = "M1" }, host)).ShouldBe(201).Json["taskId"]!.GetValue<string>();
        var refused = (await Host.Post($"/api/studios/{id}/tasks/{task}/revision", """{"changes": {"title": null, "ownerId": null}, "reason": "清空"}""", host))
            .ShouldBeProblem(400).Json["errors"]!.AsObject();
        Assert.Equal(["changes.title"], refused.Select(e => e.Key));
        Assert.Equal("M1", (await Host.Get($"/api/studios/{id}/tasks/{task}", host)).ShouldBe(200).Json["task"]!["ownerId"]!.GetValue<string>());

        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "建设学习型工作坊", tasks = new[] { new { title = "读书会" } } }, host)).ShouldBe(200);
        var plan = (await Host.Post($"/api/studios/{id}/plans/2026/revision", """{"changes": {"goals": null, "tasks": null}, "reason": "清空"}""", host))
            .ShouldBeProblem(400).Json["errors"]!.AsObject();
        Assert.Equal(["changes.goals", "changes.tasks"], plan.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task the_old_task_shapes_are_told_where_each_field_goes()
    {
        Clock.Set(2026, 3, 2);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        var task = (await Host.Post($"/api/studios/{id}/tasks", new { title = "家访周" }, host)).ShouldBe(201).Json["taskId"]!.GetValue<string>();

        foreach (var step in new[] { "progress", "close" })
        {
            var reply = await Host.Post($"/api/studios/{id}/tasks/{task}/{step}", new { note = "已完成" }, host);
            Assert.True(reply.ShouldBeProblem(400).Json["errors"]!["note"]?[0]?.GetValue<string>() == "was renamed: send it as reason", reply.Text);
        }
        var whole = await Host.Post($"/api/studios/{id}/tasks/{task}/revision", new { title = "家访月", reason = "扩大" }, host);
        Assert.StartsWith("belongs inside changes", whole.ShouldBeProblem(400).Json["errors"]!["title"]![0]!.GetValue<string>());

        (await Host.Post($"/api/studios/{id}/tasks/{task}/progress", new { reason = "已走访12户", percent = 40 }, host)).ShouldBe(200);
        var history = (await Host.Get($"/api/studios/{id}/tasks/{task}", host)).ShouldBe(200).Json["task"]!["history"]!.AsArray();
        Assert.Equal(("progressed", "已走访12户"), (history.Last()!["step"]!.GetValue<string>(), history.Last()!["note"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_drafted_plan_is_revised_by_its_changes_not_written_again()
    {
        Clock.Set(2026, 1, 5);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        (await Host.Post($"/api/studios/{id}/plans/2026/revision", new { changes = new { goals = "目标" }, reason = "补充" }, host))
            .ShouldBeProblem(404, "plan.none");
        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "建设学习型工作坊", tasks = new[] { new { title = "每月一次主题教研会" } } }, host))
            .ShouldBe(200);
        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "改", tasks = new[] { new { title = "改" } } }, host))
            .ShouldBeProblem(422, "plan.already-drafted");
        var planned = (await Host.Get($"/api/studios/{id}/plans/2026", host)).ShouldBe(200).Json["tasks"]![0]!["taskId"]!.GetValue<string>();

        Clock.Set(2026, 1, 12);
        (await Host.Post($"/api/studios/{id}/plans/2026/revision",
            new { changes = new { goals = "建设学习型、研究型工作坊" }, reason = "按学校德育处意见修改" }, host)).ShouldBe(200);

        var plan = (await Host.Get($"/api/studios/{id}/plans/2026", host)).ShouldBe(200).Json;
        Assert.Equal(("建设学习型、研究型工作坊", 2), (plan["goals"]!.GetValue<string>(), plan["revision"]!.GetValue<int>()));
        Assert.Equal(planned, plan["tasks"]![0]!["taskId"]!.GetValue<string>());
        Assert.Equal("按学校德育处意见修改", plan["revisions"]![1]!["reason"]!.GetValue<string>());
        var then = (await Host.Get($"/api/studios/{id}/years/2026?asOf=2026-01-06", host)).ShouldBe(200).Json["plan"]!;
        Assert.Equal(("建设学习型工作坊", 1), (then["goals"]!.GetValue<string>(), then["revision"]!.GetValue<int>()));

        (await Host.Post($"/api/studios/{id}/tasks/{planned}/revision", new { changes = new { title = "改" }, reason = "改" }, host))
            .ShouldBeProblem(422, "task.not-open");
        (await Host.Post($"/api/studios/{id}/plans/2026/approval", new { note = "同意" }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/plans/2026/revision", new { changes = new { goals = "再改" }, reason = "再改" }, host))
            .ShouldBeProblem(422, "plan.already-approved");
    }
}
