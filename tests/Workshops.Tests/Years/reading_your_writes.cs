using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workshops.Core;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Years;

/// <summary>
/// The studio view and the years are kept by the daemon, off the write transaction. A read folds in whatever the daemon
/// has not folded yet, so a client that has just written reads its write, with the stream's version leading its ETag.
/// </summary>
public sealed class reading_your_writes(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<long> Scalar(string sql)
    {
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = data.CreateCommand(sql);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public async Task a_read_right_after_a_write_shows_it_though_the_daemon_has_not_folded_it_yet()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "建设目标", tasks = new[] { new { title = "班级文化建设" } } }, host)).ShouldBe(200);
        await Host.LogActivity(id, host, Activity("lecture", ["learning"], "2026-03-05", 2, [("H1", 2), ("M1", 2)]));
        await Settle();

        // Written after the daemon caught up: it has folded none of these.
        await Host.LogActivity(id, host, Activity("thematic-seminar", ["research"], "2026-03-06", 3, [("M2", 3)]));
        (await Host.Post($"/api/studios/{id}/leadership-hearings", new { date = "2026-03-09", note = "听取汇报" }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/members/M3/leave", new { on = "2026-03-09" }, host)).ShouldBe(200);
        Assert.Equal(1, await Scalar($"select (data ->> 'activityCount')::int from {Setup.Schema}.mt_doc_studioyear where id = '{id}:2026'"));
        Assert.Equal(3, await Scalar($"select jsonb_array_length(data -> 'members') from {Setup.Schema}.mt_doc_studio where id = '{id}'"));

        var version = await Scalar($"select version from {Setup.Schema}.mt_streams where id = '{id}'");
        var studio = (await Host.Get($"/api/studios/{id}", host)).ShouldBe(200);
        Assert.Equal(version, studio.Json["version"]!.GetValue<long>());
        Assert.StartsWith($"\"{version}.", studio.Header("ETag"));
        Assert.Equal(["M1", "M2"], studio.Json["members"]!.AsArray().Select(m => m!["teacher"]!["id"]!.GetValue<string>()));
        var year = (await Host.Get($"/api/studios/{id}/years/2026", host)).ShouldBe(200).Json;
        Assert.Equal(2, year["activities"]!["count"]!.GetValue<int>());
        Assert.Single(year["hearings"]!.AsArray());
        Assert.Equal(2, (await Host.Get($"/api/studios/{id}/activities", host)).ShouldBe(200).Json["total"]!.GetValue<int>());
        var checklist = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022", host)).ShouldBe(200).Json;
        Assert.Single(checklist["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == "1.1.1")!["evidence"]!.AsArray());

        // The version read is the one a write sends back.
        (await Host.Post($"/api/studios/{id}/reflections", new { text = "期中反思", date = "2026-03-10" }, host, ("If-Match", studio.Header("ETag")!)))
            .ShouldBe(201);

        // Once the daemon has caught up, the views computed afresh are the same.
        var before = (await Host.Get($"/api/studios/{id}/years/2026", host)).ShouldBe(200).Text;
        await Settle();
        Assert.Equal(before, (await Host.Get($"/api/studios/{id}/years/2026", host, ("Cache-Control", "no-cache"))).ShouldBe(200).Text);
    }

    [Fact]
    public async Task a_studio_whose_views_the_daemon_passed_over_is_read_from_its_events()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        await Host.LogActivity(id, host, Activity("lecture", ["learning"], "2026-03-05", 2, [("H1", 2), ("M1", 2)]));
        await Settle();
        var studio = (await Host.Get($"/api/studios/{id}", host, ("Cache-Control", "no-cache"))).ShouldBe(200).Text;
        var year = (await Host.Get($"/api/studios/{id}/years/2026", host, ("Cache-Control", "no-cache"))).ShouldBe(200).Text;

        // As after a high-water mark moved over the studio's events before they were committed: the progression is past
        // them and no view was kept.
        Assert.Equal(1, await Scalar($"with d as (delete from {Setup.Schema}.mt_doc_studio where id = '{id}' returning 1) select count(*) from d"));
        Assert.Equal(1, await Scalar($"with d as (delete from {Setup.Schema}.mt_doc_studioyear where id = '{id}:2026' returning 1) select count(*) from d"));

        Assert.Equal(studio, (await Host.Get($"/api/studios/{id}", host, ("Cache-Control", "no-cache"))).ShouldBe(200).Text);
        Assert.Equal(year, (await Host.Get($"/api/studios/{id}/years/2026", host, ("Cache-Control", "no-cache"))).ShouldBe(200).Text);
        var listed = (await Host.Get("/api/studios", host)).ShouldBe(200).Json["items"]!.AsArray();
        Assert.Equal(id.ToString(), Assert.Single(listed)!["id"]!.GetValue<string>());
    }
}
