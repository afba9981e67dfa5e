using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using Workshops.Bench;
using Workshops;
using Workshops.Core;
using Workshops.Projections;
using Workshops.Core.Auth;

// "floor": the stack floor's endpoint, served by a process of its own while the harness measures it.
if (args is ["floor", var floorConnection, var floorUrl])
{
    await StackFloor.Serve(floorConnection, floorUrl);
    return;
}

// ops/bench runs this against its own PostgreSQL. Every figure is paired with a baseline measured in the same run.
var options = Options.Parse(args);
var report = new Report(options);
var log = (string line) => Console.WriteLine($"[{DateTime.Now:HH:mm:ss}] {line}");

await using var data = NpgsqlDataSource.Create(options.Connection);
report.Machine = await Machine.Read(data, options);
log($"machine: {report.Machine}");

using var store = DocumentStore.For(opts =>
{
    opts.Connection(options.Connection);
    Features.Store(opts);
});
await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

// 1. Generate (or, with --reuse, take the store a run with the same options generated and rebuilt before).
log($"{(options.Reuse ? "reusing" : "generating")} {options.Studios} studios (seed {options.Seed}) …");
var generated = await new Generator(options.Seed).Run(store, options.Studios, options.ActivitiesPerYear, log, write: !options.Reuse);
report.Generation = new(generated.Events, generated.Studios.Count + 2, Math.Round(generated.Seconds, 1), Math.Round(generated.Events / generated.Seconds));
log($"generated {generated.Events:N0} events in {generated.Seconds:N1} s");
// A store whose events were written over months has them vacuumed and counted; freshly bulk-loaded rows would make
// whatever reads them first (the rebuild) pay for setting their hint bits. A store reused from an earlier run is
// measured as it is.
if (!options.Reuse)
{
    await using (var vacuum = data.CreateCommand($"vacuum analyze {Setup.Schema}.mt_events, {Setup.Schema}.mt_streams"))
    {
        vacuum.CommandTimeout = 0;
        await vacuum.ExecuteNonQueryAsync();
    }
    await Rebuild();
}

