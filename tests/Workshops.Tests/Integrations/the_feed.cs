using System.Text.Json.Nodes;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Integrations;

public sealed class the_feed(AppFixture fixture) : ApiTest(fixture)
{
    private string Client(string region = "350200") => Token(Role.Integration, "省培训平台", region: region);

    [Fact]
    public async Task a_consumer_reading_while_writers_append_gets_every_event_once_and_in_order()
    {
        Clock.Set(2026, 5, 1);
        var studios = new List<Guid>();
        for (var i = 0; i < 4; i++) studios.Add(await Host.StaffedStudio(School(), StudioBody(name: $"并发工作坊{i}")));
        var fuzhou = await Host.StaffedStudio(School("350102"), StudioBody(name: "福州市鼓楼区工作坊", district: "350102", city: "350100"));

        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        var writers = studios.Select(id => Task.Run(async () =>
        {
            for (var n = 0; n < 8; n++)
            {
                var reply = await Host.Post($"/api/studios/{id}/activities",
                    Activity("online-forum", ["exchange"], "2026-04-20", 1, [("M1", 1)], title: $"网上论坛{n}"), HostOf(id));
                if (reply.Status == 201) acknowledged.Add(Guid.Parse(reply.Json["activityId"]!.GetValue<string>()));
            }
        })).ToList();

        var seen = new List<JsonNode>();
        string? cursor = null;
        async Task Drain()
        {
            var url = cursor is null ? "/api/feed?limit=7" : $"/api/feed?cursor={cursor}&limit=7";
            while (url is not null)
            {
                var page = (await Host.Get(url, Client())).ShouldBe(200).Json;
                Assert.True(page["events"]!.AsArray().Count <= 7);
                seen.AddRange(page["events"]!.AsArray().Select(e => e!));
                cursor = page["cursor"]!.GetValue<string>();
                url = page["next"]?.GetValue<string>();
            }
        }
        while (writers.Any(w => !w.IsCompleted))
        {
            await Settle();
            await Drain();
        }
        await Task.WhenAll(writers);
        await Host.LogActivity(fuzhou, HostOf(fuzhou), Activity("lecture", ["learning"], "2026-04-20", 1, [("M1", 1)]));
        await Settle();
        await Drain();

        var logged = seen.Where(e => e["type"]!.GetValue<string>() == "activity.logged")
            .Select(e => Guid.Parse(e["data"]!["activityId"]!.GetValue<string>())).ToList();
        Assert.Equal(acknowledged.Count, logged.Count);
        Assert.Equal(acknowledged.ToHashSet(), logged.ToHashSet());
        Assert.Equal(seen.Count, seen.Select(e => e["id"]!.GetValue<string>()).Distinct().Count());
        var sequences = seen.Select(e => e["sequence"]!.GetValue<long>()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.All(seen, e => Assert.Equal("350200", e["region"]!["city"]!.GetValue<string>()));
        Assert.Contains(seen, e => e["type"]!.GetValue<string>() == "studio.established");
        Assert.Contains(seen, e => e["type"]!.GetValue<string>() == "roster.changed");
        Assert.Equal(acknowledged.Count, seen.Count(e => e["type"]!.GetValue<string>() == "hours.credited"));

        // Resuming from the end returns nothing new; the other region's client sees only its own studio.
        var again = (await Host.Get($"/api/feed?cursor={cursor}", Client())).Json;
        Assert.Null(again["next"]);
        Assert.Empty(again["events"]!.AsArray());
        var other = (await Host.Get("/api/feed?limit=500", Client("350100"))).Json;
        Assert.NotEmpty(other["events"]!.AsArray());
        Assert.All(other["events"]!.AsArray(), e => Assert.Equal(fuzhou.ToString(), e!["studioId"]!.GetValue<string>()));
        (await Host.Get("/api/feed", Reviewer())).ShouldBeProblem(403);
        (await Host.Get("/api/feed?limit=0", Client())).ShouldBeProblem(400);
    }
}
