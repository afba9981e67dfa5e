using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Plans;

/// <summary>The plan and the tasks are read where the writes point: GET …/plans/{year}, …/tasks?year= and …/tasks/{taskId}.</summary>
public sealed class plan_and_task_reads(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_plan_is_read_with_its_task_ids_before_and_after_approval()
    {
        Clock.Set(2026, 2, 1);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        (await Host.Get($"/api/studios/{id}/plans/2026", host)).ShouldBeProblem(404);
        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "落实家校共育", tasks = new[] { new { title = "每月一次主题教研会" } } }, host))
            .ShouldBe(200);

        var plan = (await Host.Get($"/api/studios/{id}/plans/2026", host)).ShouldBe(200).Json;
        Assert.Equal("落实家校共育", plan["goals"]!.GetValue<string>());
        Assert.False(plan["approved"]!.GetValue<bool>());
        var planned = plan["tasks"]![0]!["taskId"]!.GetValue<string>();
        var task = (await Host.Get($"/api/studios/{id}/tasks/{planned}", host)).ShouldBe(200).Json;
        Assert.Equal(2026, task["year"]!.GetValue<int>());
        Assert.Equal("planned", task["task"]!["status"]!.GetValue<string>());

        (await Host.Post($"/api/studios/{id}/plans/2026/approval", new { note = "同意实施。" }, School())).ShouldBe(200);
        Assert.True((await Host.Get($"/api/studios/{id}/plans/2026", host)).ShouldBe(200).Json["approved"]!.GetValue<bool>());
        Assert.Equal("open", (await Host.Get($"/api/studios/{id}/tasks/{planned}", host)).ShouldBe(200).Json["task"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task an_added_task_is_read_at_the_url_its_write_answers_and_in_the_years_list()
    {
        Clock.Set(2026, 2, 1);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        var added = (await Host.Post($"/api/studios/{id}/tasks", new { title = "组织一次市级公开课展示", due = "2026-01-15" }, host)).ShouldBe(201).Json;

        var read = (await Host.Get(added["url"]!.GetValue<string>(), host)).ShouldBe(200).Json;
        Assert.Equal("组织一次市级公开课展示", read["task"]!["title"]!.GetValue<string>());
        Assert.Equal("open", read["task"]!["status"]!.GetValue<string>());
        var list = (await Host.Get($"/api/studios/{id}/tasks?year=2026", host)).ShouldBe(200).Json.AsArray();
        var only = Assert.Single(list)!;
        Assert.Equal(read["task"]!["taskId"]!.GetValue<string>(), only["taskId"]!.GetValue<string>());
        Assert.True(only["overdue"]!.GetValue<bool>());
        Assert.Null(only["history"]);
        Assert.Single((await Host.Get($"/api/studios/{id}/tasks", host)).ShouldBe(200).Json.AsArray());
        Assert.Empty((await Host.Get($"/api/studios/{id}/tasks?year=2025", host)).ShouldBe(200).Json.AsArray());
    }

    [Fact]
    public async Task an_unknown_task_is_not_found_and_a_year_out_of_range_is_refused()
    {
        Clock.Set(2026, 2, 1);
        var id = await Host.StaffedStudio(School());
        (await Host.Get($"/api/studios/{id}/tasks/{Guid.NewGuid()}", School())).ShouldBeProblem(404);
        (await Host.Get($"/api/studios/{id}/tasks?year=1999", School())).ShouldBeProblem(400);
    }
}