// 4. Projection rebuild of every projection, against the floor: stream the same events and COPY as many rows. Unless
// skipped, Marten's daemon rebuilding one projection after another first, for comparison; then the one-pass rebuild
// (the maintenance command), which is what the ratio is taken from.
async Task Rebuild()
{
    // Marten's daemon first, for comparison; then the one pass, so the store is left as the maintenance command leaves
    // it (each table truncated and written frozen in one transaction). The daemon's rebuild leaves pages with a little
    // free space each, so every later insert lands on a page not yet written since the checkpoint (a full-page image
    // per append, about 8 KB of WAL) until they fill: measured after the one pass, the write cost is the steady one.
    double? daemonSeconds = null;
    long? daemonDocuments = null;
    if (!options.Skips("daemon-rebuild"))
    {
        log("rebuilding every projection with the daemon, one after another …");
        var rebuild = Stopwatch.StartNew();
        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var projection in ((IDocumentStore)store).Options.Events.Projections().Select(p => p.Name).Distinct())
        {
            var one = Stopwatch.StartNew();
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(30), CancellationToken.None);
            log($"  {projection}: {one.Elapsed.TotalSeconds:N1} s");
        }
        daemonSeconds = rebuild.Elapsed.TotalSeconds;
        daemonDocuments = await Baselines.CountDocuments(data);
    }
    log("rebuilding every projection in one pass …");
    var onePass = await Rebuilds.OnePass(store, CancellationToken.None);
    log($"one pass: {onePass.Elapsed.TotalSeconds:N1} s over {onePass.Events:N0} events ({onePass.Reading.TotalSeconds:N1} s reading and folding); " +
        string.Join(", ", onePass.Documents.Select(d => $"{d.Key} {d.Value:N0} in {onePass.Writing[d.Key].TotalSeconds:N1} s")));
    foreach (var line in onePass.CostLines()) log("  " + line);
    var documents = await Baselines.CountDocuments(data);
    if (documents != onePass.Documents.Values.Sum() || (daemonDocuments is { } dd && dd != documents)) throw new InvalidOperationException($"the daemon rebuilt {daemonDocuments} documents, the one pass {onePass.Documents.Values.Sum()}, the tables hold {documents}");
    var floor = await Baselines.StreamAndCopy(data, documents);
    var (documentSeconds, documentBytes) = await Baselines.CopyDocuments(data);
    var eventBytes = await Baselines.EventBytes(data);
    report.Sizes = await Baselines.DocumentSizes(data);
    foreach (var t in report.Sizes)
        log($"  {t.Table}: {t.Rows:N0} rows, JSON {t.JsonBytes / 1e6:N1} MB, stored {t.StoredBytes / 1e6:N1} MB, table {t.TotalBytes / 1e6:N1} MB");
    // More rounds of the one pass and its floor, in turn: the ratio reported is the median of the rounds'.
    List<RebuildRound> rounds = [new(Math.Round(onePass.Elapsed.TotalSeconds, 1), Math.Round(floor, 1))];
    log($"rebuild round 1: one pass {onePass.Elapsed.TotalSeconds:N1} s, floor {floor:N1} s");
    for (var round = 2; round <= options.RebuildRounds; round++)
    {
        var again = await Rebuilds.OnePass(store, CancellationToken.None);
        if (again.Documents.Values.Sum() != documents) throw new InvalidOperationException($"round {round} of the one pass wrote {again.Documents.Values.Sum()} documents, the first {documents}");
        var againFloor = await Baselines.StreamAndCopy(data, documents);
        rounds.Add(new(Math.Round(again.Elapsed.TotalSeconds, 1), Math.Round(againFloor, 1)));
        log($"rebuild round {round}: one pass {again.Elapsed.TotalSeconds:N1} s ({again.Reading.TotalSeconds:N1} s reading and folding), floor {againFloor:N1} s");
    }
    var median = rounds.OrderBy(r => r.Seconds / r.FloorSeconds).ElementAt(rounds.Count / 2);
    report.Rebuild = new(generated.Events, documents, median.Seconds, median.FloorSeconds,
        Math.Round(median.Seconds / median.FloorSeconds, 2), daemonSeconds is { } d ? Math.Round(d, 1) : null, Math.Round(documentSeconds, 1), documentBytes,
        eventBytes, Math.Round(onePass.Reading.TotalSeconds, 1), onePass.Writing.ToDictionary(w => w.Key, w => Math.Round(w.Value.TotalSeconds, 1)), rounds);
    log($"rebuild: one pass {median.Seconds:N1} s, daemon {(daemonSeconds is { } ds ? $"{ds:N1} s" : "skipped")}, floor {median.FloorSeconds:N1} s, the median of {rounds.Count} rounds ({documents:N0} documents); " +
        $"the documents alone ({documentBytes / 1_048_576.0:N0} MB of JSON, {(double)documentBytes / eventBytes:N2}× the events' {eventBytes / 1_048_576.0:N0} MB) {documentSeconds:N1} s");
}

await Baselines.Prepare(data, generated);

// 5. Cold start: process start to the first successful write, with pre-generated handler code and ReadyToRun
// binaries, as deployed. The first start applies the schema (the deployment step); the measured ones find it in place
// and start with Database:ApplyChangesOnStartup = false.
var tokens = new TokenIssuer(new AuthOptions { SigningKey = options.SigningKey });
string HostToken(Guid studio) => tokens.Mint(new TokenRequest(Role.Host, "bench", [studio], ExpiresInMinutes: 600));
var cold = new List<double>();
Api? api = null;
for (var i = 0; i <= (options.Skips("cold") ? 0 : 3); i++)
{
    api?.Stop();
    api = new Api(options, migrate: i == 0);
    var started = Stopwatch.StartNew();
    api.Start();
    var studio = generated.Studios[i];
    await api.FirstWrite($"/api/studios/{studio.Id}/activities", n => Payload.Activity(studio, i + 10 * n), HostToken(studio.Id));
    if (i == 0) report.FirstStartMs = Math.Round(started.Elapsed.TotalMilliseconds);
    else cold.Add(started.Elapsed.TotalMilliseconds);
    log($"{(i == 0 ? "first start, applying the schema" : $"cold start {i}")}: {started.Elapsed.TotalMilliseconds:N0} ms");
}
report.ColdStartMs = [.. cold.Select(c => Math.Round(c))];

