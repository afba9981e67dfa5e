using Workshops.Core;
using System.Collections.Concurrent;
using System.Net;
using Workshops.Core.Auth;
using Workshops.Integrations;
using Workshops.Studios;
using Workshops.Tests.Support;

namespace Workshops.Tests.Integrations;

/// <summary>
/// SSRF through webhooks. Every special-purpose address of the IANA registries (IPv4 and IPv6, with the mapped, NAT64,
/// 6to4 and Teredo forms) is refused unless the operator allow-lists it; loopback only where a setting allows it.
/// </summary>
public sealed class webhook_networks
{
    public static readonly TheoryData<string> Forbidden = new()
    {
        "0.0.0.0", "0.1.2.3", "10.0.0.1", "100.64.0.1", "100.127.255.254", "127.0.0.1", "127.255.255.254", "169.254.0.1", "169.254.169.254",
        "172.16.0.1", "172.31.255.254", "192.0.0.8", "192.0.0.170", "192.0.2.1", "192.31.196.1", "192.52.193.1", "192.88.99.1", "192.168.1.5",
        "192.175.48.1", "198.18.0.1", "198.19.255.254", "198.51.100.7", "203.0.113.9", "224.0.0.1", "239.255.255.250", "240.0.0.1",
        "255.255.255.255",
        "::", "::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:8.8.8.8", "::127.0.0.1", "::ffff:0:a9fe:a9fe", "64:ff9b::a9fe:a9fe",
        "64:ff9b::808:808", "64:ff9b:1::a00:1", "100::1", "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:2::1", "2001:10::1",
        "2001:20::1", "2001:db8::1", "2002:7f00:1::1", "2002:a9fe:a9fe::1", "3fff::1", "5f00::1", "fc00::1", "fd00::1", "fd00:ec2::254",
        "fe80::1", "fec0::1", "ff02::1", "ff0e::1",
    };

    private static WebhookOptions Strict() => new();

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void a_special_purpose_address_is_refused(string address) =>
        Assert.NotNull(WebhookNetworks.Refusal(IPAddress.Parse(address), Strict()));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("8.8.8.8")]
    [InlineData("100.128.0.1")]
    [InlineData("172.32.0.1")]
    [InlineData("198.20.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2400:3200::1")]
    public void a_public_address_is_allowed(string address) =>
        Assert.Null(WebhookNetworks.Refusal(IPAddress.Parse(address), Strict()));

    [Fact]
    public void loopback_only_where_allowed_and_never_private_ranges_or_metadata_with_it()
    {
        var development = new WebhookOptions { AllowLoopback = true };
        Assert.Null(WebhookNetworks.Refusal(IPAddress.Loopback, development));
        Assert.Null(WebhookNetworks.Refusal(IPAddress.IPv6Loopback, development));
        Assert.Null(WebhookNetworks.Refusal(IPAddress.Parse("127.0.0.2"), development));
        Assert.NotNull(WebhookNetworks.Refusal(IPAddress.Parse("10.0.0.1"), development));
        Assert.NotNull(WebhookNetworks.Refusal(IPAddress.Parse("169.254.169.254"), development));
        Assert.NotNull(WebhookNetworks.Refusal(IPAddress.Parse("::ffff:127.0.0.1"), development));
    }

    [Fact]
    public void the_operator_allow_lists_a_network()
    {
        var options = new WebhookOptions { AllowedNetworks = ["10.20.0.0/16", "fd00:1234::/32"] };
        Assert.Null(WebhookNetworks.Refusal(IPAddress.Parse("10.20.3.4"), options));
        Assert.NotNull(WebhookNetworks.Refusal(IPAddress.Parse("10.21.0.1"), options));
        Assert.Null(WebhookNetworks.Refusal(IPAddress.Parse("fd00:1234::5"), options));
        Assert.NotNull(WebhookNetworks.Refusal(IPAddress.Parse("fd00:1235::5"), options));
    }

    [Theory]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://0/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://0x7f.1/")]
    [InlineData("http://localhost/")]
    [InlineData("http://localhost./")]
    [InlineData("http://LOCALHOST/")]
    [InlineData("http://foo.localhost/")]
    [InlineData("http://foo.localhost./")]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://[::ffff:127.0.0.1]/")]
    [InlineData("http://[::1]:8080/")]
    [InlineData("http://100.64.0.1/")]
    [InlineData("http://192.0.0.1/")]
    [InlineData("http://198.18.0.1/")]
    [InlineData("http://224.0.0.251/")]
    [InlineData("http://255.255.255.255/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://metadata.google.internal/")]
    [InlineData("http://metadata/")]
    [InlineData("http://printer.local/")]
    [InlineData("http://router.home.arpa/")]
    [InlineData("ftp://example.org/")]
    [InlineData("http://user@/")]
    public void registration_refuses_literal_forms(string url) => Assert.NotNull(WebhookUrls.Problem(url, Strict()));

    [Theory]
    [InlineData("https://example.org/h")]
    [InlineData("https://hooks.school-platform.cn:8443/workshops")]
    [InlineData("http://93.184.215.14/h")]
    public void registration_accepts_public_urls(string url) => Assert.Null(WebhookUrls.Problem(url, Strict()));

    [Fact]
    public void registration_allows_loopback_where_the_setting_does_but_nothing_private()
    {
        var development = new WebhookOptions { AllowLoopback = true };
        Assert.Null(WebhookUrls.Problem("http://127.0.0.1:5000/hook", development));
        Assert.Null(WebhookUrls.Problem("http://localhost:5000/hook", development));
        Assert.NotNull(WebhookUrls.Problem("http://[fd00::1]/", development));
        Assert.NotNull(WebhookUrls.Problem("http://169.254.169.254/", development));
        Assert.NotNull(WebhookUrls.Problem("http://10.1.2.3/", development));
    }
}

