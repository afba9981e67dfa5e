using Workshops.Views;
using System.Text;
using System.Web;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Security;

/// <summary>
/// Reads do bounded work: years 2000–2100, as-of days that are dates from 2000 on, a cap on what one client adds to the
/// kept views, xAPI reads that examine a bounded window of the event store, exports in pages of a bounded size (OWASP API4).
/// </summary>
public sealed class read_bounds(AppFixture fixture) : ApiTest(fixture)
{
    public static TheoryData<string> YearReads => new()
    {
        "/api/studios/{id}/years/{year}", "/api/studios/{id}/ledger/{year}", "/api/studios/{id}/recognitions/{year}",
        "/api/studios/{id}/reports/annual/{year}", "/api/studios/{id}/checklist?year={year}", "/api/studios/{id}/outputs?year={year}",
        "/api/studios/{id}/activities?year={year}", "/api/reviews/checklists?region=350203&year={year}", "/api/reviews/studios?region=350203&year={year}", "/api/reviews/workshops?region=350203&year={year}",
        "/api/reviews/cases?region=350203&year={year}", "/api/reviews/outputs?region=350203&year={year}", "/api/regions/350203/dashboard?year={year}",
    };

    [Theory]
    [MemberData(nameof(YearReads))]
    public async Task a_year_outside_2000_to_2100_is_400(string route)
    {
        var studio = await Host.EstablishStudio(School());
        foreach (var year in new[] { "-1", "0", "1999", "2101", "3000", "2147483647" })
        {
            var reply = (await Host.Get(route.Replace("{id}", studio.ToString()).Replace("{year}", year), Reviewer("350200"))).ShouldBeProblem(400);
            Assert.NotNull(reply.Json["errors"]!["year"]);
        }
    }

    [Theory]
    [InlineData("PUT", "/api/studios/{id}/plans/{year}")]
    [InlineData("POST", "/api/studios/{id}/years/{year}/summary")]
    [InlineData("POST", "/api/studios/{id}/assessments/{year}")]
    public async Task a_write_naming_a_year_outside_2000_to_2100_is_400(string method, string route)
    {
        var studio = await Host.EstablishStudio(School());
        var token = route.Contains("assessments") ? Reviewer() : HostOf(studio);
        var reply = (await Host.Send(method, route.Replace("{id}", studio.ToString()).Replace("{year}", "2147483647"), new { }, token)).ShouldBeProblem(400);
        Assert.NotNull(reply.Json["errors"]!["year"]);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1999-12-31")]
    [InlineData("2026-1-1")]
    [InlineData("2026-02-30")]
    [InlineData("20260301")]
    public async Task an_as_of_day_must_be_a_date_from_2000_on(string asOf)
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        foreach (var route in new[] { "/api/studios/{id}/years/2026", "/api/studios/{id}/ledger/2026", "/api/studios/{id}/checklist",
                     "/api/studios/{id}/recognitions/2026", "/api/teachers/M1/hours" })
        {
            var reply = (await Host.Get($"{route.Replace("{id}", studio.ToString())}?asOf={asOf}", HostOf(studio))).ShouldBeProblem(400);
            Assert.NotNull(reply.Json["errors"]!["asOf"]);
        }
        // The first day allowed is asked like any other: the studio did not exist yet.
        (await Host.Get($"/api/studios/{studio}/years/2026?asOf=2000-01-01", HostOf(studio))).ShouldBeProblem(404);
    }

