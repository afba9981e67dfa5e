using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using JasperFx.Events;
using Marten;
using Wolverine;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Growth;
using Workshops.Outputs;
using Workshops.Plans;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Integrations;

/// <summary>
/// Fans a write's wanted public events out to the subscriptions that want them: for each, a delivery is stored and a
/// <see cref="DeliverWebhook"/> message queued, in one transaction. The events are read back from the store, committed
/// and numbered. Forwarding is at least once: a delivery that exists already is not created or sent again.
/// </summary>
public static class ForwardEventsHandler
{
    public static async Task<OutgoingMessages> Handle(ForwardEvents message, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var studio = await StudioIdentities.Of(session, message.StudioId, ct);
        if (studio is null) return messages;
        var subscriptions = await session.Query<WebhookSubscription>().Where(s => s.Active).ToListAsync(ct);
        if (subscriptions.Count == 0) return messages;
        var versions = message.Versions.ToArray();
        var events = await session.Events.QueryAllRawEvents()
            .Where(e => e.StreamId == message.StudioId && versions.Contains(e.Version)).OrderBy(e => e.Version).ToListAsync(ct);
        var wanted = events.SelectMany(e => IntegrationEvents.From(e, studio))
            .SelectMany(ie => subscriptions.Where(s => s.Wants(ie)).Select(s => (Sub: s, Event: ie)))
            .ToList();
        if (wanted.Count == 0) return messages;
        var keys = wanted.Select(w => WebhookDelivery.Key(w.Sub.Id, w.Event.Id)).ToArray();
        var existing = (await session.LoadManyAsync<WebhookDelivery>(ct, keys)).Select(d => d.Id).ToHashSet();
        foreach (var (sub, ie) in wanted)
        {
            var key = WebhookDelivery.Key(sub.Id, ie.Id);
            if (!existing.Add(key)) continue;
            session.Store(new WebhookDelivery { Id = key, SubscriptionId = sub.Id, Event = ie, CreatedAt = clock.GetUtcNow() });
            messages.Add(new DeliverWebhook(key));
        }
        return messages;
    }
}

/// <summary>Sends one delivery: signs it, records the attempt, and schedules a retry with backoff or marks it dead.</summary>
public static class WebhookDeliveryHandler
{
    public static async Task<OutgoingMessages> Handle(DeliverWebhook message, IDocumentSession session, WebhookSender sender,
        WebhookOptions options, TimeProvider clock, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        var delivery = await session.LoadAsync<WebhookDelivery>(message.DeliveryId, ct);
        if (delivery is null || delivery.State != WebhookDelivery.Pending) return messages;
        var subscription = await session.LoadAsync<WebhookSubscription>(delivery.SubscriptionId, ct);
        var number = delivery.Attempts.Count + 1;
        DeliveryAttempt attempt;
        if (subscription is null || !subscription.Active)
            attempt = new DeliveryAttempt(number, clock.GetUtcNow(), null, "subscription is inactive", 0);
        else
            attempt = await sender.Send(subscription, delivery, number, clock.GetUtcNow(), ct);

        var ok = attempt.Status is >= 200 and < 300;
        var final = ok || number >= options.MaxAttempts || subscription is not { Active: true };
        var next = final ? (DateTimeOffset?)null : attempt.At + options.Backoff(number);
        session.Store(delivery with
        {
            Attempts = [.. delivery.Attempts, attempt],
            State = ok ? WebhookDelivery.Delivered : final ? WebhookDelivery.Dead : WebhookDelivery.Pending,
            NextAttemptAt = next,
        });
        if (!final) messages.Add(new DeliverWebhook(delivery.Id).DelayedFor(options.Backoff(number)));
        return messages;
    }
}

/// <summary>
/// The HTTP side of a delivery: one shared client with the configured timeout, connecting only where
/// <see cref="WebhookNetworks"/> allows (checked at connect time), following no redirect, reading at most
/// Webhooks:MaxResponseBytes of the answer, and recording a short generic reason for a failure (never the receiver's
/// words, which could echo what it reached).
/// </summary>
public sealed class WebhookSender
{
    private readonly WebhookOptions _options;
    private readonly HttpClient _client;

    public WebhookSender(WebhookOptions options, IWebhookResolver resolver)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, ct) => WebhookNetworks.Connect(context.DnsEndPoint, options, resolver, ct),
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            MaxResponseHeadersLength = 16, // KiB
        };
        _client = new HttpClient(handler) { Timeout = options.Timeout };
    }

    public async Task<DeliveryAttempt> Send(WebhookSubscription subscription, WebhookDelivery delivery, int number, DateTimeOffset at,
        CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(delivery.Event, Json.Wire);
        // The signature's timestamp is the real time of sending, so receivers can refuse stale replays.
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Header(subscription.SigningSecrets(at), timestamp, body));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.EventIdHeader, delivery.Event.Id.ToString());
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id);
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            await ReadAtMost(response, _options.MaxResponseBytes, timeout.Token);
            var status = (int)response.StatusCode;
            return new DeliveryAttempt(number, at, status, response.IsSuccessStatusCode ? null : $"HTTP {status}", watch.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException && !ct.IsCancellationRequested)
        {
            return new DeliveryAttempt(number, at, null, Reason(e), watch.ElapsedMilliseconds);
        }
    }

    /// <summary>Reads up to <paramref name="cap"/> bytes of the answer and drops the rest with the connection.</summary>
    private static async Task ReadAtMost(HttpResponseMessage response, int cap, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[Math.Min(cap, 16 * 1024)];
        for (var read = 0; read < cap;)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, cap - read)), ct);
            if (n == 0) break;
            read += n;
        }
    }

    /// <summary>A short reason of our own words for a failed attempt.</summary>
    public static string Reason(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case WebhookAddressRefused: return "address not allowed";
                case OperationCanceledException: return "timed out";
                case System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused }: return "connection refused";
                case System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData }:
                    return "name not resolved";
            }
        }
        return "connection failed";
    }
}
