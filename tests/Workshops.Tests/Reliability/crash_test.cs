using System.Text;
using System.Text.Json.Nodes;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workshops.Core;
using Workshops.Projections;
using Wolverine;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Reliability;

/// <summary>
/// The crash test. A load generator logs activities against API processes on loopback and writes every acknowledged
/// (2xx) answer to a durable log; the API is killed with SIGKILL at random moments and restarted (in the full run the
/// database is crashed too). Then: every acknowledged event is present exactly once, stream versions have no gaps,
/// and every projection equals a fresh rebuild. Short in CI (CHAOS_KILLS=3); ops/chaos runs the full version.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class crash_test(ITestOutputHelper output)
{
    private static int Setting(string name, int fallback) => int.TryParse(Environment.GetEnvironmentVariable(name), out var v) ? v : fallback;

    [Fact]
    public async Task acknowledged_writes_survive_kills_exactly_once_and_projections_equal_a_rebuild()
    {
        var kills = Setting("CHAOS_KILLS", 3);
        var databaseCrashes = Setting("CHAOS_DB_CRASHES", 0);
        var writers = Setting("CHAOS_WRITERS", 6);
        await using var lab = await ProcessLab.Start();
        var api = await lab.StartApi();
        var school = lab.Token(Role.School, "校管理员", region: "350203");
        var studios = new List<Guid>();
        for (var i = 0; i < 6; i++) studios.Add(await Chaos.StaffedStudio(api, school, $"压测工作坊{i}"));
        var hosts = studios.ToDictionary(s => s, s => lab.Token(Role.Host, "坊主", [s]));
        // Answers as Kestrel streams them (the in-process test server writes differently): the views of a studio with a
        // growth file answer 200.
        var first = studios[0];
        Assert.Equal(200, (await api.Send(HttpMethod.Post, $"/api/studios/{first}/growth/M1/profile", new
        {
            knowledgeBase = "熟悉班级管理理论", practiceBase = "带班五年", personality = "细致耐心", philosophy = "以爱育人", aspirations = "成长为骨干班主任",
        }, hosts[first])).Status);
        foreach (var view in new[] { "", "/years/2025", "/ledger/2025", "/checklist", "/reports/annual/2025", "/activities", "/outputs" })
            Assert.Equal(200, (await api.Send(HttpMethod.Get, $"/api/studios/{first}{view}", null, hosts[first])).Status);

        var logPath = Path.Combine(lab.Dir, "acknowledged.log");
        await using var log = new FileStream(logPath, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
        var gate = new object();
        var acks = 0;
        using var stop = new CancellationTokenSource();
        var attempts = 0;
        var load = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var n = 0;
            while (!stop.IsCancellationRequested)
            {
                var studio = studios[random.Next(studios.Count)];
                // Spread over days: a teacher may attend at most 24 hours of activities a day.
                var day = new DateOnly(2025, 1, 1).AddDays((w * 1000 + n++) % 600).ToString("yyyy-MM-dd");
                Interlocked.Increment(ref attempts);
                try
                {
                    var (status, body, _) = await api.Send(HttpMethod.Post, $"/api/studios/{studio}/activities",
                        Activity("teaching-research-meeting", ["research"], day, 1.5m, [("M1", 0.5m), ("H1", 0.5m)], title: $"压测{w}"),
                        hosts[studio]);
                    if (status is >= 400 and < 500 and not 409) throw new InvalidOperationException($"the load was refused: {status} {body}");
                    if (status == 201)
                    {
                        var line = Encoding.UTF8.GetBytes($"{studio} {body!["activityId"]}\n");
                        lock (gate)
                        {
                            log.Write(line);
                            log.Flush(flushToDisk: true);
                            acks++;
                        }
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    await Task.Delay(50);
                }
            }
        })).ToList();

        var random = new Random(42);
        for (var k = 0; k < kills + databaseCrashes; k++)
        {
            // Kill while writes are flowing: after some acknowledged writes since the restart, at a random moment.
            var before = Volatile.Read(ref acks);
            await Eventually.Until(() => Task.FromResult(Volatile.Read(ref acks)), a => a >= before + 10, TimeSpan.FromSeconds(60), "writes after a restart");
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(100, 2000)));
            if (k < databaseCrashes)
            {
                await lab.CrashDatabase();
                await Task.Delay(500);
                await lab.StartDatabase();
                await api.WaitReady(TimeSpan.FromSeconds(60));
                output.WriteLine($"database crash {k + 1}");
            }
            else
            {
                api.Kill();
                await api.Start();
                output.WriteLine($"API kill {k + 1 - databaseCrashes}");
            }
        }
        await Task.Delay(1000);
        await stop.CancelAsync();
        await Task.WhenAll(load);
        api.Kill();
        log.Close();

        var acknowledged = (await File.ReadAllLinesAsync(logPath)).Where(l => l.Length > 0).Select(l => Guid.Parse(l.Split(' ')[1])).ToList();
        output.WriteLine($"{attempts} attempts, {acknowledged.Count} acknowledged, {kills} kills, {databaseCrashes} database crashes");
        Assert.True(acknowledged.Count > 20, $"only {acknowledged.Count} writes were acknowledged");
        await Chaos.Verify(lab, acknowledged, output);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollection
{
    public const string Name = "reliability";
}

