using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Activities;

/// <summary>
/// The activity list carries summaries with the url of each record; a correction in the edit convention clears an
/// optional fact sent as null and refuses to clear a required one.
/// </summary>
public sealed class a_studios_activity_list(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<(Guid Id, string Host, string Activity)> Logged()
    {
        Clock.Set(2026, 3, 20);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        var activity = (await Host.Post($"/api/studios/{id}/activities",
                Activity("teaching-research-meeting", ["learning"], "2026-03-10", 2, [("H1", 2), ("M1", 2)], title: "班会课设计研讨"), host))
            .ShouldBe(201).Json["activityId"]!.GetValue<string>();
        return (id, host, activity);
    }

    [Fact]
    public async Task each_item_is_a_summary_with_the_url_of_the_whole_activity()
    {
        var (id, host, activity) = await Logged();
        (await Host.Post($"/api/studios/{id}/activities/{activity}/corrections", new { changes = new { place = "厦门市第二中学" }, reason = "地点记错" }, host))
            .ShouldBe(200);

        var page = (await Host.Get($"/api/studios/{id}/activities?year=2026", host)).ShouldBe(200).Json;
        Assert.Equal(1, page["total"]!.GetValue<int>());
        var item = page["items"]![0]!;
        Assert.Equal(("班会课设计研讨", "teaching-research-meeting", "2026-03-10", 2m, "厦门市第二中学", 1),
            (item["title"]!.GetValue<string>(), item["kind"]!.GetValue<string>(), item["date"]!.GetValue<string>(), item["hours"]!.GetValue<decimal>(),
             item["place"]!.GetValue<string>(), item["corrections"]!.GetValue<int>()));
        Assert.Equal(["陈美玲", "林晓燕"], item["attendeeNames"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        Assert.Null(item["facts"]);
        Assert.Null(item["history"]);

        var record = (await Host.Get(item["url"]!.GetValue<string>(), host)).ShouldBe(200).Json;
        Assert.Equal(activity, record["id"]!.GetValue<string>());
        Assert.Equal(["logged", "corrected"], record["history"]!.AsArray().Select(h => h!["step"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_correction_clears_a_fact_sent_as_null_and_keeps_those_left_out()
    {
        var (id, host, activity) = await Logged();
        (await Host.Post($"/api/studios/{id}/activities/{activity}/corrections",
            """{"changes": {"place": null, "summary": null, "evidence": null}, "reason": "记录有误，待补"}""", host)).ShouldBe(200);

        var facts = (await Host.Get($"/api/studios/{id}/activities/{activity}", host)).ShouldBe(200).Json["facts"]!;
        Assert.Null(facts["place"]);
        Assert.Null(facts["summary"]);
        Assert.Empty(facts["evidence"]!.AsArray());
        Assert.Equal(("班会课设计研讨", 2m), (facts["title"]!.GetValue<string>(), facts["hours"]!.GetValue<decimal>()));
    }

    [Fact]
    public async Task clearing_a_required_fact_is_refused_under_its_path()
    {
        var (id, host, activity) = await Logged();
        var errors = (await Host.Post($"/api/studios/{id}/activities/{activity}/corrections",
            """{"changes": {"title": null, "hours": null, "place": null}, "reason": "清空"}""", host)).ShouldBeProblem(400).Json["errors"]!.AsObject();
        Assert.Equal(["changes.hours", "changes.title"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("厦门市第一中学", (await Host.Get($"/api/studios/{id}/activities/{activity}", host)).Json["facts"]!["place"]!.GetValue<string>());
    }
}
