using System.Diagnostics;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Workshops.Core.Auth;
using Workshops.Integrations;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Integrations;

/// <summary>A subscription is read, paused, refiltered, removed and its secret rotated; the published verification snippets work.</summary>
public sealed class managing_webhooks(AppFixture fixture) : ApiTest(fixture)
{
    private const string Secret = "s3cret-for-signing-webhooks";
    private const string NewSecret = "n3w-secret-for-signing-2026";
    private string Client() => Token(Role.Integration, "学校系统", region: "350200");

    private async Task<string> Subscribe(string url, params string[] types) =>
        (await Host.Post("/api/webhooks", new { url, eventTypes = types, region = "350200", secret = Secret }, Client()))
            .ShouldBe(201).Json["id"]!.GetValue<string>();

    [Fact]
    public async Task the_url_a_subscription_answers_reads_it_and_it_can_be_paused_refiltered_and_removed()
    {
        Clock.Set(2026, 5, 1);
        await using var receiver = await WebhookReceiver.Start();
        var created = (await Host.Post("/api/webhooks", new { url = receiver.Url, eventTypes = new[] { "activity.logged" }, region = "350200", secret = Secret },
            Client())).ShouldBe(201);
        var location = created.Header("location")!;
        var read = (await Host.Get(location, Client())).ShouldBe(200).Json;
        Assert.Equal(receiver.Url, read["url"]!.GetValue<string>());
        Assert.True(read["active"]!.GetValue<bool>());
        Assert.DoesNotContain(Secret, read.ToJsonString());
        (await Host.Get(location, Token(Role.Integration, "别的系统", region: "350200"))).ShouldBeProblem(403);

        var paused = (await Host.Send("PATCH", location, new { active = false }, Client())).ShouldBe(200).Json;
        Assert.False(paused["active"]!.GetValue<bool>());
        var studio = await Host.StaffedStudio(School());
        await Host.LogActivity(studio, HostOf(studio), Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2)]));

        var refiltered = (await Host.Send("PATCH", location, new { active = true, eventTypes = new[] { "hours.credited" } }, Client())).ShouldBe(200).Json;
        Assert.Equal(["hours.credited"], refiltered["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        (await Host.Send("PATCH", location, new { eventTypes = new[] { "activity.logd" } }, Client())).ShouldBeProblem(400);
        await Host.LogActivity(studio, HostOf(studio), Activity("lecture", ["learning"], "2026-04-21", 2, [("M1", 2)]));
        await Eventually.Until(() => Task.FromResult(receiver.Requests.Count), n => n >= 1, what: "an hours.credited delivery");
        // Nothing was created for the activity logged while paused: one delivery, the second activity's hours.
        var deliveries = (await Host.Get($"{location}/deliveries", Client())).ShouldBe(200).Json;
        Assert.Equal(1, deliveries["total"]!.GetValue<int>());
        Assert.All(receiver.Requests, r => Assert.Contains("hours.credited", Encoding.UTF8.GetString(r.Body)));

        (await Host.Send("DELETE", location, null, Client())).ShouldBe(204);
        (await Host.Get(location, Client())).ShouldBeProblem(404);
        Assert.Empty((await Host.Get("/api/webhooks", Client())).ShouldBe(200).Json.AsArray());
    }

    private static IReadOnlyList<string> Fields(Reply reply) => [.. reply.Json["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task a_subscription_with_every_field_wrong_is_told_every_problem_in_one_answer()
    {
        var reply = (await Host.Post("/api/webhooks", new { url = "ftp://x", eventTypes = new[] { "nope" }, region = "999999", secret = "x" }, Client()))
            .ShouldBeProblem(400);
        Assert.Equal(["eventTypes[0]", "region", "secret", "url"], Fields(reply));
        Assert.Contains("activity.logged", reply.Json["errors"]!["eventTypes[0]"]![0]!.GetValue<string>());
        Assert.Contains(reply.Json["codes"]!["eventTypes[0]"]!["allowed"]!.AsArray(), c => c!["code"]!.GetValue<string>() == "hours.credited");
        Assert.Contains("division list", reply.Json["errors"]!["region"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task a_region_code_that_names_no_region_is_a_400_not_a_403()
    {
        var reply = (await Host.Post("/api/webhooks", new { url = "http://127.0.0.1:9/hook", eventTypes = new[] { "activity.logged" }, region = "999999", secret = Secret },
            Client())).ShouldBeProblem(400);
        Assert.Equal(["region"], Fields(reply));
        // A real region outside the caller's is still the 403.
        (await Host.Post("/api/webhooks", new { url = "http://127.0.0.1:9/hook", eventTypes = new[] { "activity.logged" }, region = "110000", secret = Secret },
            Client())).ShouldBeProblem(403);
    }

    [Fact]
    public async Task a_change_with_a_misspelt_event_type_and_an_unknown_field_is_told_both_and_the_code_meant()
    {
        var id = await Subscribe("http://127.0.0.1:9/hook", "activity.logged");
        var reply = (await Host.Send("PATCH", $"/api/webhooks/{id}", new { eventTypes = new[] { "activity.loged" }, paused = true }, Client()))
            .ShouldBeProblem(400);
        Assert.Equal(["eventTypes[0]", "paused"], Fields(reply));
        Assert.Equal("activity.logged", reply.Json["codes"]!["eventTypes[0]"]!["suggested"]!.GetValue<string>());
        Assert.Contains("active", reply.Json["errors"]!["paused"]![0]!.GetValue<string>());
    }

    [Fact]
    public void the_most_event_types_a_subscription_names_is_the_number_there_are() =>
        Assert.Equal(IntegrationTypes.Count, IntegrationTypes.All.Count);

    [Fact]
    public async Task the_deliveries_are_filtered_by_a_known_state_and_an_unknown_one_is_refused()
    {
        Clock.Set(2026, 5, 1);
        var id = await Subscribe("http://127.0.0.1:9/hook", "activity.logged");
        (await Host.Get($"/api/webhooks/{id}/deliveries?state=dead", Client())).ShouldBe(200);
        var refused = (await Host.Get($"/api/webhooks/{id}/deliveries?state=failed", Client())).ShouldBeProblem(400);
        Assert.Contains("pending, delivered, dead", refused.Json["errors"]!["state"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task during_a_rotation_both_secrets_sign_and_afterwards_only_the_new_one()
    {
        Clock.Set(2026, 5, 1);
        await using var receiver = await WebhookReceiver.Start();
        var id = await Subscribe(receiver.Url, "activity.logged");
        var rotated = (await Host.Post($"/api/webhooks/{id}/secret", new { secret = NewSecret, overlapMinutes = 60 }, Client())).ShouldBe(200).Json;
        Assert.Equal(Clock.Now.AddMinutes(60), DateTimeOffset.Parse(rotated["previousSecretUntil"]!.GetValue<string>()));
        (await Host.Post($"/api/webhooks/{id}/secret", new { secret = "short" }, Client())).ShouldBeProblem(400);

        var studio = await Host.StaffedStudio(School());
        await Host.LogActivity(studio, HostOf(studio), Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2)]));
        var first = (await Eventually.Until(() => Task.FromResult(receiver.Requests.ToList()), r => r.Count >= 1, what: "a delivery"))[0];
        var signatures = first.Headers[WebhookSignature.SignatureHeader];
        Assert.Equal(2, signatures.Split(", ").Length);
        foreach (var secret in new[] { NewSecret, Secret })
            Assert.True(WebhookSignature.Verify(secret, first.Headers[WebhookSignature.TimestampHeader], first.Body, signatures));

        Clock.Advance(TimeSpan.FromMinutes(61));
        await Host.LogActivity(studio, HostOf(studio), Activity("lecture", ["learning"], "2026-04-21", 2, [("M1", 2)]));
        var second = (await Eventually.Until(() => Task.FromResult(receiver.Requests.ToList()), r => r.Count >= 2, what: "a second delivery"))[1];
        Assert.True(WebhookSignature.Verify(NewSecret, second.Headers[WebhookSignature.TimestampHeader], second.Body, second.Headers[WebhookSignature.SignatureHeader]));
        Assert.False(WebhookSignature.Verify(Secret, second.Headers[WebhookSignature.TimestampHeader], second.Body, second.Headers[WebhookSignature.SignatureHeader]));
        Assert.Null((await Host.Get($"/api/webhooks/{id}", Client())).ShouldBe(200).Json["previousSecretUntil"]);
    }

    [Fact]
    public async Task the_published_csharp_and_shell_checks_accept_a_real_delivery_and_refuse_a_wrong_secret()
    {
        Clock.Set(2026, 5, 1);
        await using var receiver = await WebhookReceiver.Start();
        await Subscribe(receiver.Url, "activity.logged");
        var studio = await Host.StaffedStudio(School());
        await Host.LogActivity(studio, HostOf(studio), Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2)]));
        var delivery = (await Eventually.Until(() => Task.FromResult(receiver.Requests.ToList()), r => r.Count >= 1, what: "a delivery"))[0];
        var timestamp = delivery.Headers[WebhookSignature.TimestampHeader];
        var signature = delivery.Headers[WebhookSignature.SignatureHeader];

        var verify = Compile(WebhookGuide.CSharp).GetType("WorkshopsWebhooks")!.GetMethod("Verify")!;
        bool CSharp(string secret, DateTimeOffset now) => (bool)verify.Invoke(null, [secret, timestamp, signature, delivery.Body, now])!;
        Assert.True(CSharp(Secret, DateTimeOffset.UtcNow));
        Assert.False(CSharp("another-secret-of-16", DateTimeOffset.UtcNow));
        Assert.False(CSharp(Secret, DateTimeOffset.UtcNow.AddMinutes(10)));

        Assert.Equal("valid", await Shell(Secret, timestamp, signature, delivery.Body));
        Assert.Equal("invalid", await Shell("another-secret-of-16", timestamp, signature, delivery.Body));
    }

    /// <summary>
    /// A delivery replayed later carries its old timestamp, signed rightly: both published checks refuse it once it is more
    /// than 300 seconds away from the receiver's clock, either way, and accept it inside the window.
    /// </summary>
    [Theory]
    [InlineData(-301, "invalid")]
    [InlineData(301, "invalid")]
    [InlineData(-3600, "invalid")]
    [InlineData(-240, "valid")]
    [InlineData(240, "valid")]
    public async Task the_published_checks_refuse_a_timestamp_outside_the_window(int offsetSeconds, string expected)
    {
        var body = "{\"type\":\"activity.logged\"}"u8.ToArray();
        var now = DateTimeOffset.UtcNow;
        var timestamp = now.AddSeconds(offsetSeconds).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Header([Secret], timestamp, body);

        Assert.Equal(expected, await Shell(Secret, timestamp, signature, body));
        var verify = Compile(WebhookGuide.CSharp).GetType("WorkshopsWebhooks")!.GetMethod("Verify")!;
        Assert.Equal(expected == "valid", (bool)verify.Invoke(null, [Secret, timestamp, signature, body, now])!);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1e9")]
    public async Task the_published_shell_check_refuses_a_timestamp_that_is_not_seconds(string timestamp)
    {
        var body = "{}"u8.ToArray();
        Assert.Equal("invalid", await Shell(Secret, timestamp, WebhookSignature.Header([Secret], timestamp, body), body));
    }

    private static Assembly Compile(string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("snippet", [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return Assembly.Load(image.ToArray());
    }

    private static async Task<string> Shell(string secret, string timestamp, string signature, byte[] body)
    {
        var dir = Directory.CreateTempSubdirectory("webhook-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "body.json"), body);
            var start = new ProcessStartInfo("bash", ["-c", WebhookGuide.Shell]) { WorkingDirectory = dir.FullName, RedirectStandardOutput = true };
            start.Environment["SECRET"] = secret;
            start.Environment["TIMESTAMP"] = timestamp;
            start.Environment["SIGNATURE"] = signature;
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output.Trim();
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