public static class Chaos
{
    public static async Task<Guid> StaffedStudio(ApiProcess api, string school, string name)
    {
        var (status, body, _) = await api.Send(HttpMethod.Post, "/api/studios", StudioBody(name: name, founded: "2022-10-16"), school);
        Assert.Equal(201, status);
        var id = Guid.Parse(body!["id"]!.GetValue<string>());
        Assert.Equal(200, (await api.Send(HttpMethod.Post, $"/api/studios/{id}/host", new { teacher = Teacher("H1", "陈美玲", since: "2008-09-01"), on = "2022-10-16" }, school)).Status);
        foreach (var m in new[] { "M1", "M2", "M3" })
            Assert.Equal(200, (await api.Send(HttpMethod.Post, $"/api/studios/{id}/members", new { teacher = Teacher(m, $"成员{m}"), on = "2022-10-16" }, school)).Status);
        return id;
    }

    /// <summary>Exactly once, no version gaps, and every projection document equal to a fresh rebuild.</summary>
    public static async Task Verify(ProcessLab lab, IReadOnlyList<Guid> acknowledged, ITestOutputHelper output)
    {
        await using var data = NpgsqlDataSource.Create(lab.ConnectionString);
        var counts = new Dictionary<Guid, int>();
        await using (var cmd = data.CreateCommand("select (data ->> 'activityId')::uuid, count(*) from workshops.mt_events where type = 'activity_logged' group by 1"))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) counts[reader.GetGuid(0)] = (int)reader.GetInt64(1);
        Assert.All(acknowledged, id => Assert.Equal(1, counts.GetValueOrDefault(id)));
        Assert.All(counts, c => Assert.Equal(1, c.Value));

        await using (var cmd = data.CreateCommand("""
            select count(*) from (
              select e.stream_id, count(*) n, min(e.version) lo, max(e.version) hi, s.version sv
              from workshops.mt_events e join workshops.mt_streams s on s.id = e.stream_id
              group by e.stream_id, s.version) x
            where n <> hi or lo <> 1 or hi <> sv
            """))
            Assert.Equal(0L, (long)(await cmd.ExecuteScalarAsync())!);

