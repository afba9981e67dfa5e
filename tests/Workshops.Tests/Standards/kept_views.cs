using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workshops.Core;
using Workshops.Core.Http;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using Workshops.Views;

namespace Workshops.Tests.Standards;

/// <summary>
/// Views computed on read are kept and served again while nothing they read has changed. Each test plants a marker
/// in place of a kept answer: while the marker is served the kept answer is in use; after a change it must not be.
/// </summary>
public sealed class kept_views(AppFixture fixture) : ApiTest(fixture)
{
    private const string Marker = """{"kept":true}""";

    private async Task<int> Plant(Guid studio, string view)
    {
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = data.CreateCommand($"update {Setup.Schema}.{ViewMemo.Table} set body = $1 where key like $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = System.Text.Encoding.UTF8.GetBytes(Marker) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = $"{view}|{studio}|%" });
        return await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Reads the view, plants the marker, and checks the marker is what the next read serves.</summary>
    private async Task<Reply> KeptAndPlanted(Guid studio, string view, string url, string token)
    {
        var computed = (await Host.Get(url, token)).ShouldBe(200);
        var again = (await Host.Get(url, token)).ShouldBe(200);
        Assert.Equal(computed.Text, again.Text);
        Assert.Equal(computed.Header("ETag"), again.Header("ETag"));
        Assert.True(await Plant(studio, view) >= 1);
        Assert.Equal(Marker, (await Host.Get(url, token)).ShouldBe(200).Text);
        return computed;
    }

    private async Task ComputedAfresh(string url, string token)
    {
        var served = (await Host.Get(url, token)).ShouldBe(200);
        Assert.NotEqual(Marker, served.Text);
        var fresh = (await Host.Get(url, token, ("Cache-Control", "no-cache"))).ShouldBe(200);
        Assert.Equal(fresh.Text, served.Text);
    }

    [Fact]
    public async Task a_checklist_is_served_again_until_its_studio_its_people_their_policies_or_standards_or_the_day_change()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School());
        var other = await Host.StaffedStudio(School(), StudioBody(name: "厦门市第二中学班主任工作坊"));
        var host = HostOf(id);
        await Host.LogActivity(id, host, Activity("teaching-research-meeting", ["exchange", "learning"], "2026-03-05", 2, [("H1", 2), ("M1", 2)]));
        await Settle();
        var url = $"/api/studios/{id}/checklist";
        var reviewer = Reviewer();

        var first = await KeptAndPlanted(id, "checklist", url, reviewer);
        var etag = first.Header("ETag")!;
        Assert.Equal(304, (await Host.Get(url, reviewer, ("If-None-Match", etag))).Status);
        // Asked to compute afresh, it does (and keeps that answer).
        Assert.Equal(first.Text, (await Host.Get(url, reviewer, ("Cache-Control", "no-cache"))).ShouldBe(200).Text);
        Assert.Equal(first.Text, (await Host.Get(url, reviewer)).Text);

        // A member's hours earned in another studio: the daemon writes the credit year this checklist reads.
        Assert.True(await Plant(id, "checklist") >= 1);
        await Host.LogActivity(other, HostOf(other), Activity("class-practice", ["practice"], "2026-03-06", 3, [("M1", 3)]));
        Assert.Equal(Marker, (await Host.Get(url, reviewer)).Text);
        await Settle();
        await ComputedAfresh(url, reviewer);
        Assert.Equal(200, (await Host.Get(url, reviewer, ("If-None-Match", etag))).Status);

        // The region's hour policies.
        await KeptAndPlanted(id, "checklist", url, reviewer);
        (await Host.Put("/api/regions/350200/hour-policies", new { policies = new[] { "head-teacher-30" } }, reviewer)).ShouldBe(200);
        await ComputedAfresh(url, reviewer);

        // The region's adopted standards, and a new custom edition.
        await KeptAndPlanted(id, "checklist", url, reviewer);
        (await Host.Put("/api/regions/350200/standards", new { standards = new[] { "moe-2022" } }, reviewer)).ShouldBe(200);
        var served = (await Host.Get(url, reviewer)).ShouldBe(200);
        Assert.Equal("moe-2022", served.Json["standard"]!.GetValue<string>());
        await KeptAndPlanted(id, "checklist", url, reviewer);
        var moe = (await Host.Get("/api/standards", reviewer)).Json.AsArray().Single(s => s!["code"]!.GetValue<string>() == "moe-2022")!.DeepClone();
        moe["code"] = "xm-2026";
        moe["title"] = "厦门市班主任工作室建设标准（2026）";
        (await Host.Post("/api/standards", moe, reviewer)).ShouldBe(201);
        await ComputedAfresh(url, reviewer);

        // The studio's own stream.
        await KeptAndPlanted(id, "checklist", url, reviewer);
        (await Host.Post($"/api/studios/{id}/leadership-hearings", new { date = "2026-03-09", note = "听取汇报" }, School())).ShouldBe(200);
        await ComputedAfresh(url, reviewer);

        // The next day.
        await KeptAndPlanted(id, "checklist", url, reviewer);
        Clock.Advance(TimeSpan.FromDays(1));
        await ComputedAfresh(url, reviewer);
    }