    private async Task<long> Kept(Guid studio)
    {
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = data.CreateCommand($"select count(*) from {Setup.Schema}.{ViewMemo.Table} where studio_id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = studio });
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task one_client_adds_a_bounded_number_of_kept_views_and_beyond_it_views_are_computed_and_not_kept()
    {
        await using var host = await OtherHosts.Start(Fixture, settings: new Dictionary<string, string> { ["Views:KeepsPerClient"] = "3" });
        Clock.Set(2026, 5, 1);
        var studio = await host.StaffedStudio(School());
        var reader = Token(Role.Reviewer, "一位评审", region: "350200");
        var first = new List<Reply>();
        foreach (var year in new[] { 2022, 2023, 2024, 2025, 2026 })
            first.Add((await host.Get($"/api/studios/{studio}/years/{year}", reader)).ShouldBe(200));
        Assert.Equal(3, await Kept(studio));
        // Beyond the cap the views are still answered, the same as computed afresh.
        Assert.Equal(first[4].Text, (await host.Get($"/api/studios/{studio}/years/2026", reader, ("Cache-Control", "no-cache"))).ShouldBe(200).Text);
        // Another client has a cap of its own.
        (await host.Get($"/api/studios/{studio}/ledger/2026", Token(Role.Reviewer, "另一位评审", region: "350200"))).ShouldBe(200);
        Assert.Equal(4, await Kept(studio));
    }

    [Fact]
    public async Task an_xapi_read_examines_a_bounded_window_of_the_event_store_even_when_nothing_matches()
    {
        await using var host = await OtherHosts.Start(Fixture, settings: new Dictionary<string, string> { ["Xapi:MaxEventsPerRead"] = "5" });
        Clock.Set(2026, 5, 1);
        var studio = await host.StaffedStudio(School());
        for (var i = 0; i < 8; i++)
            await host.LogActivity(studio, HostOf(studio), Activity("lecture", ["learning"], $"2026-04-{10 + i}", 1, [("M1", 1)]));
        // Statements are read up to the high-water mark: this host's daemon passes the writes first.
        await host.Services.GetRequiredService<Marten.IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var client = Token(Role.Integration, "学习记录平台", region: "350200");

        // Nothing matches: each read looks at no more than five events and says where to continue.
        var url = "/api/xapi/statements?agent=NOBODY";
        var reads = 0;
        var cursor = 0L;
        while (url.Length > 0)
        {
            var page = (await host.Get(url, client)).ShouldBe(200).Json;
            Assert.Empty(page["statements"]!.AsArray());
            url = page["more"]!.GetValue<string>();
            if (url.Length > 0)
            {
                var next = Workshops.Integrations.FeedCursor.Read(HttpUtility.ParseQueryString(new Uri("http://x" + url).Query)["cursor"]!)!.Values.Single().After;
                Assert.InRange(next - cursor, 1, 5);
                cursor = next;
            }
            Assert.True(++reads < 100);
        }
        Assert.True(reads >= 3);

        // Following the cursor gives every statement once.
        var statements = new List<string>();
        for (url = "/api/xapi/statements?agent=M1"; url.Length > 0;)
        {
            var page = (await host.Get(url, client)).ShouldBe(200).Json;
            statements.AddRange(page["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
            url = page["more"]!.GetValue<string>();
        }
        Assert.Equal(8, statements.Distinct().Count());
        Assert.Equal(8, statements.Count);
    }

    [Fact]
    public async Task exports_come_in_pages_of_a_bounded_number_of_rows_with_a_link_to_the_next()
    {
        await using var host = await OtherHosts.Start(Fixture, settings: new Dictionary<string, string> { ["Exports:MaxRows"] = "2" });
        Clock.Set(2026, 5, 1);
        foreach (var (name, district) in new[] { ("思明区工作坊甲", "350203"), ("思明区工作坊乙", "350203"), ("湖里区工作坊", "350206") })
            await host.EstablishStudio(School(district), StudioBody(name: name, district: district));
        // The table lists the studio views, which this host's daemon keeps: wait until it has caught up.
        await host.Services.GetRequiredService<Marten.IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var reviewer = Token(Role.Reviewer, "厦门市评审", region: "350200");
        // The reviewers' tables read the daemon's documents: wait for this host's own daemon (running a second one
        // beside it would race it for the same progress rows).
        await host.Services.GetRequiredService<Marten.IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

        string[] Rows(Reply reply) => Encoding.UTF8.GetString(reply.Bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)[1..];
        var first = (await host.Get("/api/reviews/workshops?region=350200&year=2026&format=csv", reviewer)).ShouldBe(200);
        Assert.Equal(2, Rows(first).Length);
        Assert.Equal("3", first.Header("X-Total-Count"));
        Assert.Contains("page=2", first.Header("Link"));
        Assert.Contains("rel=\"next\"", first.Header("Link"));
        var second = (await host.Get("/api/reviews/workshops?region=350200&year=2026&format=csv&page=2", reviewer)).ShouldBe(200);
        Assert.Single(Rows(second));
        Assert.Null(second.Header("Link"));
        Assert.NotEqual(Rows(first)[0], Rows(second)[0]);
        Assert.Equal(3, Rows(first).Concat(Rows(second)).Select(r => r.Split(',')[6]).Distinct().Count());
    }
}
