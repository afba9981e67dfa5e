using System.Collections.Concurrent;
using JasperFx.Events;
using Marten;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Reliability;

public sealed class thirty_two_writers(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task writers_on_one_studio_with_if_match_retries_lose_no_update_and_every_conflict_is_real()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio);
        const int writers = 32, each = 3;
        var acknowledged = new ConcurrentBag<(Guid Activity, long Version)>();
        var conflicts = new ConcurrentBag<(int Status, long Sent)>();

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var n = 0; n < each; n++)
            {
                while (true)
                {
                    var read = await Host.Get($"/api/studios/{studio}", host);
                    var etag = read.Header("etag")!;
                    var reply = await Host.Post($"/api/studios/{studio}/activities",
                        Activity("peer-review", ["exchange"], "2026-04-20", 0.5m, [("M1", 0.1m)], title: $"互评{w}-{n}"), host, ("If-Match", etag));
                    if (reply.Status == 201)
                    {
                        acknowledged.Add((Guid.Parse(reply.Json["activityId"]!.GetValue<string>()), reply.Json["version"]!.GetValue<long>()));
                        break;
                    }
                    Assert.Contains(reply.Status, new[] { 409, 412 });
                    conflicts.Add((reply.Status, long.Parse(etag.Trim('"').Split('.')[0]))); // the view's ETag: "version.digest"
                }
            }
        })));

        Assert.Equal(writers * each, acknowledged.Count);
        // Each acknowledged write got its own version: no two writes committed on the same base.
        Assert.Equal(acknowledged.Count, acknowledged.Select(a => a.Version).Distinct().Count());

        await using var session = Fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(studio);
        var logged = events.Where(e => e.Data is Workshops.Activities.ActivityLogged).Select(e => ((Workshops.Activities.ActivityLogged)e.Data).ActivityId).ToList();
        Assert.Equal(acknowledged.Select(a => a.Activity).Order(), logged.Order());
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Version));

        // Every refusal was a real conflict: the version the writer sent had been overtaken by then.
        var final = events.Count;
        Assert.All(conflicts, c => Assert.True(c.Sent < final));
        var year = (await Host.Get($"/api/studios/{studio}/years/2026", host)).Json;
        Assert.Equal(writers * each, year["activities"]!["count"]!.GetValue<int>());
        Assert.Equal(writers * each * 0.5m, year["activities"]!["hours"]!.GetValue<decimal>());
        Assert.Equal(writers * each * 0.1m, year["attendance"]![0]!["hours"]!.GetValue<decimal>());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{acknowledged.Count} acknowledged, {conflicts.Count(c => c.Status == 409)} × 409 and {conflicts.Count(c => c.Status == 412)} × 412, all real; {events.Count} events, no gap");
    }
}