// 1. Appends: the HTTP endpoint against a raw INSERT and a hand-written append transaction, A/B alternated.
var writers = generated.Studios.Take(Math.Min(400, generated.Studios.Count)).ToList();
var writeTokens = writers.ToDictionary(s => s.Id, s => HostToken(s.Id));

// What one append costs the database, counted: WAL bytes and statements, on the small and the large studio. Measured on
// an API process of its own with the async daemon off, so the counts are the write transaction's alone.
if (!options.Skips("write-cost"))
{
    await using (var extension = data.CreateCommand("create extension if not exists pg_stat_statements")) await extension.ExecuteNonQueryAsync();
    api?.Stop();
    // The thread pool as the API configures it (workers do not spin before they sleep), and as the runtime's default
    // (they spin): the processor time an append costs the API, beside the database's counts.
    foreach (var (pool, settings) in new[] { ("", new Dictionary<string, string>()), (", thread pool spinning (runtime default)", new() { ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "70" }) })
    {
        settings["Projections__Daemon"] = "Disabled";
        var counting = new Api(options, migrate: false, extra: settings);
        counting.Start();
        await counting.WaitUntilReady(HostToken(generated.Small.Id));
        await counting.FirstWrite($"/api/studios/{generated.Small.Id}/activities", n => Payload.Activity(generated.Small, 3_000_000 + n, daysBack: 30),
            HostToken(generated.Small.Id));
        foreach (var (label, studio) in new[] { ("about 50 events", generated.Small), ("about 5,000 events", generated.Large) })
        {
            var token = HostToken(studio.Id);
            var cost = await WriteCost.Measure(data, label + pool, studio.Events, options.CostAppends, async n =>
            {
                // Dated within the last month (the small studio was founded this year), a few a day as real logging is.
                var (status, body) = await counting.Post($"/api/studios/{studio.Id}/activities", Payload.Activity(studio, 2_000_000 + n, daysBack: 30), token);
                if (status != 201) log($"write cost: append answered {status} {body}");
                return status == 201 ? Outcome.Ok : Outcome.Error;
            }, () => counting.ProcessorTime);
            report.WriteCosts.Add(cost);
            log($"write cost, {label}{pool}: {cost.WalBytes:N0} B of WAL ({cost.FullPageImages} full-page images), {cost.Statements} statements, {cost.ApiCpuMs} ms of API processor time per append");
        }
        counting.Stop();
    }
    // The stack floor counted the same way: its statements, WAL and processor time per append (a process of its own,
    // compiled as the harness is, without ReadyToRun; the 40 appends before the window warm it). Its stream is one of its
    // own (a small inline document whatever the history), written with the small studio's activity body.
    var floorStream = Guid.CreateVersion7();
    await StackFloor.Open(options.Connection, [floorStream]);
    var floorCounting = new FloorProcess(options.Connection);
    floorCounting.Start();
    await floorCounting.WaitUntilReady(floorStream);
    var floorCost = await WriteCost.Measure(data, "stack floor", 0, options.CostAppends,
        n => floorCounting.Append(generated.Small with { Id = floorStream }, 2_000_000 + n), () => floorCounting.ProcessorTime);
    report.WriteCosts.Add(floorCost);
    log($"write cost, stack floor: {floorCost.WalBytes:N0} B of WAL ({floorCost.FullPageImages} full-page images), {floorCost.Statements} statements, {floorCost.ApiCpuMs} ms of processor time per append");
    floorCounting.Stop();
    api = new Api(options, migrate: false);
    api.Start();
    await api.WaitUntilReady(HostToken(generated.Small.Id));
}
async Task<Outcome> LogActivity(long n)
{
    var studio = writers[(int)(n % writers.Count)];
    var (status, _) = await api!.Post($"/api/studios/{studio.Id}/activities", Payload.Activity(studio, n), writeTokens[studio.Id]);
    return status == 201 ? Outcome.Ok : status is 409 or 412 ? Outcome.Conflict : Outcome.Error;
}
// The API process has just started: its hot paths are still being compiled again at full optimization (tiered JIT)
// for the first minute or so of writes. Unmeasured appends first, so the table shows the steady state, as the
// reads do with their unmeasured reads.
if (options.Warmup > TimeSpan.Zero && options.Concurrency.Length > 0)
{
    var warm = await Run.ClosedLoop(4, options.Warmup, (_, n) => LogActivity(1_000_000 + n));
    log($"warm-up: {warm.Throughput:N0} appends/s over {options.Warmup.TotalSeconds:N0} s, unmeasured");
}
// The stack floor: a minimal Wolverine endpoint appending the same event (Quick append, a small inline document) in a
// process of its own, measured A/B beside the endpoint.
FloorProcess? stackFloor = null;
if (!options.Skips("baselines") && options.Concurrency.Length > 0)
{
    await StackFloor.Open(options.Connection, writers.Select(w => w.Id));
    stackFloor = new FloorProcess(options.Connection);
    stackFloor.Start();
    await stackFloor.WaitUntilReady(writers[0].Id);
    var warm = await Run.ClosedLoop(4, TimeSpan.FromSeconds(Math.Min(10, options.Warmup.TotalSeconds)), (_, n) => stackFloor.Append(writers[(int)(n % writers.Count)], 1_000_000 + n));
    log($"stack floor warm-up: {warm.Throughput:N0} appends/s, unmeasured");
}
foreach (var concurrency in options.Concurrency)
{
    var http = new Sample();
    var insert = new Sample();
    var txn = new Sample();
    var stack = new Sample();
    for (var round = 0; round < options.Rounds; round++)
    {
        http.Merge(await Run.ClosedLoop(concurrency, options.Duration, (_, n) => LogActivity(n)));
        if (options.Skips("baselines")) continue;
        stack.Merge(await Run.ClosedLoop(concurrency, options.Duration, (_, n) => stackFloor!.Append(writers[(int)(n % writers.Count)], n)));
        insert.Merge(await Run.ClosedLoop(concurrency, options.Duration, (_, n) => Baselines.Insert(data, writers[(int)(n % writers.Count)], n)));
        txn.Merge(await Run.ClosedLoop(concurrency, options.Duration, (_, n) => Baselines.Append(data, writers[(int)(n % writers.Count)], n)));
    }
    report.Appends.Add(new(concurrency, http.Summarize("HTTP log activity"), insert.Summarize("raw INSERT"), txn.Summarize("hand-written append"),
        stack.Summarize("stack floor")));
    log($"c={concurrency}: http {http.Throughput:N0}/s p99 {http.Percentile(99):N1} ms ({http.Conflicts} conflicts, {http.Errors} errors); " +
        $"stack floor {stack.Throughput:N0}/s; insert {insert.Throughput:N0}/s; txn {txn.Throughput:N0}/s");
}
stackFloor?.Stop();

