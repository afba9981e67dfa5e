using Workshops.Outputs;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Outputs;

/// <summary>Only reviewed outputs count: approved by the school or recommended further; drafts and returned ones never.</summary>
public sealed class what_counts
{
    [Theory]
    [InlineData(OutputState.Draft, false)]
    [InlineData(OutputState.Submitted, false)]
    [InlineData(OutputState.Returned, false)]
    [InlineData(OutputState.Approved, true)]
    [InlineData(OutputState.Recommended, true)]
    public void an_output_counts_once_approved(OutputState state, bool counts) => Assert.Equal(counts, OutputRules.Counts(state));
}

/// <summary>The reviewers' table and the checklist count approved outputs only, over HTTP.</summary>
public sealed class counting_reviewed_outputs(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<string> Platform(Guid studio, string title, params string[] steps)
    {
        var id = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "publicity-platform", title, authors = new[] { "H1" }, date = "2026-04-01", summary = "公众号",
        }, HostOf(studio))).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        foreach (var step in steps)
        {
            var token = step == "submit" ? HostOf(studio) : School();
            var body = step == "return" ? (object)new { reason = "请补充运营数据" } : new { };
            (await Host.Post($"/api/studios/{studio}/outputs/{id}/{step}", body, token)).ShouldBe(200);
        }
        return id;
    }

    [Fact]
    public async Task drafts_submitted_and_returned_outputs_are_not_counted_approved_ones_are()
    {
        Clock.Set(2026, 5, 10);
        var studio = await Host.StaffedStudio(School(), StudioBody(name: "厦门工商旅游学校班主任工作室", track: "vocational"));
        await Platform(studio, "草稿公众号");
        await Platform(studio, "已提交公众号", "submit");
        await Platform(studio, "已退回公众号", "submit", "return");
        await Settle();

        var checklist = (await Host.Get($"/api/studios/{studio}/checklist?year=2026&standard=moe-2022", Reviewer())).ShouldBe(200).Json;
        var item = checklist["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "3.4.2")!;
        Assert.Equal("not-met", item["status"]!.GetValue<string>());
        var row = (await Host.Get("/api/reviews/studios?region=350200&year=2026", Reviewer())).ShouldBe(200).Json["items"]![0]!;
        Assert.Equal(0, row["outputsByKind"]!["publicity-platform"]?.GetValue<int>() ?? 0);

        await Platform(studio, "已审核公众号", "submit", "approve");
        await Settle();
        checklist = (await Host.Get($"/api/studios/{studio}/checklist?year=2026&standard=moe-2022", Reviewer())).ShouldBe(200).Json;
        item = checklist["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "3.4.2")!;
        Assert.Equal("met", item["status"]!.GetValue<string>());
        Assert.Contains("已审核公众号", item["reason"]!.GetValue<string>());
        Assert.DoesNotContain("草稿公众号", item["reason"]!.GetValue<string>());
        row = (await Host.Get("/api/reviews/studios?region=350200&year=2026", Reviewer())).ShouldBe(200).Json["items"]![0]!;
        Assert.Equal(1, row["outputsByKind"]!["publicity-platform"]!.GetValue<int>());
    }
}
