using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Workshops.Core.Auth;
using Workshops.Studios;
using Workshops.Core;

namespace Workshops.Integrations;

/// <summary>A subscription: where to deliver which public event types of which region, signed with its secret.</summary>
public sealed record WebhookSubscription
{
    public Guid Id { get; init; }
    public string Url { get; init; } = "";
    public IReadOnlyList<string> EventTypes { get; init; } = [];
    public string Region { get; init; } = "";
    /// <summary>Kept to sign deliveries; never returned by the API.</summary>
    public string Secret { get; init; } = "";
    /// <summary>The secret before the last rotation: deliveries are signed with it too until <see cref="PreviousSecretUntil"/>.</summary>
    public string? PreviousSecret { get; init; }
    public DateTimeOffset? PreviousSecretUntil { get; init; }
    public string Owner { get; init; } = "";
    public bool Active { get; init; } = true;
    public DateTimeOffset CreatedAt { get; init; }

    public bool Wants(IntegrationEvent e) =>
        Active && EventTypes.Contains(e.Type) && e.Region.Codes().Prepend(Core.Region.National).Contains(Region);

    /// <summary>The secrets a delivery at <paramref name="now"/> is signed with: the current one, and the previous one during the overlap.</summary>
    public IReadOnlyList<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is { } previous && PreviousSecretUntil > now ? [Secret, previous] : [Secret];
}

/// <summary>What a client sees of a subscription (no secret): while a rotation overlaps, until when the previous secret still signs.</summary>
public sealed record WebhookView(Guid Id, string Url, IReadOnlyList<string> EventTypes, string Region, bool Active, DateTimeOffset CreatedAt,
    DateTimeOffset? PreviousSecretUntil = null)
{
    public static WebhookView Of(WebhookSubscription s, DateTimeOffset now) =>
        new(s.Id, s.Url, s.EventTypes, s.Region, s.Active, s.CreatedAt, s.PreviousSecretUntil > now ? s.PreviousSecretUntil : null);
}

public sealed record DeliveryAttempt(int Number, DateTimeOffset At, int? Status, string? Error, long Milliseconds);

/// <summary>One event to one subscriber, with every attempt; pending, delivered or dead (after the last retry).</summary>
public sealed record WebhookDelivery
{
    public string Id { get; init; } = "";
    public Guid SubscriptionId { get; init; }
    public IntegrationEvent Event { get; init; } = null!;
    public string State { get; init; } = Pending;
    public IReadOnlyList<DeliveryAttempt> Attempts { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public int Replays { get; init; }

    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";

    /// <summary>Every state a delivery is in, the values of the deliveries list's <c>state</c> filter.</summary>
    public static readonly string[] States = [Pending, Delivered, Dead];

    public static string Key(Guid subscription, Guid eventId) => $"{subscription:N}-{eventId:N}";
}

/// <summary>The message that carries a delivery through Wolverine's durable local queue.</summary>
public sealed record DeliverWebhook(string DeliveryId);

public sealed class WebhookOptions
{
    public int MaxAttempts { get; set; } = 6;
    /// <summary>The first retry waits this long; each next one twice as long.</summary>
    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Loopback receivers (127.0.0.0/8, ::1, localhost): refused unless allowed; Development allows them by default.</summary>
    public bool AllowLoopback { get; set; }
    /// <summary>Networks (CIDR, e.g. 10.20.0.0/16) the operator allows although they are special-purpose or private.</summary>
    public IReadOnlyList<string> AllowedNetworks { get; set; } = [];
    /// <summary>How much of a receiver's answer is read; the rest is never read (the connection is dropped).</summary>
    public int MaxResponseBytes { get; set; } = 16 * 1024;

    public TimeSpan Backoff(int attempt) => FirstRetry * Math.Pow(2, Math.Max(0, attempt - 1));
}

/// <summary>
/// The signature a receiver checks: HMAC-SHA256 with the subscription's secret over "{timestamp}.{body}" (the timestamp
/// header's text, a full stop, the body's bytes), written "sha256=" and lower-case hex. While a rotated secret overlaps,
/// the header carries one signature per secret, separated by ", "; a receiver accepts the delivery when any matches.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Workshops-Signature";
    public const string TimestampHeader = "X-Workshops-Timestamp";
    public const string EventIdHeader = "X-Workshops-Event-Id";
    public const string DeliveryHeader = "X-Workshops-Delivery";
    /// <summary>How far a receiver should let the timestamp be from its own clock (seconds) before refusing a delivery as a replay.</summary>
    public const int ToleranceSeconds = 300;

    public static string Sign(string secret, string timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed)).ToLowerInvariant();
    }

    /// <summary>The signature header's value: one signature per secret.</summary>
    public static string Header(IEnumerable<string> secrets, string timestamp, byte[] body) =>
        string.Join(", ", secrets.Select(s => Sign(s, timestamp, body)));

    public static bool Verify(string secret, string timestamp, byte[] body, string header) =>
        header.Split(',', StringSplitOptions.TrimEntries).Any(signature =>
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, timestamp, body)), Encoding.ASCII.GetBytes(signature)));
}
