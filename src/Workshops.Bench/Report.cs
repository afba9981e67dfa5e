using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Npgsql;

namespace Workshops.Bench;

public sealed record GenerationResult(long Events, int Studios, double Seconds, double EventsPerSecond);
public sealed record RebuildResult(long Events, long Documents, double Seconds, double FloorSeconds, double Ratio, double? DaemonSeconds,
    double DocumentsSeconds, long DocumentBytes, long EventBytes, double ReadingSeconds, IReadOnlyDictionary<string, double> Writing,
    IReadOnlyList<RebuildRound> Rounds);
/// <summary>One round of the rebuild's measurement: the one pass, then its floor.</summary>
public sealed record RebuildRound(double Seconds, double FloorSeconds);
public sealed record TableSize(string Table, long Rows, long JsonBytes, long StoredBytes, long TotalBytes);
public sealed record AppendResult(int Concurrency, Result Http, Result Insert, Result Append, Result Floor);
/// <summary>With the writing node's daemon off: the events the projections were behind after the appends, and how long a node with the daemon took to catch up from its start.</summary>
public sealed record CatchUpResult(long EventsBehind, double Seconds);
public sealed record ReadResult(string Label, int Events, IReadOnlyList<Result> Results);
/// <summary>A kind of read that failed: how many times, and the first failure's status and the start of its body.</summary>
public sealed record FailedRead(string Read, int Status, string Body, int Count = 1);

public static class Machine
{
    public static async Task<string> Read(NpgsqlDataSource data, Options options)
    {
        var facts = new List<string> { $"{Environment.ProcessorCount} cores", $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB" };
        await using (var cmd = data.CreateCommand("select version(), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('shared_buffers'), current_setting('max_connections')"))
        await using (var reader = await cmd.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            facts.Add(reader.GetString(0).Split(" on ")[0]);
            facts.Add($"fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, shared_buffers={reader.GetString(3)}, max_connections={reader.GetString(4)}");
        }
        if (Environment.GetEnvironmentVariable("PG_TEST_FSYNC") is { Length: > 0 } fsync) facts.Add($"pg_test_fsync: {fsync}");
        return string.Join("; ", facts);
    }
}

public sealed class Report(Options options)
{
    public string Machine { get; set; } = "";
    public GenerationResult? Generation { get; set; }
    public RebuildResult? Rebuild { get; set; }
    public List<TableSize> Sizes { get; set; } = [];
    public double[] ColdStartMs { get; set; } = [];
    public double FirstStartMs { get; set; }
    public List<AppendResult> Appends { get; } = [];
    public CatchUpResult? CatchUp { get; set; }
    public IReadOnlyDictionary<string, string> ApiSettings { get; } = Api.Settings;
    public List<WriteCostResult> WriteCosts { get; } = [];
    public List<ReadResult> Reads { get; } = [];
    public List<FailedRead> FailedReads { get; } = [];
    public Result[] Reviewer { get; set; } = [];

    /// <summary>The name of the baseline beside a kept read: "&lt;read&gt;: raw SELECT of the same bytes".</summary>
    public const string SameBytes = "raw SELECT of the same bytes";

    private static string F(double v) => double.IsNaN(v) ? "–" : v.ToString("0.##", CultureInfo.InvariantCulture);