// With the writing node's daemon off (the default; --writer-daemon HotCold keeps it in the writing process): the
// projections run on another node, as a deployment that wants write throughput places them, a node with the daemon is started after the appends: how many events the
// projections are behind, and how long that node takes from its start until they have caught up, beside the appends.
if (options.Concurrency.Length > 0 && options.WriterDaemonInEffect == "Disabled")
{
    var behind = await Baselines.EventsBehind(data);
    var projecting = new Api(options, migrate: false, extra: new() { ["Projections__Daemon"] = "HotCold" });
    var catchingUp = Stopwatch.StartNew();
    projecting.Start();
    await Baselines.DaemonCaughtUp(data, TimeSpan.FromMinutes(20));
    report.CatchUp = new(behind, Math.Round(catchingUp.Elapsed.TotalSeconds, 1));
    log($"a node with the daemon, started after the appends, caught up with {behind:N0} events in {catchingUp.Elapsed.TotalSeconds:N1} s");
    projecting.Stop();
}

// Reads are measured on a settled store: the daemon first catches up with the appends (growth files and credit
// years), so it neither competes for the two cores nor retires kept views while they are being read.
if (!options.Skips("reads")) log($"daemon caught up with the appends in {await Baselines.DaemonCaughtUp(data, TimeSpan.FromMinutes(5)):N1} s");