/// <summary>
/// The sender's own connect path: a resolver stands in for DNS and answers each forbidden address, so nothing but
/// loopback is ever contacted. The address connected to is the one checked (no second lookup to rebind).
/// </summary>
public sealed class sending_webhooks_connects_only_where_allowed
{
    private sealed class FakeResolver(params IPAddress[] answer) : IWebhookResolver
    {
        public readonly ConcurrentQueue<string> Asked = new();

        public Task<IPAddress[]> Resolve(string host, CancellationToken ct)
        {
            Asked.Enqueue(host);
            return Task.FromResult(answer);
        }
    }

    private static readonly WebhookSubscription Subscription = new()
    {
        Id = Guid.NewGuid(), Url = "http://hooks.example.com/hook", EventTypes = ["activity.logged"], Region = "350200",
        Secret = "sixteen-characters-secret", Owner = "integration:x",
    };

    private static WebhookDelivery Delivery() => new()
    {
        Id = "d1", SubscriptionId = Subscription.Id,
        Event = new IntegrationEvent(Guid.NewGuid(), "activity.logged", 1, 1, Guid.NewGuid(), new Region("350000", "350200", "350203"),
            DateTimeOffset.UtcNow, new { }),
    };

    private static Task<DeliveryAttempt> Send(WebhookOptions options, IWebhookResolver resolver, string? url = null) =>
        new WebhookSender(options, resolver).Send(Subscription with { Url = url ?? Subscription.Url }, Delivery(), 1, DateTimeOffset.UtcNow,
            CancellationToken.None);

    [Theory]
    [MemberData(nameof(webhook_networks.Forbidden), MemberType = typeof(webhook_networks))]
    public async Task a_name_resolving_to_a_forbidden_address_is_not_connected(string address)
    {
        var resolver = new FakeResolver(IPAddress.Parse(address));
        var attempt = await Send(new WebhookOptions { Timeout = TimeSpan.FromSeconds(5) }, resolver);
        Assert.Equal(["hooks.example.com"], resolver.Asked);
        Assert.Null(attempt.Status);
        Assert.Equal("address not allowed", attempt.Error);
    }

