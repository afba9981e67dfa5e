using System.Collections.Concurrent;
using System.Diagnostics;

namespace Workshops.Tests.Support;

/// <summary>
/// What a request waits for the database for: the commands and batches Npgsql sends while serving it, from Npgsql's own
/// trace of each. The background work of the daemon and the outbox runs outside any request and is left out; a commit
/// is not traced.
/// </summary>
public static class RoundTrips
{
    /// <summary>The commands and batches Npgsql sent while serving the HTTP requests <paramref name="request"/> makes, as their SQL.</summary>
    public static async Task<IReadOnlyList<string>> Sent(Func<Task> request)
    {
        var sent = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            // ASP.NET Core's activity for each request, and Npgsql's for each command or batch.
            ShouldListenTo = s => s.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.Source.Name != "Npgsql") return;
                for (var parent = a.Parent; parent is not null; parent = parent.Parent)
                {
                    if (parent.Source.Name != "Microsoft.AspNetCore") continue;
                    sent.Enqueue((a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement") ?? a.DisplayName)?.ToString() ?? "");
                    return;
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await request();
        return [.. sent];
    }

    /// <summary>The statements sent, for a failure's message.</summary>
    public static string Listed(IReadOnlyList<string> sent) => $"{sent.Count} round trips:\n{string.Join("\n---\n", sent)}";
}