// 2. Reads against a raw select of the same document, as history grows; 3. the as-of checklist.
var reader = tokens.Mint(new TokenRequest(Role.Reviewer, "bench", Region: "350000", ExpiresInMinutes: 600));
foreach (var (label, studio) in options.Skips("reads") ? [] : new[] { ("about 100 events", generated.Small), ("about 5,000 events", generated.Large) })
{
    var raw = await Run.Sequential(options.Reads, _ => Baselines.Select(data, studio.Id));
    var results = new List<Result> { raw.Summarize("raw SELECT data") };
    // Computed views are kept until anything they read changes: each is read as served again (kept) and as computed
    // afresh (Cache-Control: no-cache), the cost of the first read after a change.
    foreach (var (name, path, computed) in new[]
    {
        ("studio view", $"/api/studios/{studio.Id}", false),
        ("checklist (now), kept", $"/api/studios/{studio.Id}/checklist", false),
        ("checklist (now), computed", $"/api/studios/{studio.Id}/checklist", true),
        ("year view, kept", $"/api/studios/{studio.Id}/years/2026", false),
        ("year view, computed", $"/api/studios/{studio.Id}/years/2026", true),
        ("ledger, kept", $"/api/studios/{studio.Id}/ledger/2026", false),
        ("ledger, computed", $"/api/studios/{studio.Id}/ledger/2026", true),
        ("annual report, kept", $"/api/studios/{studio.Id}/reports/annual/2026", false),
        ("annual report, computed", $"/api/studios/{studio.Id}/reports/annual/2026", true),
        ("checklist as of 2026-06-30, kept", $"/api/studios/{studio.Id}/checklist?asOf=2026-06-30&year=2026", false),
        ("checklist as of 2026-06-30, computed", $"/api/studios/{studio.Id}/checklist?asOf=2026-06-30&year=2026", true),
    })
    {
        // Twenty reads first, unmeasured: the first read of a path compiles and caches what it needs.
        for (var i = 0; i < 20; i++) await api!.Get(path, reader, computed);
        // A read that is not 200 is an error; the first one's status and the start of its body are kept beside the count.
        FailedRead? failed = null;
        var sample = await Run.Sequential(options.Reads, async _ =>
        {
            var (status, body) = await api!.Read(path, reader, computed);
            if (status == 200) return Outcome.Ok;
            failed ??= new FailedRead($"{label}: {name}", status, body.Length > 400 ? body[..400] : body);
            return Outcome.Error;
        });
        results.Add(sample.Summarize(name));
        // The issue's baseline (the raw select above) reads a small row, while a kept answer can be hundreds of KB: beside
        // each kept read, the database alone serving the same bytes (the kept answer's body selected by its key), so both
        // ratios are shown.
        if (!computed && await Baselines.KeptKey(data, await api!.ETag(path, reader)) is { } key)
            results.Add((await Run.Sequential(options.Reads, _ => Baselines.SelectKept(data, key))).Summarize($"{name}: {Report.SameBytes}"));
        if (failed is { } f)
        {
            report.FailedReads.Add(f with { Count = sample.Errors });
            log($"reads, {f.Read}: {sample.Errors} failed, the first {f.Status} {f.Body}");
        }
    }
    report.Reads.Add(new(label, studio.Events, results));
    log($"reads, {label} ({studio.Events} events): " + string.Join("; ", results.Select(r => $"{r.Name} p50 {r.P50} ms")));
}

