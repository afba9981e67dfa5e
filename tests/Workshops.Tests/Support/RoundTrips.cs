using System.Collections.Concurrent;
using System.Diagnostics;

namespace Workshops.Tests.Support;

/// <summary>
/// What a request waits for the database for: the commands and batches Npgsql sends while serving it, from Npgsql's own
/// trace of each. The requests made inside <see cref="Sent"/> carry a W3C <c>traceparent</c> header naming a trace of
/// their own (<see cref="Api.Send"/> adds it), ASP.NET Core makes each request's activity part of that trace, and only
/// Npgsql's activities in it are counted: requests of other tests running at the same time (their own traces), and the
/// background work of the daemon and the outbox, are left out; a commit is not traced.
/// </summary>
public static class RoundTrips
{
    private static readonly AsyncLocal<string?> Traced = new();

    /// <summary>The <c>traceparent</c> header of the requests made inside <see cref="Sent"/>; null elsewhere.</summary>
    public static string? Traceparent => Traced.Value;

    /// <summary>The commands and batches Npgsql sent while serving the HTTP requests <paramref name="request"/> makes, as their SQL.</summary>
    public static async Task<IReadOnlyList<string>> Sent(Func<Task> request)
    {
        var trace = ActivityTraceId.CreateRandom();
        var sent = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            // ASP.NET Core's activity for each request (without a listener it starts none, and Npgsql's would belong to
            // no trace), and Npgsql's for each command or batch.
            ShouldListenTo = s => s.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.Source.Name == "Npgsql" && a.TraceId == trace)
                    sent.Enqueue((a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement") ?? a.DisplayName)?.ToString() ?? "");
            },
        };
        ActivitySource.AddActivityListener(listener);
        // Set here, it flows into what request awaits, not into requests already running elsewhere.
        Traced.Value = $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        await request();
        return [.. sent];
    }

    /// <summary>The statements sent, for a failure's message.</summary>
    public static string Listed(IReadOnlyList<string> sent) => $"{sent.Count} round trips:\n{string.Join("\n---\n", sent)}";
}
