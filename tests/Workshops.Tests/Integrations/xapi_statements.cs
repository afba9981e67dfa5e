using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workshops.Core.Auth;
using Workshops.Integrations;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Integrations;

/// <summary>Activities and credited training as xAPI 2.0 statements, checked against the statement rules.</summary>
public sealed partial class xapi_statements(AppFixture fixture) : ApiTest(fixture)
{
    [GeneratedRegex(@"^P(?!$)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$")]
    private static partial Regex IsoDuration();

    private static bool Iri(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    private static void Valid(JsonNode s)
    {
        Assert.True(Guid.TryParse(s["id"]!.GetValue<string>(), out _));
        Assert.Equal("2.0.0", s["version"]!.GetValue<string>());
        Assert.Equal("Agent", s["actor"]!["objectType"]!.GetValue<string>());
        Assert.True(Iri(s["actor"]!["account"]!["homePage"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(s["actor"]!["account"]!["name"]!.GetValue<string>()));
        Assert.True(Iri(s["verb"]!["id"]!.GetValue<string>()));
        Assert.NotEmpty(s["verb"]!["display"]!.AsObject());
        Assert.True(DateTimeOffset.TryParse(s["timestamp"]!.GetValue<string>(), out _));
        Assert.True(DateTimeOffset.TryParse(s["stored"]!.GetValue<string>(), out _));
        var objectType = s["object"]!["objectType"]!.GetValue<string>();
        if (objectType == "Activity")
        {
            Assert.True(Iri(s["object"]!["id"]!.GetValue<string>()));
            Assert.True(Iri(s["object"]!["definition"]!["type"]!.GetValue<string>()));
            Assert.Matches(IsoDuration(), s["result"]!["duration"]!.GetValue<string>());
            Assert.True(Iri(s["context"]!["contextActivities"]!["parent"]![0]!["id"]!.GetValue<string>()));
        }
        else
        {
            Assert.Equal("StatementRef", objectType);
            Assert.True(Guid.TryParse(s["object"]!["id"]!.GetValue<string>(), out _));
            Assert.Null(s["result"]);
        }
    }

    [Fact]
    public async Task activities_and_trainings_become_valid_statements_and_corrections_void_the_old_ones()
    {
        Clock.Set(2026, 5, 1);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        var a = await Host.LogActivity(id, host, Activity("lecture", ["learning"], "2026-04-20", 2.5m, [("M1", 2.5m), ("M2", 1)]));
        (await Host.Post($"/api/studios/{id}/activities/{a}/corrections", new
        {
            changes = new { attendees = new[] { new { teacherId = "M1", hours = 2.5m }, new { teacherId = "M2", hours = 2m } } }, reason = "签到表更正",
        }, host)).ShouldBe(200);
        var b = await Host.LogActivity(id, host, Activity("survey", ["research"], "2026-04-21", 1, [("M3", 1)]));
        (await Host.Post($"/api/studios/{id}/activities/{b}/void", new { reason = "重复" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/growth/M1/trainings", new { course = "市级班主任培训", level = "municipal", category = "head-teacher-training", hours = 12, date = "2026-04-01" }, host))
            .ShouldBe(200);

        // Statements are given up to the high-water mark (as the feed's events): the daemon passes the writes first.
        await Settle();
        var client = Token(Role.Integration, "学习记录平台", region: "350200");
        var reply = (await Host.Get("/api/xapi/statements?limit=50", client)).ShouldBe(200);
        Assert.Equal("2.0.0", reply.Header("x-experience-api-version"));
        var statements = reply.Json["statements"]!.AsArray().Select(s => s!).ToList();
        foreach (var s in statements) Valid(s);
        Assert.Equal(statements.Count, statements.Select(s => s["id"]!.GetValue<string>()).Distinct().Count());

        string Verb(JsonNode s) => s["verb"]!["id"]!.GetValue<string>().Split('/').Last();
        var attended = statements.Where(s => Verb(s) == "attended").ToList();
        var voided = statements.Where(s => Verb(s) == "voided").Select(s => s["object"]!["id"]!.GetValue<string>()).ToHashSet();
        // M1's statement stays; M2's 1-hour statement is voided and restated as 2 hours; M3's is voided with its activity.
        var standing = attended.Where(s => !voided.Contains(s["id"]!.GetValue<string>())).ToList();
        Assert.Equal(["M1:PT2H30M", "M2:PT2H"], standing.Select(s => $"{s["actor"]!["account"]!["name"]}:{s["result"]!["duration"]}").Order());
        Assert.Equal(2, voided.Count);
        var training = statements.Single(s => Verb(s) == "completed");
        Assert.Equal("PT12H", training["result"]!["duration"]!.GetValue<string>());
        Assert.Equal("市级班主任培训", training["object"]!["definition"]!["name"]!["zh-CN"]!.GetValue<string>());

        var m1 = (await Host.Get("/api/xapi/statements?agent=" + Uri.EscapeDataString("{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"http://localhost/api/teachers\",\"name\":\"M1\"}}"), client)).Json;
        Assert.All(m1["statements"]!.AsArray(), s => Assert.Equal("M1", s!["actor"]!["account"]!["name"]!.GetValue<string>()));
        Assert.Equal(2, m1["statements"]!.AsArray().Count);
        var none = (await Host.Get("/api/xapi/statements?since=2026-05-02T00:00:00Z", client)).Json;
        Assert.Empty(none["statements"]!.AsArray());
        var paged = (await Host.Get("/api/xapi/statements?limit=2", client)).Json;
        Assert.Equal(2, paged["statements"]!.AsArray().Count);
        Assert.StartsWith("/api/xapi/statements?cursor=", paged["more"]!.GetValue<string>());
        (await Host.Get("/api/xapi/statements?since=yesterday", client)).ShouldBeProblem(400);
        (await Host.Get("/api/xapi/statements", Reviewer())).ShouldBeProblem(403);
    }

    [Fact]
    public async Task statement_urls_come_from_the_configured_public_base_url_never_the_host_header()
    {
        await using var host = await OtherHosts.Start(Fixture, settings: new Dictionary<string, string>
        {
            ["Api:PublicBaseUrl"] = "https://workshops.edu.example.cn/",
        });
        Clock.Set(2026, 5, 1);
        var id = await host.StaffedStudio(School());
        await host.LogActivity(id, HostOf(id), Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2)]));
        await host.Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
        var reply = (await host.Get("/api/xapi/statements", Token(Role.Integration, "学习记录平台", region: "350200"),
            ("Host", "attacker.example"), ("X-Forwarded-Host", "attacker.example"))).ShouldBe(200);
        Assert.DoesNotContain("attacker.example", reply.Text);
        var statement = reply.Json["statements"]![0]!;
        Assert.Equal("https://workshops.edu.example.cn/api/teachers", statement["actor"]!["account"]!["homePage"]!.GetValue<string>());
        Assert.StartsWith($"https://workshops.edu.example.cn/api/studios/{id}/activities/", statement["object"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_statement_whose_transaction_commits_late_is_not_passed_over()
    {
        Clock.Set(2026, 5, 1);
        var id = await Host.StaffedStudio(School());
        var client = Token(Role.Integration, "学习记录平台", region: "350200");
        var first = await Host.LogActivity(id, HostOf(id), Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2)]));
        await Settle();

        // A transaction holds the next sequence number, uncommitted; a later write commits above it.
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var pending = await data.OpenConnectionAsync();
        await using var transaction = await pending.BeginTransactionAsync();
        await using (var take = new NpgsqlCommand($"select nextval('{Workshops.Core.Setup.Schema}.mt_events_sequence')", pending, transaction))
            await take.ExecuteScalarAsync();
        var second = await Host.LogActivity(id, HostOf(id), Activity("survey", ["research"], "2026-04-21", 1, [("M2", 1)]));

        static bool Of(JsonNode page, Guid activity) =>
            page["statements"]!.AsArray().Any(s => s!["object"]!["id"]!.GetValue<string>().EndsWith($"/activities/{activity}", StringComparison.Ordinal));
        var held = (await Host.Get("/api/xapi/statements?limit=100", client)).ShouldBe(200).Json;
        Assert.True(Of(held, first));
        Assert.False(Of(held, second));
        var more = held["more"]!.GetValue<string>();
        Assert.StartsWith("/api/xapi/statements?cursor=", more);

        // The gap closes (here: the holder rolls back) and the mark passes it; the page after gives what was held back,
        // and nothing twice.
        await transaction.RollbackAsync();
        await Settle();
        var after = (await Host.Get(more, client)).ShouldBe(200).Json;
        Assert.True(Of(after, second));
        Assert.False(Of(after, first));
    }

    [Theory]
    [InlineData(10L, 15L, 30L, 40L, 15L, true)]   // the window ends below the mark
    [InlineData(10L, 35L, 40L, 30L, 30L, true)]   // the mark holds the window back
    [InlineData(10L, null, 30L, 30L, 30L, false)] // everything is below the mark
    [InlineData(10L, null, 30L, 25L, 25L, true)]  // fewer than a window left, some held back
    [InlineData(30L, null, 30L, 20L, 30L, false)] // the mark never sends a reader back
    public void a_reads_window_stops_at_the_high_water_mark(long after, long? windowEnd, long top, long mark, long last, bool more) =>
        Assert.Equal((last, more), HighWater.Bound(after, windowEnd, top, mark));

    [Fact]
    public async Task outside_development_the_api_does_not_start_without_a_public_base_url()
    {
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => OtherHosts.Start(Fixture, "Production",
            new Dictionary<string, string> { ["Api:PublicBaseUrl"] = "" }));
        Assert.Contains("Api__PublicBaseUrl", refused.ToString());
        await using var production = await OtherHosts.Start(Fixture, "Production");
    }
}