// 6. Reviewer queries at full size.
if (!options.Skips("reviewer"))
{
    var city = generated.Studios.GroupBy(s => s.Region.City).OrderByDescending(g => g.Count()).First().Key;
    var reviewer = tokens.Mint(new TokenRequest(Role.Reviewer, "bench", Region: city, ExpiresInMinutes: 600));
    var annex = await Run.Sequential(options.Reads, async _ => await api!.Get($"/api/reviews/studios?region={city}&year=2026", reviewer) == 200 ? Outcome.Ok : Outcome.Error);
    var search = await Run.Sequential(options.Reads, async i =>
        await api!.Get($"/api/reviews/cases?q={Uri.EscapeDataString(i % 2 == 0 ? "家校" : "心理")}&region={city}", reviewer) == 200 ? Outcome.Ok : Outcome.Error);
    var searchAll = await Run.Sequential(options.Reads, async _ => await api!.Get("/api/reviews/outputs?q=" + Uri.EscapeDataString("家校"), reader) == 200 ? Outcome.Ok : Outcome.Error);
    report.Reviewer = [annex.Summarize($"Annex 2, city {city} ({generated.Studios.Count(s => s.Region.City == city)} studios, first page)"),
        search.Summarize($"case search, 2-character query, city {city}"), searchAll.Summarize("output search \"家校\", province")];
    log("reviewer queries: " + string.Join("; ", report.Reviewer.Select(r => $"{r.Name} p95 {r.P95} ms")));
}

api?.Stop();
await report.Write();
log($"results in {options.Out}");

