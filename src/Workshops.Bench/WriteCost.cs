using System.Diagnostics;
using Npgsql;

namespace Workshops.Bench;

/// <summary>One statement text, how many times one append ran it, and the WAL bytes and full-page images it wrote per append.</summary>
public sealed record StatementCount(string Query, double PerAppend, double WalBytes, double FullPageImages);

/// <summary>
/// What one append costs the database, counted rather than timed, from pg_stat_statements: the statements an append runs
/// (top-level, BEGIN and COMMIT included: each statement run at least once every other append, counted as often as it
/// runs per append) and the WAL bytes and full-page images those statements wrote. Nothing else the server does in the
/// meantime (autovacuum, checkpoints, other clients) is counted; the WAL insert position over the window, less its idle
/// rate, is reported beside it as a check.
/// </summary>
public sealed record WriteCostResult(string Label, int StudioEvents, int Appends, double WalBytes, double FullPageImages, double Statements,
    double ApiCpuMs, double WalPositionBytes, IReadOnlyList<StatementCount> ByStatement);

public static class WriteCost
{
    /// <summary>
    /// Appends <paramref name="appends"/> activities one after another to one studio and divides what the database recorded
    /// meanwhile by their number, less what it records idle over as long (the API's own background work: node
    /// heartbeats, durability polling). The studio gets a few appends first, so the pages its append touches are not
    /// first touched in the measured window.
    /// </summary>
    /// <param name="cpu">The API process's processor time so far (its cost per append is reported beside the database's).</param>
    public static async Task<WriteCostResult> Measure(NpgsqlDataSource data, string label, int studioEvents, int appends,
        Func<long, Task<Outcome>> append, Func<TimeSpan> cpu)
    {
        for (var i = 0; i < 20; i++) await Ok(append(-1 - i));
        await using (var checkpoint = data.CreateCommand("checkpoint")) await checkpoint.ExecuteNonQueryAsync();
        for (var i = 0; i < 20; i++) await Ok(append(-100 - i));

        var idleStart = await Snapshot(data);
        var idle = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(3));
        var idleEnd = await Snapshot(data);
        var idleSeconds = idle.Elapsed.TotalSeconds;

        var start = await Snapshot(data);
        var watch = Stopwatch.StartNew();
        var cpuStart = cpu();
        for (var n = 0; n < appends; n++) await Ok(append(n));
        var apiCpu = (cpu() - cpuStart).TotalMilliseconds / appends;
        var end = await Snapshot(data);
        var seconds = watch.Elapsed.TotalSeconds;

        double PerAppend(Func<Counters, double> of) =>
            (of(end) - of(start) - (of(idleEnd) - of(idleStart)) / idleSeconds * seconds) / appends;
        var ran = end.Statements.Select(c => (c.Key, Delta: c.Value - start.Statements.GetValueOrDefault(c.Key, Statement.None)))
            .Where(c => c.Delta.Calls >= appends / 2)
            .OrderByDescending(c => c.Delta.Calls)
            .ToList();
        var byStatement = ran.Select(c => new StatementCount(Shorten(c.Key), Math.Round((double)c.Delta.Calls / appends, 2),
            Math.Round((double)c.Delta.WalBytes / appends), Math.Round((double)c.Delta.WalFpi / appends, 2))).ToList();
        // The statements an append runs, each as often as it runs per append, and the WAL they wrote.
        return new WriteCostResult(label, studioEvents, appends,
            Math.Round((double)ran.Sum(c => c.Delta.WalBytes) / appends), Math.Round((double)ran.Sum(c => c.Delta.WalFpi) / appends, 2),
            Math.Round(byStatement.Sum(s => Math.Round(s.PerAppend)), 2), Math.Round(apiCpu, 2), Math.Round(PerAppend(c => c.Wal)), byStatement);
    }

    private static async Task Ok(Task<Outcome> call)
    {
        if (await call != Outcome.Ok) throw new InvalidOperationException("an append measured for its cost was refused");
    }

    private static string Shorten(string query)
    {
        var one = string.Join(' ', query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return one.Length <= 140 ? one : one[..140] + "…";
    }

    private sealed record Statement(long Calls, long WalBytes, long WalFpi)
    {
        public static readonly Statement None = new(0, 0, 0);
        public static Statement operator -(Statement a, Statement b) => new(a.Calls - b.Calls, a.WalBytes - b.WalBytes, a.WalFpi - b.WalFpi);
    }

    private sealed record Counters(double Wal, IReadOnlyDictionary<string, Statement> Statements);

    // The snapshot's own statement is left out.
    private static async Task<Counters> Snapshot(NpgsqlDataSource data)
    {
        await using var cmd = data.CreateCommand(
            "select pg_wal_lsn_diff(pg_current_wal_insert_lsn(), '0/0')::float8, query, calls, wal_bytes::bigint, wal_fpi " +
            "from pg_stat_statements where toplevel and query not like '%pg_stat_statements%'");
        await using var reader = await cmd.ExecuteReaderAsync();
        double wal = 0;
        var statements = new Dictionary<string, Statement>();
        while (await reader.ReadAsync())
        {
            wal = reader.GetDouble(0);
            var query = reader.GetString(1);
            var row = new Statement(reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
            statements[query] = statements.TryGetValue(query, out var other) ? new Statement(other.Calls + row.Calls, other.WalBytes + row.WalBytes, other.WalFpi + row.WalFpi) : row;
        }
        return new Counters(wal, statements);
    }
}
