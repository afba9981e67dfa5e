using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Workshops.Tests.Support;

/// <summary>A real HTTP receiver on loopback in the test process: records every request and answers as told.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public sealed record Received(IReadOnlyDictionary<string, string> Headers, byte[] Body, DateTimeOffset At);

    private WebApplication? _app;
    public ConcurrentQueue<Received> Requests { get; } = new();
    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hook";
    /// <summary>The status to answer; 200 by default.</summary>
    public int Status { get; set; } = 200;
    /// <summary>A Location header to answer with (a redirect).</summary>
    public string? Location { get; set; }
    /// <summary>A reason phrase of the receiver's own instead of the standard one.</summary>
    public string? ReasonPhrase { get; set; }
    /// <summary>How many bytes of body to answer with (written until the sender hangs up).</summary>
    public long BodyBytes { get; set; }

    private WebhookReceiver(int port) => Port = port;

    public static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public static async Task<WebhookReceiver> Start(int? port = null)
    {
        var receiver = new WebhookReceiver(port ?? FreePort());
        await receiver.Open();
        return receiver;
    }

    public static WebhookReceiver NotStarted() => new(FreePort());

    public async Task Open()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            Requests.Enqueue(new Received(http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray(), DateTimeOffset.UtcNow));
            http.Response.StatusCode = Status;
            if (Location is not null) http.Response.Headers.Location = Location;
            if (ReasonPhrase is not null) http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>()!.ReasonPhrase = ReasonPhrase;
            var chunk = new byte[64 * 1024];
            try
            {
                for (var sent = 0L; sent < BodyBytes; sent += chunk.Length)
                    await http.Response.Body.WriteAsync(chunk, http.RequestAborted);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The sender hung up.
            }
        });
        await app.StartAsync();
        _app = app;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

public static class Eventually
{
    /// <summary>Polls until the condition holds (background delivery, retries), failing after the timeout.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}; last value: {value}");
            await Task.Delay(100);
        }
    }
}