namespace Workshops.Bench
{
    public sealed record Options(string Connection, string ApiDll, string Out, int Studios, int Seed, int ActivitiesPerYear, int[] Concurrency,
        TimeSpan Duration, int Rounds, int Reads, string SigningKey, IReadOnlySet<string> Skip, TimeSpan Warmup, int CostAppends, bool Reuse,
        string WriterDaemon, int RebuildRounds)
    {
        public static Options Parse(string[] args)
        {
            string Arg(string name, string fallback)
            {
                var i = Array.IndexOf(args, "--" + name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
            }
            return new Options(
                Arg("connection", Environment.GetEnvironmentVariable("ConnectionStrings__Marten") ?? ""),
                Arg("api", ""),
                Arg("out", "artifacts/bench"),
                int.Parse(Arg("studios", "2000"), CultureInfo.InvariantCulture),
                int.Parse(Arg("seed", "20261127"), CultureInfo.InvariantCulture),
                int.Parse(Arg("activities-per-year", "68"), CultureInfo.InvariantCulture),
                // --skip appends: no concurrency level is measured (a reads-only run leaves the studios' streams as generated).
                Arg("skip", "").Split(',').Contains("appends") ? [] : [.. Arg("concurrency", "1,4,16,64").Split(',').Select(int.Parse)],
                TimeSpan.FromSeconds(double.Parse(Arg("duration", "8"), CultureInfo.InvariantCulture)),
                int.Parse(Arg("rounds", "2"), CultureInfo.InvariantCulture),
                int.Parse(Arg("reads", "200"), CultureInfo.InvariantCulture),
                Arg("signing-key", "benchmark-signing-key-of-sufficient-length-0123456789"),
                Arg("skip", "").Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
                TimeSpan.FromSeconds(double.Parse(Arg("warmup", "20"), CultureInfo.InvariantCulture)),
                int.Parse(Arg("cost-appends", "200"), CultureInfo.InvariantCulture),
                args.Contains("--reuse"),
                // --writer-daemon HotCold: the writing node also runs the async projections (a one-node deployment).
                // By default it runs without them and a node with the daemon catches up after the appends, as a
                // deployment that wants write throughput places them (BENCH_API_SETTINGS Projections__Daemon overrides).
                Arg("writer-daemon", "Disabled"),
                // The one pass and its floor are measured in turn this many times and the median of the rounds' ratios
                // is reported: either alone moved by a quarter from run to run on this machine.
                int.Parse(Arg("rebuild-rounds", "3"), CultureInfo.InvariantCulture));
        }

        /// <summary>The async daemon setting of the API process the appends go to.</summary>
        public string WriterDaemonInEffect => Api.Settings.GetValueOrDefault("Projections__Daemon") ?? WriterDaemon;

        /// <summary>--skip cold,write-cost,appends,baselines,reads,reviewer,daemon-rebuild leaves parts out of a quick run (the full run skips nothing).</summary>
        public bool Skips(string part) => Skip.Contains(part);
    }

    /// <summary>The API as its own process, built with pre-generated handler code.</summary>
    /// <param name="extra">Settings of this process only (on top of BENCH_API_SETTINGS).</param>
    public sealed class Api(Options options, bool migrate, Dictionary<string, string>? extra = null)
    {
        /// <summary>BENCH_API_SETTINGS ("Key__Sub=value;…"): settings and runtime variables of every API process of the run.</summary>
        public static IReadOnlyDictionary<string, string> Settings { get; } =
            (Environment.GetEnvironmentVariable("BENCH_API_SETTINGS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(s => s.Split('=')[0], s => s.Split('=', 2)[1]);

        private Process? _process;
        public string Url { get; } = $"http://127.0.0.1:{FreePort()}";
        private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            // An API started with handler code generated at run time (Wolverine__TypeLoadMode=Dynamic) compiles each
            // endpoint on its first request, which on a loaded machine can take more than a minute.
            Timeout = TimeSpan.FromMinutes(5),
        };

        private static int FreePort()
        {
            var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            l.Start();
            var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        public void Start()
        {
            // A self-contained publish (ops/bench) starts through its own executable; otherwise through "dotnet".
            var executable = Path.ChangeExtension(options.ApiDll, null);
            var psi = File.Exists(executable) ? new ProcessStartInfo(executable) : new ProcessStartInfo("dotnet", [options.ApiDll]);
            psi.WorkingDirectory = Path.GetDirectoryName(options.ApiDll)!;
            psi.UseShellExecute = false;
            psi.RedirectStandardOutput = psi.RedirectStandardError = true;
            psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            psi.Environment["ASPNETCORE_URLS"] = Url;
            psi.Environment["Api__PublicBaseUrl"] = Url;
            psi.Environment["ConnectionStrings__Marten"] = options.Connection + ";Maximum Pool Size=200";
            psi.Environment["Auth__SigningKey"] = options.SigningKey;
            psi.Environment["Wolverine__TypeLoadMode"] = "Static";
            psi.Environment["Database__ApplyChangesOnStartup"] = migrate ? "true" : "false";
            psi.Environment["RateLimits__WritesPerSecond"] = "1000000";
            psi.Environment["RateLimits__Burst"] = "1000000";
            psi.Environment["RateLimits__ReadsPerSecond"] = "1000000";
            psi.Environment["RateLimits__ReadBurst"] = "1000000";
            // Every computed read keeps its answer: the harness computes hundreds of views with one token, past the
            // per-client keep budget (1,000 an hour), after which kept reads would be computed reads.
            psi.Environment["Views__KeepsPerClient"] = "1000000";
            psi.Environment["Serilog__MinimumLevel__Default"] = "Warning";
            psi.Environment["Projections__Daemon"] = options.WriterDaemon;
            foreach (var (key, value) in Settings) psi.Environment[key] = value;
            foreach (var (key, value) in extra ?? []) psi.Environment[key] = value;
            _process = Process.Start(psi)!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("api: " + e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        /// <summary>
        /// Posts a write until it is answered 201: a process just started refuses connections at first, and on a loaded
        /// machine its first write (which may compile the handler) can outlast the client's timeout. Each try sends the
        /// body made for its number, so a try that committed unseen does not make the next one a duplicate.
        /// </summary>
        public async Task FirstWrite(string path, Func<int, byte[]> body, string token)
        {
            for (var n = 0; ; n++)
            {
                try
                {
                    var (status, answer) = await Post(path, body(n), token);
                    if (status == 201) return;
                    if (status is >= 400 and < 500) throw new InvalidOperationException($"the first write answered {status} {answer}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { await Task.Delay(20); }
            }
        }

        /// <summary>Waits until the process answers a read.</summary>
        public async Task WaitUntilReady(string token)
        {
            var watch = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    if (await Get("/health/ready", token) == 200) return;
                }
                catch (HttpRequestException) { }
                if (watch.Elapsed > TimeSpan.FromMinutes(2)) throw new TimeoutException("the API did not start");
                await Task.Delay(50);
            }
        }

        public void Stop()
        {
            if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
            _process?.WaitForExit();
        }

        /// <summary>The API process's processor time so far.</summary>
        public TimeSpan ProcessorTime
        {
            get
            {
                _process!.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        public async Task<(int Status, string Body)> Post(string path, byte[] body, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Url + path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var reply = await _http.SendAsync(request);
            return ((int)reply.StatusCode, reply.IsSuccessStatusCode ? "" : await reply.Content.ReadAsStringAsync());
        }

        /// <summary>A read's status and, when it is not a success, its body (a problem document).</summary>
        public async Task<(int Status, string Body)> Read(string path, string token, bool afresh)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Url + path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (afresh) request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            using var reply = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return ((int)reply.StatusCode, reply.IsSuccessStatusCode ? "" : await reply.Content.ReadAsStringAsync());
        }

        /// <summary>The ETag a read answers with (a kept answer's, which finds its row).</summary>
        public async Task<string?> ETag(string path, string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Url + path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var reply = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return reply.Headers.ETag?.Tag;
        }

        /// <param name="afresh">Asks for a computed view to be computed again rather than served as kept.</param>
        public async Task<int> Get(string path, string token, bool afresh = false)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, Url + path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (afresh) request.Headers.CacheControl = new CacheControlHeaderValue { NoCache = true };
            using var reply = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return (int)reply.StatusCode;
        }
    }

    /// <summary>The stack floor's endpoint as a process of its own (see <see cref="StackFloor"/>).</summary>
    public sealed class FloorProcess(string connection)
    {
        private Process? _process;
        private readonly string _url = $"http://127.0.0.1:{FreePort()}";
        private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(60) };

        private static int FreePort()
        {
            var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
            l.Start();
            var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        public void Start()
        {
            var psi = new ProcessStartInfo("dotnet", [typeof(StackFloor).Assembly.Location, "floor", connection, _url])
            {
                UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
            };
            psi.Environment["DOTNET_gcServer"] = "0";
            _process = Process.Start(psi)!;
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("floor: " + e.Data); };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public async Task WaitUntilReady(Guid stream)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                try
                {
                    if (await Append(new GeneratedStudio(stream, new Region("350000", "350200", "350203"), [], 0), -1) == Outcome.Ok) return;
                }
                catch (HttpRequestException) { }
                await Task.Delay(100);
            }
            throw new TimeoutException("the stack floor did not start");
        }

        public async Task<Outcome> Append(GeneratedStudio studio, long n)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{_url}/floor/{studio.Id}") { Content = new ByteArrayContent(Payload.Activity(studio, n)) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var reply = await _http.SendAsync(request);
            return reply.IsSuccessStatusCode ? Outcome.Ok : (int)reply.StatusCode is 409 or 412 ? Outcome.Conflict : Outcome.Error;
        }

        /// <summary>The floor process's processor time so far.</summary>
        public TimeSpan ProcessorTime
        {
            get
            {
                _process!.Refresh();
                return _process.TotalProcessorTime;
            }
        }

        public void Stop()
        {
            if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
            _process?.WaitForExit();
        }
    }

    public static class Payload
    {
        private static readonly DateOnly Today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Date);

        /// <summary>The same JSON the raw baselines write: a realistic activity with attendance, in Chinese.</summary>
        /// <param name="daysBack">Dates go back at most this many days (default: to the start of the year).</param>
        public static byte[] Activity(GeneratedStudio studio, long n, int? daysBack = null) => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            kind = "thematic-seminar",
            domains = new[] { "research", "exchange" },
            title = $"专题研讨：家校共育与班级文化建设（第{n}次）",
            // Spread over the year so far, as real logging is: a few activities per studio per day, not hundreds.
            date = Today.AddDays(-(int)(Math.Abs(n) % (daysBack ?? Today.DayOfYear))).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            hours = 1.5,
            place = "学校会议室",
            attendees = studio.Members.Take(2).Select(m => new { teacherId = m, hours = 0.01 }),
            summary = "围绕家校沟通协调、学生心理健康开展专题研讨，形成研讨纪要。",
            evidence = new[] { "https://example.org/evidence/seminar" },
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }));
    }
}