    [Fact]
    public async Task one_forbidden_address_among_the_answers_refuses_the_name()
    {
        await using var receiver = await WebhookReceiver.Start();
        var resolver = new FakeResolver(IPAddress.Loopback, IPAddress.Parse("169.254.169.254"));
        var attempt = await Send(new WebhookOptions { AllowLoopback = true }, resolver, $"http://hooks.example.com:{receiver.Port}/hook");
        Assert.Equal("address not allowed", attempt.Error);
        Assert.Empty(receiver.Requests);
    }

    [Fact]
    public async Task loopback_is_connected_only_where_the_setting_allows_it()
    {
        await using var receiver = await WebhookReceiver.Start();
        var url = $"http://hooks.example.com:{receiver.Port}/hook";
        var refused = await Send(new WebhookOptions(), new FakeResolver(IPAddress.Loopback), url);
        Assert.Equal("address not allowed", refused.Error);
        Assert.Empty(receiver.Requests);

        var delivered = await Send(new WebhookOptions { AllowLoopback = true }, new FakeResolver(IPAddress.Loopback), url);
        Assert.Equal(200, delivered.Status);
        Assert.Single(receiver.Requests);
        // A literal address is checked the same way, without asking the resolver.
        var literal = new FakeResolver();
        Assert.Equal("address not allowed", (await Send(new WebhookOptions(), literal, receiver.Url)).Error);
        Assert.Empty(literal.Asked);
    }

    [Fact]
    public async Task redirects_are_not_followed()
    {
        await using var target = await WebhookReceiver.Start();
        await using var receiver = await WebhookReceiver.Start();
        receiver.Status = 307;
        receiver.Location = target.Url;
        var attempt = await Send(new WebhookOptions { AllowLoopback = true }, new FakeResolver(IPAddress.Loopback),
            $"http://hooks.example.com:{receiver.Port}/hook");
        Assert.Equal(307, attempt.Status);
        Assert.Single(receiver.Requests);
        Assert.Empty(target.Requests);
    }

    [Fact]
    public async Task the_answer_is_read_only_up_to_a_cap()
    {
        await using var receiver = await WebhookReceiver.Start();
        receiver.BodyBytes = 4L * 1024 * 1024 * 1024;
        var attempt = await Send(new WebhookOptions { AllowLoopback = true, Timeout = TimeSpan.FromSeconds(5) }, new FakeResolver(IPAddress.Loopback),
            $"http://hooks.example.com:{receiver.Port}/hook");
        Assert.Equal(200, attempt.Status);
        Assert.Null(attempt.Error);
    }

    [Fact]
    public async Task a_failure_is_stored_as_a_short_generic_reason_never_the_receivers_words()
    {
        await using var receiver = await WebhookReceiver.Start();
        receiver.Status = 500;
        receiver.ReasonPhrase = "db-7.corp.internal:5432 is down";
        var attempt = await Send(new WebhookOptions { AllowLoopback = true }, new FakeResolver(IPAddress.Loopback),
            $"http://hooks.example.com:{receiver.Port}/hook");
        Assert.Equal(500, attempt.Status);
        Assert.Equal("HTTP 500", attempt.Error);

        var closed = WebhookReceiver.FreePort();
        var refused = await Send(new WebhookOptions { AllowLoopback = true }, new FakeResolver(IPAddress.Loopback),
            $"http://hooks.example.com:{closed}/hook");
        Assert.Equal("connection refused", refused.Error);
    }
}

/// <summary>Registration over HTTP refuses the literal forms even in Development, where loopback is allowed.</summary>
public sealed class registering_webhooks(AppFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("http://[fd00::1]/")]
    [InlineData("http://169.254.169.254/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://0.0.0.0/")]
    [InlineData("http://0/")]
    [InlineData("http://metadata.google.internal/")]
    public async Task a_private_or_metadata_url_is_400(string url)
    {
        var client = Token(Role.Integration, "平台", region: "350200");
        (await Host.Post("/api/webhooks", new { url, eventTypes = new[] { "activity.logged" }, region = "350200", secret = "sixteen-characters-secret" }, client))
            .ShouldBeProblem(400);
    }
}