    [Fact]
    public async Task studio_and_year_views_ledgers_and_annual_reports_now_and_as_of_a_past_day_are_served_again_until_the_studio_changes()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "建设目标", tasks = new[] { new { title = "班级文化建设" } } }, host)).ShouldBe(200);
        await Host.LogActivity(id, host, Activity("teaching-research-meeting", ["exchange"], "2026-03-05", 2, [("H1", 2), ("M1", 2)]));
        await Settle();
        Clock.Set(2026, 3, 20);

        var views = new (string View, string Url)[]
        {
            ("studio", $"/api/studios/{id}"),
            ("year", $"/api/studios/{id}/years/2026"),
            ("year", $"/api/studios/{id}/years/2026?asOf=2026-03-12"),
            ("ledger", $"/api/studios/{id}/ledger/2026"),
            ("annual-report", $"/api/studios/{id}/reports/annual/2026"),
            ("checklist", $"/api/studios/{id}/checklist?asOf=2026-03-12"),
        };
        foreach (var (view, url) in views)
        {
            await KeptAndPlanted(id, view, url, host);
            (await Host.Post($"/api/studios/{id}/leadership-hearings", new { date = "2026-03-19" }, School())).ShouldBe(200);
            await ComputedAfresh(url, host);
        }

        // The studio view keeps its own ETag, led by the stream version that writes send back in If-Match.
        var studio = (await Host.Get($"/api/studios/{id}", host)).ShouldBe(200);
        Assert.StartsWith($"\"{studio.Json["version"]!.GetValue<long>()}.", studio.Header("ETag"));
        Assert.Equal(304, (await Host.Get($"/api/studios/{id}", host, ("If-None-Match", studio.Header("ETag")!))).Status);

        // Other formats of the annual report are not kept, and a kept JSON report does not answer for them.
        await KeptAndPlanted(id, "annual-report", $"/api/studios/{id}/reports/annual/2026", host);
        var csv = (await Host.Get($"/api/studios/{id}/reports/annual/2026?format=csv", host)).ShouldBe(200);
        Assert.StartsWith("text/csv", csv.Header("Content-Type"));
    }

    [Fact]
    public async Task views_are_computed_and_served_when_kept_answers_cannot_be_read_or_written()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School());
        var reviewer = Reviewer();
        var urls = new[] { $"/api/studios/{id}", $"/api/studios/{id}/checklist", $"/api/studios/{id}/years/2026", $"/api/studios/{id}/reports/annual/2026" };
        var before = new List<string>();
        foreach (var url in urls) before.Add((await Host.Get(url, reviewer, ("Cache-Control", "no-cache"))).ShouldBe(200).Text);
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        async Task Rename(string from, string to)
        {
            await using var cmd = data.CreateCommand($"alter table {Setup.Schema}.{from} rename to {to}");
            await cmd.ExecuteNonQueryAsync();
        }
        await Rename(ViewMemo.Table, "ws_view_memo_away");
        try
        {
            for (var i = 0; i < urls.Length; i++) Assert.Equal(before[i], (await Host.Get(urls[i], reviewer)).ShouldBe(200).Text);
        }
        finally
        {
            await Rename("ws_view_memo_away", ViewMemo.Table);
        }
        for (var i = 0; i < urls.Length; i++) Assert.Equal(before[i], (await Host.Get(urls[i], reviewer)).ShouldBe(200).Text);
    }

    [Fact]
    public async Task answers_computed_more_than_a_week_ago_are_pruned_and_computed_again_when_read()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School());
        var reviewer = Reviewer();
        var year = (await Host.Get($"/api/studios/{id}/years/2026", reviewer)).ShouldBe(200).Text;
        (await Host.Get($"/api/studios/{id}/checklist", reviewer)).ShouldBe(200);
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var age = data.CreateCommand(
            $"update {Setup.Schema}.{ViewMemo.Table} set computed_at = now() - interval '8 days' where key like $1"))
        {
            age.Parameters.Add(new NpgsqlParameter { Value = $"year|{id}|%" });
            Assert.Equal(1, await age.ExecuteNonQueryAsync());
        }
        var memo = Host.Services.GetRequiredService<ViewMemo>();
        Assert.True(await memo.Prune(TimeSpan.FromDays(7), CancellationToken.None) >= 1);
        await using var left = data.CreateCommand($"select key from {Setup.Schema}.{ViewMemo.Table} where studio_id = $1");
        left.Parameters.Add(new NpgsqlParameter { Value = id });
        var keys = new List<string>();
        await using (var reader = await left.ExecuteReaderAsync())
            while (await reader.ReadAsync()) keys.Add(reader.GetString(0));
        Assert.Equal([$"checklist|{id}||2026|"], keys);
        Assert.Equal(year, (await Host.Get($"/api/studios/{id}/years/2026", reviewer)).ShouldBe(200).Text);
    }

    [Fact]
    public async Task an_unknown_studio_or_a_refused_parameter_is_never_kept()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School());
        var reviewer = Reviewer();
        (await Host.Get($"/api/studios/{Guid.NewGuid()}/checklist", reviewer)).ShouldBeProblem(404);
        (await Host.Get($"/api/studios/{id}/checklist?standard=nope", reviewer)).ShouldBeProblem(400);
        (await Host.Get($"/api/studios/{id}/checklist?standard=nope", reviewer)).ShouldBeProblem(400);
        (await Host.Get($"/api/studios/{id}/years/2026?asOf=2026-02-30", reviewer)).ShouldBeProblem(400);
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = data.CreateCommand($"select count(*) from {Setup.Schema}.{ViewMemo.Table} where studio_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync())!);
    }
}