    public async Task Write()
    {
        Directory.CreateDirectory(options.Out);
        await File.WriteAllTextAsync(Path.Combine(options.Out, "results.json"),
            JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }));
        var md = new StringBuilder();
        md.AppendLine($"Run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Machine}.").AppendLine();
        md.AppendLine($"Command: `ops/bench --studios {options.Studios} --seed {options.Seed} --duration {options.Duration.TotalSeconds} --rounds {options.Rounds} --warmup {options.Warmup.TotalSeconds} --writer-daemon {options.WriterDaemon}`").AppendLine();
        if (Generation is { } g)
            md.AppendLine($"Generated {g.Events:N0} events for {g.Studios:N0} studios in {F(g.Seconds)} s ({g.EventsPerSecond:N0} events/s, bulk insert).").AppendLine();
        if (ApiSettings.Count > 0)
            md.AppendLine($"API settings (BENCH_API_SETTINGS): `{string.Join(";", ApiSettings.Select(s => $"{s.Key}={s.Value}"))}`.").AppendLine();
        md.AppendLine($"### 1. Appends (closed loop, A/B alternated, after {options.Warmup.TotalSeconds:N0} s of unmeasured appends; " +
                      (options.WriterDaemonInEffect == "Disabled" ? "the writing node without the async daemon, a node with it started after the appends)" : $"the writing node with the async daemon, Projections__Daemon={options.WriterDaemonInEffect})")).AppendLine();
        md.AppendLine("| concurrency | endpoint /s | p50 ms | p95 ms | p99 ms | stack floor /s | p99 ms | raw INSERT /s | p99 ms | append txn /s | p99 ms | endpoint ÷ floor | endpoint ÷ INSERT | endpoint ÷ txn | 409/412 | errors |");
        md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var a in Appends)
            md.AppendLine($"| {a.Concurrency} | {F(a.Http.PerSecond)} | {F(a.Http.P50)} | {F(a.Http.P95)} | {F(a.Http.P99)} | {F(a.Floor.PerSecond)} | {F(a.Floor.P99)} | " +
                          $"{F(a.Insert.PerSecond)} | {F(a.Insert.P99)} | {F(a.Append.PerSecond)} | {F(a.Append.P99)} | {F(a.Http.PerSecond / a.Floor.PerSecond)} | " +
                          $"{F(a.Http.PerSecond / a.Insert.PerSecond)} | {F(a.Http.PerSecond / a.Append.PerSecond)} | {a.Http.Conflicts} | {a.Http.Errors} |");
        if (CatchUp is { } up)
            md.AppendLine().AppendLine($"The writing node ran without the async daemon: after the appends the projections were {up.EventsBehind:N0} events behind, " +
                                       $"and a node with the daemon caught up {F(up.Seconds)} s after its start.");
        if (WriteCosts.Count > 0)
        {
            md.AppendLine().AppendLine("### 1a. What one append costs the database (sequential appends to one studio, async daemon off; pg_stat_statements)").AppendLine();
            md.AppendLine("| studio | appends | statements per append | WAL bytes per append | full-page images | WAL position per append, less idle | API processor ms per append |").AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var c in WriteCosts)
                md.AppendLine($"| {(c.Label == "stack floor" ? "stack floor (its own stream; processor ms: its process)" : $"{c.Label} ({c.StudioEvents} events)")} | {c.Appends} | {F(c.Statements)} | {c.WalBytes:N0} | {F(c.FullPageImages)} | {c.WalPositionBytes:N0} | {F(c.ApiCpuMs)} |");
            // Each statement's share of the WAL, so a full-page image is seen where it is written.
            foreach (var cost in WriteCosts.Where(c => c.Label is "about 50 events" or "about 5,000 events"))
            {
                md.AppendLine().AppendLine($"Statements of one append ({cost.Label}: {cost.StudioEvents} events), with the WAL each wrote per append:").AppendLine();
                md.AppendLine("| per append | WAL bytes | full-page images | statement |").AppendLine("|---:|---:|---:|---|");
                foreach (var s in cost.ByStatement.OrderByDescending(s => s.WalBytes))
                    md.AppendLine($"| {F(s.PerAppend)} | {s.WalBytes:N0} | {F(s.FullPageImages)} | `{s.Query.Replace("|", "\\|")}` |");
            }
        }
        md.AppendLine().AppendLine("### 2–3. Reads as history grows (sequential, p50 / p95 ms)").AppendLine();
        md.AppendLine("| studio | read | p50 | p95 | ÷ raw SELECT (p50) | ÷ raw SELECT of the same bytes (p50) |").AppendLine("|---|---|---:|---:|---:|---:|");
        foreach (var r in Reads)
        {
            var raw = r.Results[0].P50;
            foreach (var x in r.Results)
            {
                var same = r.Results.FirstOrDefault(y => y.Name == $"{x.Name}: {SameBytes}");
                md.AppendLine($"| {r.Label} ({r.Events} events) | {x.Name} | {F(x.P50)} | {F(x.P95)} | {F(x.P50 / raw)} | {(same is null ? "" : F(x.P50 / same.P50))} |");
            }
        }
        if (FailedReads.Count > 0)
        {
            md.AppendLine().AppendLine("Failed reads (the first failure of each kind):").AppendLine();
            md.AppendLine("| read | failed | status | body (start) |").AppendLine("|---|---:|---:|---|");
            foreach (var f in FailedReads) md.AppendLine($"| {f.Read} | {f.Count} | {f.Status} | `{f.Body.Replace("|", "\\|").Replace("\n", " ")}` |");
        }
        if (Rebuild is { } b)
            md.AppendLine().AppendLine("### 4. Projection rebuild").AppendLine()
                .AppendLine($"All projections over {b.Events:N0} events ({b.Documents:N0} documents), one pass: {F(b.Seconds)} s; floor (stream the events, COPY as many rows): {F(b.FloorSeconds)} s; ratio {F(b.Ratio)}×" +
                            (b.Rounds.Count > 1 ? $", the median of {b.Rounds.Count} rounds of the one pass and its floor in turn (" + string.Join("; ", b.Rounds.Select(r => $"{F(r.Seconds)} ÷ {F(r.FloorSeconds)} s = {F(r.Seconds / r.FloorSeconds)}×")) + ")." : ".") +
                            (b.DaemonSeconds is { } d ? $" Marten's daemon, one projection after another: {F(d)} s ({F(d / b.FloorSeconds)}×)." : "") +
                            $" In the first round, reading and folding {F(b.ReadingSeconds)} s; writing " + string.Join(", ", b.Writing.Select(w => $"{w.Key} {F(w.Value)} s")) + "." +
                            $" Writing the rebuilt documents alone (stream their JSON as PostgreSQL prints it, {b.DocumentBytes / 1_048_576.0:N0} MB, and COPY it into a table of id and jsonb): " +
                            $"{F(b.DocumentsSeconds)} s ({F(b.DocumentsSeconds / b.FloorSeconds)}× the floor). Documents ÷ events (JSON bytes): " +
                            $"{F((double)b.DocumentBytes / b.EventBytes)}× ({b.DocumentBytes / 1_048_576.0:N0} MB ÷ {b.EventBytes / 1_048_576.0:N0} MB).");
        if (Sizes.Count > 0)
        {
            md.AppendLine().AppendLine("| table | rows | JSON MB | stored MB (data column) | table MB (with indexes, TOAST) |").AppendLine("|---|---:|---:|---:|---:|");
            foreach (var t in Sizes) md.AppendLine($"| `{t.Table}` | {t.Rows:N0} | {t.JsonBytes / 1e6:N1} | {t.StoredBytes / 1e6:N1} | {t.TotalBytes / 1e6:N1} |");
        }
        md.AppendLine().AppendLine("### 5. Cold start (process start → first successful write; pre-generated code, self-contained composite ReadyToRun)").AppendLine()
            .AppendLine($"Schema already applied: {string.Join(", ", ColdStartMs.Select(c => $"{c:N0} ms"))}. " +
                        $"First start, applying the schema itself: {FirstStartMs:N0} ms.");
        md.AppendLine().AppendLine("### 6. Reviewer queries").AppendLine().AppendLine("| query | p50 ms | p95 ms | p99 ms |").AppendLine("|---|---:|---:|---:|");
        foreach (var r in Reviewer) md.AppendLine($"| {r.Name} | {F(r.P50)} | {F(r.P95)} | {F(r.P99)} |");
        await File.WriteAllTextAsync(Path.Combine(options.Out, "results.md"), md.ToString());
        Console.WriteLine(md.ToString());
    }
}
