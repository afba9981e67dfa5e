using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Outputs;

/// <summary>
/// An output's revision takes the edit convention of activity corrections: only the changed fields, in <c>changes</c>,
/// and <c>reason</c>. The old whole-output body is refused with a 400 that says where each field now goes.
/// </summary>
public sealed class revising_an_output(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<(Guid Studio, string Output)> ADraft()
    {
        Clock.Set(2026, 5, 10);
        var studio = await Host.StaffedStudio(School());
        var output = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "class-culture", title = "班级文化建设案例", authors = new[] { "H1", "M1" }, date = "2026-04-01",
            summary = "以班级公约为线索", body = "正文：从制定班级公约说起……",
        }, HostOf(studio))).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        return (studio, output);
    }

    [Fact]
    public async Task the_fields_in_changes_replace_theirs_and_the_rest_stay()
    {
        var (studio, output) = await ADraft();
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/revision",
            new { changes = new { title = "班级文化建设案例（修订稿）" }, reason = "按研讨意见修改标题" }, HostOf(studio))).ShouldBe(200);

        var read = (await Host.Get($"/api/studios/{studio}/outputs/{output}", HostOf(studio))).ShouldBe(200).Json;
        var facts = read["facts"]!;
        Assert.Equal("班级文化建设案例（修订稿）", facts["title"]!.GetValue<string>());
        Assert.Equal("正文：从制定班级公约说起……", facts["body"]!.GetValue<string>());
        Assert.Equal(["H1", "M1"], facts["authors"]!.AsArray().Select(a => a!.GetValue<string>()));
        var revised = read["history"]!.AsArray().Last()!;
        Assert.Equal(("revised", "按研讨意见修改标题", "班级文化建设案例"),
            (revised["step"]!.GetValue<string>(), revised["note"]!.GetValue<string>(), revised["before"]!["title"]!.GetValue<string>()));
    }

    [Fact]
    public async Task null_clears_an_optional_field_and_is_refused_for_a_required_one()
    {
        var (studio, output) = await ADraft();
        var refused = (await Host.Post($"/api/studios/{studio}/outputs/{output}/revision",
            """{"changes": {"title": null, "authors": null, "summary": null}, "reason": "清空"}""", HostOf(studio))).ShouldBeProblem(400).Json["errors"]!.AsObject();
        Assert.Equal(["changes.authors", "changes.title"], refused.Select(e => e.Key).Order(StringComparer.Ordinal));

        (await Host.Post($"/api/studios/{studio}/outputs/{output}/revision",
            """{"changes": {"summary": null}, "reason": "摘要待重写"}""", HostOf(studio))).ShouldBe(200);
        var facts = (await Host.Get($"/api/studios/{studio}/outputs/{output}", HostOf(studio))).ShouldBe(200).Json["facts"]!;
        Assert.Null(facts["summary"]);
        Assert.Equal(("班级文化建设案例", "正文：从制定班级公约说起……"), (facts["title"]!.GetValue<string>(), facts["body"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_revision_that_changes_nothing_is_refused()
    {
        var (studio, output) = await ADraft();
        var reply = await Host.Post($"/api/studios/{studio}/outputs/{output}/revision", new { changes = new { }, reason = "无" }, HostOf(studio));
        Assert.NotNull(reply.ShouldBeProblem(400).Json["errors"]!["changes"]);
    }

    [Fact]
    public async Task the_old_whole_body_is_told_where_each_field_goes()
    {
        var (studio, output) = await ADraft();
        var reply = await Host.Post($"/api/studios/{studio}/outputs/{output}/revision", new
        {
            kind = "typical-case", title = "班级文化建设案例（修订稿）", authors = new[] { "H1" }, date = "2026-04-01", note = "已补充",
        }, HostOf(studio));
        var errors = reply.ShouldBeProblem(400).Json["errors"]!;
        foreach (var field in new[] { "kind", "title", "authors", "date" })
            Assert.True(errors[field]?[0]?.GetValue<string>().StartsWith("belongs inside changes", StringComparison.Ordinal) == true, reply.Text);
        Assert.True(errors["note"]?[0]?.GetValue<string>() == "was renamed: send it as reason", reply.Text);
        Assert.Equal("班级文化建设案例", (await Host.Get($"/api/studios/{studio}/outputs/{output}", HostOf(studio))).ShouldBe(200).Json["facts"]!["title"]!.GetValue<string>());
    }
}
