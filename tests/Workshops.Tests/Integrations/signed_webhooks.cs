using System.Text;
using System.Text.Json.Nodes;
using Alba;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Wolverine;
using Workshops.Core.Auth;
using Workshops.Integrations;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Integrations;

public sealed class signed_webhooks(AppFixture fixture) : ApiTest(fixture)
{
    private const string Secret = "s3cret-for-signing-webhooks";
    private string Client(string region = "350200") => Token(Role.Integration, "学校系统", region: region);

    private async Task<string> Subscribe(string url, params string[] types) =>
        (await Host.Post("/api/webhooks", new { url, eventTypes = types, region = "350200", secret = Secret }, Client()))
            .ShouldBe(201).Json["id"]!.GetValue<string>();

    private Task<JsonNode> Deliveries(string id, string? state = null) =>
        Host.Get($"/api/webhooks/{id}/deliveries{(state is null ? "" : $"?state={state}")}", Client()).ContinueWith(t => t.Result.ShouldBe(200).Json);

    [Fact]
    public async Task deliveries_are_signed_and_carry_the_event_id()
    {
        Clock.Set(2026, 5, 1);
        await using var receiver = await WebhookReceiver.Start();
        var id = await Subscribe(receiver.Url, "activity.logged", "hours.credited");
        var studio = await Host.StaffedStudio(School());
        var activity = await Host.LogActivity(studio, HostOf(studio), Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2), ("M2", 1.5m)]));

        await Eventually.Until(() => Task.FromResult(receiver.Requests.Count), n => n >= 3, what: "three deliveries");
        var bodies = receiver.Requests.ToList();
        foreach (var r in bodies)
        {
            Assert.True(WebhookSignature.Verify(Secret, r.Headers[WebhookSignature.TimestampHeader], r.Body, r.Headers[WebhookSignature.SignatureHeader]));
            Assert.False(WebhookSignature.Verify("another-secret-of-16", r.Headers[WebhookSignature.TimestampHeader], r.Body, r.Headers[WebhookSignature.SignatureHeader]));
            var json = JsonNode.Parse(Encoding.UTF8.GetString(r.Body))!;
            Assert.Equal(json["id"]!.GetValue<string>(), r.Headers[WebhookSignature.EventIdHeader]);
        }
        var logged = bodies.Select(r => JsonNode.Parse(r.Body)!).Single(j => j["type"]!.GetValue<string>() == "activity.logged");
        Assert.Equal(activity.ToString(), logged["data"]!["activityId"]!.GetValue<string>());
        var hours = bodies.Select(r => JsonNode.Parse(r.Body)!).Where(j => j["type"]!.GetValue<string>() == "hours.credited")
            .ToDictionary(j => j["data"]!["teacherId"]!.GetValue<string>(), j => j["data"]!["hours"]!.GetValue<decimal>());
        Assert.Equal(new Dictionary<string, decimal> { ["M1"] = 2, ["M2"] = 1.5m }, hours);

        var list = await Eventually.Until(() => Deliveries(id, "delivered"), d => d["total"]!.GetValue<int>() == 3, what: "delivered state");
        Assert.All(list["items"]!.AsArray(), d => Assert.Equal(200, d!["attempts"]![0]!["status"]!.GetValue<int>()));
        var views = (await Host.Get("/api/webhooks", Client())).Json.AsArray();
        Assert.DoesNotContain("secret", views[0]!.ToJsonString());
    }

    [Fact]
    public async Task a_failing_receiver_is_retried_then_dead_lettered_and_a_replay_delivers()
    {
        Clock.Set(2026, 5, 1);
        await using var receiver = await WebhookReceiver.Start();
        receiver.Status = 500;
        var id = await Subscribe(receiver.Url, "activity.logged");
        var studio = await Host.StaffedStudio(School());
        await Host.LogActivity(studio, HostOf(studio), Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2)]));

        var dead = await Eventually.Until(() => Deliveries(id, "dead"), d => d["total"]!.GetValue<int>() == 1, what: "a dead delivery");
        var delivery = dead["items"]![0]!;
        Assert.Equal(3, delivery["attempts"]!.AsArray().Count);
        Assert.All(delivery["attempts"]!.AsArray(), a => Assert.Equal(500, a!["status"]!.GetValue<int>()));
        var times = delivery["attempts"]!.AsArray().Select(a => DateTimeOffset.Parse(a!["at"]!.GetValue<string>())).ToList();
        Assert.Equal(3, receiver.Requests.Count);

        receiver.Status = 204;
        var deliveryId = delivery["id"]!.GetValue<string>();
        (await Host.Post($"/api/webhooks/{id}/deliveries/{deliveryId}/replay", new { }, Token(Role.Integration, "别人", region: "350200"))).ShouldBeProblem(403);
        (await Host.Post($"/api/webhooks/{id}/deliveries/{deliveryId}/replay", new { }, Client())).ShouldBe(202);
        var replayed = await Eventually.Until(() => Deliveries(id, "delivered"), d => d["total"]!.GetValue<int>() == 1, what: "the replay");
        Assert.Equal(1, replayed["items"]![0]!["replays"]!.GetValue<int>());
        Assert.Equal(4, receiver.Requests.Count);
        Assert.Equal(receiver.Requests.First().Headers[WebhookSignature.EventIdHeader], receiver.Requests.Last().Headers[WebhookSignature.EventIdHeader]);
        Assert.Equal(3, times.Count);
    }

    [Fact]
    public async Task subscriptions_are_checked()
    {
        (await Host.Post("/api/webhooks", new { url = "ftp://example.org", eventTypes = new[] { "activity.logged" }, region = "350200", secret = Secret }, Client()))
            .ShouldBeProblem(400);
        (await Host.Post("/api/webhooks", new { url = "https://example.org/h", eventTypes = new[] { "everything" }, region = "350200", secret = Secret }, Client()))
            .ShouldBeProblem(400);
        (await Host.Post("/api/webhooks", new { url = "https://example.org/h", eventTypes = new[] { "activity.logged" }, region = "350200", secret = "short" }, Client()))
            .ShouldBeProblem(400);
        (await Host.Post("/api/webhooks", new { url = "https://example.org/h", eventTypes = new[] { "activity.logged" }, region = "350100", secret = Secret }, Client()))
            .ShouldBeProblem(403);
        (await Host.Post("/api/webhooks", new { url = "https://example.org/h", eventTypes = new[] { "activity.logged" }, region = "350200", secret = Secret }, Reviewer()))
            .ShouldBeProblem(403);
        Assert.NotNull(WebhookUrls.Problem("http://127.0.0.1/h", new WebhookOptions()));
        Assert.NotNull(WebhookUrls.Problem("http://192.168.1.5/h", new WebhookOptions()));
        Assert.Null(WebhookUrls.Problem("https://example.org/h", new WebhookOptions()));
    }

    [Fact]
    public async Task a_write_acknowledged_before_a_restart_is_delivered_after_it()
    {
        Clock.Set(2026, 5, 1);
        var receiver = WebhookReceiver.NotStarted();
        var id = await Subscribe(receiver.Url, "activity.logged");
        var studio = await Host.StaffedStudio(School());

        // A second API process writes while the receiver is down, then stops before any retry succeeds.
        var other = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            web.UseSetting("Webhooks:FirstRetry", "00:00:01");
            web.UseSetting("Webhooks:MaxAttempts", "5");
            web.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Fixture.Clock);
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
            });
        });
        var activity = await other.LogActivity(studio, HostOf(studio), Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2)]));
        await Eventually.Until(() => Deliveries(id), d => d["items"]!.AsArray().Any(x => x!["attempts"]!.AsArray().Count >= 1), what: "a failed first attempt");
        await other.StopAsync();
        await other.DisposeAsync();

        await receiver.Open();
        await using (receiver)
        {
            var delivered = await Eventually.Until(() => Deliveries(id, "delivered"), d => d["total"]!.GetValue<int>() == 1,
                TimeSpan.FromSeconds(60), "delivery after the restart");
            Assert.Equal(activity.ToString(), delivered["items"]![0]!["event"]!["data"]!["activityId"]!.GetValue<string>());
            Assert.Contains(receiver.Requests, r => JsonNode.Parse(r.Body)!["data"]!["activityId"]!.GetValue<string>() == activity.ToString());
        }
    }
}
