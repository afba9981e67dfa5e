using System.Text.Json.Nodes;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Integrations;

/// <summary>
/// `limit` on the feed and on xAPI statements counts what a page holds (one stored activity makes an event per attendee):
/// a page never exceeds it, and reading page by page gives exactly what one large read gives.
/// </summary>
public sealed class pages_hold_at_most_limit_items(AppFixture fixture) : ApiTest(fixture)
{
    private string Client() => Token(Role.Integration, "学习记录平台", region: "350200");

    private async Task LogActivitiesWithManyAttendees()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        // Each activity makes one activity.logged event and an hours.credited event per attendee: 5 feed events, 4 statements.
        await Host.LogActivity(studio, HostOf(studio), Activity("lecture", ["learning"], "2026-04-20", 2, [("H1", 2), ("M1", 2), ("M2", 1), ("M3", 1.5m)]));
        await Host.LogActivity(studio, HostOf(studio), Activity("survey", ["research"], "2026-04-21", 1, [("M1", 1), ("M2", 1), ("S1", 1)]));
        await Settle();
    }

    /// <summary>
    /// Following each page's <c>next</c> until a page has none gives every event exactly once, in the order of one large
    /// read, with at most <c>limit</c> a page; every page carries a cursor, and the last page's resumes with nothing new.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task following_next_until_it_is_absent_gives_every_event_once_in_order(int limit)
    {
        await LogActivitiesWithManyAttendees();
        var one = (await Host.Get("/api/feed?limit=500", Client())).ShouldBe(200).Json;
        Assert.Null(one["next"]);
        var all = one["events"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToList();
        Assert.True(all.Count >= 9);
        var paged = new List<string>();
        string? url = $"/api/feed?limit={limit}", cursor = null;
        var pages = 0;
        for (; url is not null && pages < 100; pages++)
        {
            var page = (await Host.Get(url, Client())).ShouldBe(200).Json;
            var events = page["events"]!.AsArray();
            Assert.True(events.Count <= limit, $"a page of {events.Count} events for limit {limit}");
            paged.AddRange(events.Select(e => e!["id"]!.GetValue<string>()));
            cursor = page["cursor"]!.GetValue<string>();
            url = page["next"]?.GetValue<string>();
            if (url is not null) Assert.Contains($"cursor={cursor}", url);
        }
        Assert.Null(url);
        Assert.Equal(all, paged);
        Assert.True(pages >= all.Count / limit, $"{pages} pages for {all.Count} events of at most {limit}");

        var resumed = (await Host.Get($"/api/feed?cursor={cursor}&limit={limit}", Client())).ShouldBe(200).Json;
        Assert.Empty(resumed["events"]!.AsArray());
        Assert.Null(resumed["next"]);
    }

    /// <summary>Contract 7.0.0 retired after and skip: sent, they are refused with a 400 naming them, never read as a start.</summary>
    [Theory]
    [InlineData("/api/feed?after=3", "after")]
    [InlineData("/api/feed?after=3&skip=1", "skip")]
    [InlineData("/api/feed?cursor=12", "cursor")]
    [InlineData("/api/xapi/statements?cursor=12", "cursor")]
    [InlineData("/api/xapi/statements?skip=1", "skip")]
    public async Task the_retired_continuations_are_refused_by_name(string url, string field)
    {
        var problem = (await Host.Get(url, Client())).ShouldBeProblem(400).Json;
        Assert.NotNull(problem["errors"]![field]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task xapi_pages_by_statements(int limit)
    {
        await LogActivitiesWithManyAttendees();
        var all = (await Host.Get("/api/xapi/statements?limit=500", Client())).ShouldBe(200).Json["statements"]!.AsArray()
            .Select(s => s!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(7, all.Count);
        var paged = new List<string>();
        var url = $"/api/xapi/statements?limit={limit}";
        for (var pages = 0; pages < 100 && url.Length > 0; pages++)
        {
            var page = (await Host.Get(url, Client())).ShouldBe(200).Json;
            var statements = page["statements"]!.AsArray();
            Assert.True(statements.Count <= limit, $"a page of {statements.Count} statements for limit {limit}");
            paged.AddRange(statements.Select(s => s!["id"]!.GetValue<string>()));
            url = page["more"]!.GetValue<string>();
        }
        Assert.Equal(all, paged);
    }
}