        // A host of our own on the lab database: catch up, dump every projected document, rebuild, compare.
        await using var host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("ConnectionStrings:Marten", lab.ConnectionString);
            web.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            web.ConfigureServices(s =>
            {
                s.MartenDaemonModeIsSolo();
                s.RunWolverineInSoloMode();
                s.DisableAllExternalWolverineTransports();
            });
        });
        var store = host.Services.GetRequiredService<IDocumentStore>();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
            Assert.Empty(await host.ForceAllMartenDaemonActivityToCatchUpAsync(timeout.Token, CatchUpMode.AndDoNothing));
        var tables = store.Options.Events.Projections().Select(p => $"mt_doc_{p.Name.ToLowerInvariant()}").Distinct().ToArray();
        Assert.True(tables.Length >= 11, $"only {tables.Length} projections");
        var before = await Dump(data, tables);
        using var daemon = await store.BuildProjectionDaemonAsync();
        foreach (var projection in store.Options.Events.Projections().Select(p => p.Name).Distinct())
            await daemon.RebuildProjectionAsync(projection, TimeSpan.FromMinutes(3), CancellationToken.None);
        AssertSame(before, await Dump(data, tables), "the daemon's rebuild");
        // The one-pass rebuild (the maintenance command) gives the same documents, and the daemon carries on from it.
        var structure = await Structure(data, tables);
        var onePass = await Rebuilds.OnePass(store, CancellationToken.None);
        Assert.Equal(before.Values.Sum(d => d.Count), onePass.Documents.Values.Sum());
        // Every projection's fold was measured (the studios' identities are folded by each lane, outside them); logging
        // activities allocates in the activities' and the credit months' folds.
        Assert.Equal(onePass.Documents.Keys.Where(k => k != nameof(Workshops.Studios.StudioIdentity)).Order(), onePass.Folding.Keys.Order());
        Assert.True(onePass.Folding[nameof(Workshops.Activities.ActivityEntry)].Bytes > 0, "the activities' fold allocated nothing");
        Assert.True(onePass.Folding[nameof(Workshops.Growth.CreditMonth)].Bytes > 0, "the credit months' fold allocated nothing");
        foreach (var line in onePass.CostLines()) output.WriteLine(line);
        AssertSame(before, await Dump(data, tables), "the one-pass rebuild");
        // Its indexes and keys, dropped for the load and built after it, are the ones the tables had.
        Assert.Equal(structure, await Structure(data, tables));
        // Loaded with COPY FREEZE in the transaction that truncated them: no free space map, so a later insert goes to
        // the table's last page rather than to the space left at the end of every page the load filled.
        await using (var cmd = data.CreateCommand("select string_agg(t, ', ') from unnest($1) t where pg_relation_size(('workshops.' || t)::regclass, 'fsm') > 0"))
        {
            cmd.Parameters.AddWithValue(tables);
            Assert.Equal(DBNull.Value, await cmd.ExecuteScalarAsync());
        }
        var async = store.Options.Events.Projections().Where(p => p.Lifecycle == JasperFx.Events.Projections.ProjectionLifecycle.Async)
            .Select(p => $"{p.Name}:All").ToArray();
        await using (var cmd = data.CreateCommand("select count(*) from workshops.mt_event_progression where name = any($2) and last_seq_id = $1"))
        {
            cmd.Parameters.AddWithValue(onePass.LastSequence);
            cmd.Parameters.AddWithValue(async);
            Assert.Equal((long)async.Length, (long)(await cmd.ExecuteScalarAsync())!);
        }
        output.WriteLine($"verified {acknowledged.Count} acknowledged writes; projections: {string.Join(", ", before.Select(b => $"{b.Key} {b.Value.Count}"))}");
    }

    private static void AssertSame(Dictionary<string, Dictionary<string, string>> before, Dictionary<string, Dictionary<string, string>> after, string how)
    {
        foreach (var (table, docs) in before)
        {
            Assert.Equal(docs.Count, after[table].Count);
            foreach (var (id, json) in docs)
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(after[table][id])), $"{table} {id} differs after {how}");
        }
    }

    /// <summary>Every index and constraint of the tables, with its definition.</summary>
    internal static async Task<List<string>> Structure(NpgsqlDataSource data, string[] tables)
    {
        await using var cmd = data.CreateCommand(
            """
            select c.relname || ' ' || pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
             where i.indrelid = any (select ('workshops.' || t)::regclass from unnest($1) t)
            union all
            select k.conname || ' ' || pg_get_constraintdef(k.oid) from pg_constraint k
             where k.conrelid = any (select ('workshops.' || t)::regclass from unnest($1) t)
            order by 1
            """);
        cmd.Parameters.AddWithValue(tables);
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return lines;
    }

    /// <summary>
    /// Every projected document, by table (each projection keeps one document type, named after it): its whole row but the
    /// version and time it was written, so the columns duplicated from it and its type are compared with its JSON.
    /// </summary>
    private static async Task<Dictionary<string, Dictionary<string, string>>> Dump(NpgsqlDataSource data, string[] tables)
    {
        var dump = new Dictionary<string, Dictionary<string, string>>();
        foreach (var table in tables)
        {
            var docs = new Dictionary<string, string>();
            await using var cmd = data.CreateCommand($"select id::text, (to_jsonb(t) - 'mt_version' - 'mt_last_modified')::text from workshops.{table} t");
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) docs[reader.GetString(0)] = reader.GetString(1);
            dump[table] = docs;
        }
        return dump;
    }
}
