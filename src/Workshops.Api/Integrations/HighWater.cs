using Npgsql;
using Workshops.Core;

namespace Workshops.Integrations;

/// <summary>
/// How far a read of a database's events may go without passing over one that commits later. Sequence numbers are
/// taken before their transactions commit, so a later sequence can become visible before an earlier one; below the
/// high-water mark there are no such gaps left (the async daemon's high-water agent decides when a gap is a
/// rolled-back transaction). The feed and the xAPI statements read up to it, so a client paging during writes and
/// resuming from where the last page ended never skips an event that committed after that page was read.
/// </summary>
public static class HighWater
{
    /// <summary>The database's high-water mark (0 before the agent has run).</summary>
    public static async Task<long> Mark(NpgsqlDataSource data, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand($"select last_seq_id from {Setup.Schema}.mt_event_progression where name = 'HighWaterMark'");
        return await cmd.ExecuteScalarAsync(ct) is long mark ? mark : 0;
    }

    /// <summary>
    /// The window a read after <paramref name="after"/> may examine: its last sequence — the <paramref name="window"/>-th
    /// event after <paramref name="after"/>, never past the mark — and whether events remain after it (beyond the window,
    /// or held back until the mark passes them).
    /// </summary>
    public static async Task<(long Last, bool More)> Window(NpgsqlDataSource data, long after, int window, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand(
            $"select (select seq_id from {Setup.Schema}.mt_events where seq_id > $1 order by seq_id offset $2 limit 1), " +
            $"(select max(seq_id) from {Setup.Schema}.mt_events), " +
            $"(select last_seq_id from {Setup.Schema}.mt_event_progression where name = 'HighWaterMark')");
        cmd.Parameters.Add(new NpgsqlParameter { Value = after });
        cmd.Parameters.Add(new NpgsqlParameter { Value = window - 1 });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        long? Read(int i) => reader.IsDBNull(i) ? null : reader.GetInt64(i);
        return Bound(after, Read(0), Read(1) ?? 0, Read(2) ?? 0);
    }

    /// <summary>
    /// The window's end from what the database holds: <paramref name="windowEnd"/> (null when fewer events remain), the
    /// store's last sequence <paramref name="top"/> and the <paramref name="mark"/>. Never before <paramref name="after"/>.
    /// </summary>
    public static (long Last, bool More) Bound(long after, long? windowEnd, long top, long mark)
    {
        var last = Math.Max(after, Math.Min(windowEnd ?? top, mark));
        return (last, top > last);
    }
}
