using System.Diagnostics;
using System.Threading.Channels;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;
using Workshops.Activities;
using Workshops.Growth;
using Workshops.Outputs;
using Workshops.Plans;
using Workshops.Reports;
using Workshops.Studios;
using Workshops.Core;
using Workshops.Teachers;
using Workshops.Years;

namespace Workshops.Projections;

/// <summary>
/// Rebuilds every projection in one pass over the event store: each event is read and deserialized once, folded into
/// every document it touches with the projections' own groupings and Evolve functions, and every document is written
/// once at the end with COPY. The daemon's rebuild reads the whole event table again for each projection and rewrites
/// busy documents page after page. A maintenance step, run while no node writes or projects
/// (<c>Workshops.Api rebuild</c>); the async projections then resume from the last event folded. Each projection's
/// documents are replaced in turn: an interrupted rebuild is simply run again.
/// </summary>
public static class Rebuilds
{
    /// <param name="Reading">Time spent reading and folding the events; the rest of <paramref name="Elapsed"/> is writing.</param>
    /// <param name="Writing">Time spent writing each projection's documents.</param>
    /// <param name="Folding">What folding the events cost each projection.</param>
    /// <param name="Process">What the process spent while reading and folding, and while writing.</param>
    public sealed record Result(long Events, long LastSequence, IReadOnlyDictionary<string, int> Documents, TimeSpan Reading, TimeSpan Elapsed,
        IReadOnlyDictionary<string, TimeSpan> Writing, IReadOnlyDictionary<string, FoldCost> Folding, PhaseCost ReadingCost, PhaseCost WritingCost)
    {
        /// <summary>The costs as lines for a log: the folds, the costliest first, then each phase's.</summary>
        public IEnumerable<string> CostLines() =>
        [
            .. Folding.OrderByDescending(f => f.Value.Bytes).Select(f =>
                $"fold {f.Key}: {f.Value.Bytes / 1_048_576.0:N1} MB allocated, {f.Value.Processor.TotalSeconds:N2} s processor, {f.Value.Wall.TotalSeconds:N2} s wall"),
            $"reading and folding: {ReadingCost.Bytes / 1_048_576.0:N1} MB allocated ({(ReadingCost.Bytes - Folding.Values.Sum(f => f.Bytes)) / 1_048_576.0:N1} MB outside the folds: " +
            $"reading and deserializing, the studios' identities), {ReadingCost.Processor.TotalSeconds:N1} s processor, {ReadingCost.CollectorPauses.TotalSeconds:N1} s paused by the collector ({ReadingCost.CollectionsText})",
            $"writing: {WritingCost.Bytes / 1_048_576.0:N1} MB allocated, {WritingCost.Processor.TotalSeconds:N1} s processor, {WritingCost.CollectorPauses.TotalSeconds:N1} s paused by the collector ({WritingCost.CollectionsText})",
        ];
    }

    /// <summary>
    /// What folding every event cost one projection, measured on the folding thread around each batch of events: bytes
    /// allocated (exact, whatever the machine's load), the thread's processor time and the wall time.
    /// </summary>
    public sealed record FoldCost(long Bytes, TimeSpan Processor, TimeSpan Wall)
    {
        public static readonly FoldCost Zero = new(0, TimeSpan.Zero, TimeSpan.Zero);
        public FoldCost Add(FoldCost other) => new(Bytes + other.Bytes, Processor + other.Processor, Wall + other.Wall);
    }

    /// <summary>A phase's cost to the whole process: bytes allocated, processor time (every thread) and time paused by the collector.</summary>
    /// <param name="Collections">How many collections of each generation (0, 1 and 2) ran.</param>
    public sealed record PhaseCost(long Bytes, TimeSpan Processor, TimeSpan CollectorPauses, int[] Collections)
    {
        public static PhaseCost Now() =>
            new(GC.GetTotalAllocatedBytes(precise: true), System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalPauseDuration(),
                [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)]);

        public PhaseCost Since(PhaseCost start) => new(Bytes - start.Bytes, Processor - start.Processor, CollectorPauses - start.CollectorPauses,
            [.. Collections.Zip(start.Collections, (now, then) => now - then)]);

        /// <summary>The collections as "n, n and n collections of generations 0, 1 and 2".</summary>
        public string CollectionsText => $"{Collections[0]:N0}, {Collections[1]:N0} and {Collections[2]:N0} collections of generations 0, 1 and 2";
    }

    /// <summary>The calling thread's processor time (Linux's per-thread clock); zero where there is none.</summary>
    private static class ThreadClock
    {
        [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential)]
        private struct Timespec
        {
            public long Seconds;
            public long Nanoseconds;
        }

#pragma warning disable SYSLIB1054 // a plain blittable call: no marshalling to generate
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out Timespec time);
#pragma warning restore SYSLIB1054

        private static readonly bool Available = OperatingSystem.IsLinux();

        public static TimeSpan Now()
        {
            if (!Available || ClockGetTime(3 /* CLOCK_THREAD_CPUTIME_ID */, out var t) != 0) return TimeSpan.Zero;
            return TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100);
        }
    }

    /// <summary>Events handed from the reader to the folding lanes at a time.</summary>
    private const int Batch = 1_000;

    public static async Task<Result> OnePass(IDocumentStore store, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var start = PhaseCost.Now();
        // Marten stamps a studio view with its stream's version as it projects it; so does the one pass.
        var studioProjection = new StudioProjection();
        var studioVersions = new Dictionary<Guid, long>();
        var stateEvents = StudioState.Events.ToHashSet();
        var identities = Slot.Of<StudioIdentity, Guid>(Sync<StudioIdentity, Guid>(new StudioIdentityProjection().Evolve), e => [e.StreamId]);
        var teacherFiles = new TeacherFileProjection();
        var creditMonths = new CreditMonthProjection();
        Slot[] slots =
        [
            identities,
            // Only the event types the projection includes, as the daemon feeds it: any other leaves the state as it is.
            Slot.Of<StudioState, Guid>(Sync<StudioState, Guid>(new StudioStateProjection().Evolve),
                e => stateEvents.Contains(e.EventType) ? [e.StreamId] : []),
            Slot.Of<TaskStanding, Guid>(Sync<TaskStanding, Guid>(new TaskStandingProjection().Evolve), TaskStandingProjection.Keys),
            Slot.Of<OutputStanding, Guid>(Sync<OutputStanding, Guid>(new OutputStandingProjection().Evolve), OutputRecordProjection.Keys),
            Slot.Of<ActivityEntry, Guid>(Sync<ActivityEntry, Guid>((entry, _, e) => ActivityEntry.Fold(entry, e)), ActivityEntry.Keys),
            // Stamped with its stream's version once, when written, rather than copied for it at every event.
            Slot.Of<Studio, Guid>(Sync<Studio, Guid>((s, id, e) =>
                {
                    var next = studioProjection.Evolve(s, id, e);
                    if (next is not null) studioVersions[id] = e.Version;
                    return next;
                }),
                e => [e.StreamId], (id, studio) => studio with { Version = studioVersions[id] }),
            Slot.Of<StudioYear, string>(Sync<StudioYear, string>(new StudioYearProjection().Evolve), StudioYearProjection.Keys),
            // The outputs' search terms are made on every core before their one writer COPYs them: the longest table to write.
            Slot.Of<OutputRecord, Guid>(new OutputRecordProjection().EvolveAsync, OutputRecordProjection.Keys, prepare: o => _ = o.SearchTerms),
            Slot.Of<Honour, string>(new HonourProjection().EvolveAsync, HonourProjection.Keys),
            Slot.Of<TeacherFile, string>(teacherFiles.EvolveAsync, teacherFiles.Keys),
            Slot.Of<CreditMonth, string>(creditMonths.EvolveAsync, creditMonths.Keys),
            Slot.Of<TeacherRecord, Guid>(Sync<TeacherRecord, Guid>(new TeacherRecordProjection().Evolve),
                e => e.Data is Teachers.ITeacherEvent ? [e.StreamId] : []),
            Slot.Of<Training.TrainingRecord, Guid>(Sync<Training.TrainingRecord, Guid>(new Training.TrainingRecordProjection().Evolve),
                e => e.Data is Training.ITrainingEvent ? [e.StreamId] : []),
            Slot.Of<Evaluations.EvaluationTally, Guid>(Sync<Evaluations.EvaluationTally, Guid>(new Evaluations.EvaluationTallyProjection().Evolve),
                e => e.Data is Evaluations.EvaluationSubmitted ? [e.StreamId] : []),
            Slot.Of<Submissions.Submission, Guid>(Sync<Submissions.Submission, Guid>(new Submissions.SubmissionProjection().Evolve),
                e => e.Data is Submissions.ISubmissionEvent ? [e.StreamId] : []),
            Slot.Of<Applications.Application, Guid>(Sync<Applications.Application, Guid>(new Applications.ApplicationProjection().Evolve),
                e => e.Data is Applications.IApplicationEvent ? [e.StreamId] : []),
        ];

        var missing = store.Options.Events.Projections().Select(p => p.Name).Except(slots.Select(s => s.Name)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"The one-pass rebuild does not know the projections {string.Join(", ", missing)}.");

        var last = 0L;
        await using (var session = store.QuerySession())
            last = (await session.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {Setup.Schema}.mt_events", ct)).Single();

        // Two lanes fold at once, each on its own thread with its own session, while a third reads and deserializes the
        // events ahead of them: the documents spanning studios (a teacher's credit months, file and honours) in one, the
        // rest in the other. Each lane sees every event in order, and folds the studios' identities itself first, so
        // the identity a projection spanning studios meets is the one it met folding alone (StudioIdentities keeps the
        // first one remembered, the studio's from its first event on).
        string[] spanning = [nameof(CreditMonth), nameof(TeacherFile), nameof(Honour)];
        var laneIdentities = Slot.Of<StudioIdentity, Guid>(Sync<StudioIdentity, Guid>(new StudioIdentityProjection().Evolve), e => [e.StreamId]);
        (Slot<StudioIdentity, Guid> Identities, Slot[] Slots)[] lanes =
        [
            (identities, [.. slots[1..].Where(s => !spanning.Contains(s.Name))]),
            (laneIdentities, [.. slots.Where(s => spanning.Contains(s.Name))]),
        ];
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channels = lanes.Select(_ => Channel.CreateBounded<IEvent[]>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true })).ToArray();
        var events = 0L;
        var reading = Task.Run(async () =>
        {
            try
            {
                var batch = new List<IEvent>(Batch);
                await foreach (var e in AllEvents(store, last, failed.Token))
                {
                    events++;
                    batch.Add(e);
                    if (batch.Count < Batch) continue;
                    IEvent[] full = [.. batch];
                    batch.Clear();
                    foreach (var channel in channels) await channel.Writer.WriteAsync(full, failed.Token);
                }
                IEvent[] rest = [.. batch];
                foreach (var channel in channels)
                {
                    await channel.Writer.WriteAsync(rest, failed.Token);
                    channel.Writer.Complete();
                }
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }, ct);
        var folding = lanes.Select((lane, i) => Task.Run(async () =>
        {
            try
            {
                await using var session = store.QuerySession();
                await foreach (var batch in channels[i].Reader.ReadAllAsync(failed.Token))
                {
                    foreach (var e in batch)
                    {
                        await lane.Identities.Apply(e, session, failed.Token);
                        // Projections spanning studios fold with the studio's identity, known from its stream's first event
                        // on: the batch's identities are remembered before its events are folded, which changes nothing
                        // (no event of a studio comes before the one that establishes it).
                        if (lane.Identities.Find(e.StreamId) is { } identity) StudioIdentities.Remember(identity);
                    }
                    // Each projection folds the whole batch in turn, measured around it.
                    foreach (var slot in lane.Slots)
                    {
                        var (thread, bytes, processor, wall) =
                            (Environment.CurrentManagedThreadId, GC.GetAllocatedBytesForCurrentThread(), ThreadClock.Now(), Stopwatch.GetTimestamp());
                        foreach (var e in batch) await slot.Apply(e, session, failed.Token);
                        // A fold that awaited the database may have resumed on another thread: its bytes and processor
                        // time are then the other thread's, and the batch counts its wall time only.
                        var same = thread == Environment.CurrentManagedThreadId;
                        slot.Cost = slot.Cost.Add(new FoldCost(same ? GC.GetAllocatedBytesForCurrentThread() - bytes : 0,
                            same ? ThreadClock.Now() - processor : TimeSpan.Zero, Stopwatch.GetElapsedTime(wall)));
                    }
                }
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
        }, ct)).ToList();
        await Task.WhenAll([reading, .. folding]);

        // The tables are written three at a time, the costliest first: the largest as they stand before the rebuild
        // (their rows, indexes and stored values), then the most documents. The outputs, a tenth of the documents'
        // bytes, take as long as the largest tables (their search terms are made before the load and indexed after
        // it), and started after them they were the last left, written alone on a machine of two cores. Three at a time
        // rather than two: on two cores, while one table's index is built the others still load.
        var folded = clock.Elapsed;
        var foldedCost = PhaseCost.Now();
        var sizes = await TableSizes(store, slots.Select(s => s.Table), ct);
        var writing = new System.Collections.Concurrent.ConcurrentDictionary<string, TimeSpan>();
        // The tables with triggers (the kept views' counts of changes, raised by a truncate and a COPY) raise the same
        // counts, which a writer's transaction holds locked until it commits: they are written one after another as one
        // task, the smallest first, rather than each waiting for the other's commit with a writer's place taken.
        var triggered = await TablesWithTriggers(store, ct);
        Slot[][] tasks =
        [
            .. slots.Where(s => !triggered.Contains(s.Table)).Select(s => new[] { s }),
            [.. slots.Where(s => triggered.Contains(s.Table)).OrderBy(s => sizes.GetValueOrDefault(s.Table)).ThenBy(s => s.Count)],
        ];
        await Parallel.ForEachAsync(tasks.OrderByDescending(t => t.Sum(s => sizes.GetValueOrDefault(s.Table))).ThenByDescending(t => t.Sum(s => s.Count)),
            new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = ct },
            async (task, token) =>
            {
                foreach (var slot in task)
                {
                    var started = Stopwatch.StartNew();
                    await slot.Replace(store, token);
                    writing[slot.Name] = started.Elapsed;
                }
            });
        var documents = slots.ToDictionary(s => s.Name, s => s.Count);
        var writtenCost = PhaseCost.Now().Since(foldedCost);
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(ct);
            foreach (var name in store.Options.Events.Projections().Where(p => p.Lifecycle == ProjectionLifecycle.Async).Select(p => $"{p.Name}:All"))
            {
                await using var progress = connection.CreateCommand();
                progress.CommandText = $"""
                    insert into {Setup.Schema}.mt_event_progression (name, last_seq_id, last_updated) values (@name, @last, now())
                    on conflict (name) do update set last_seq_id = excluded.last_seq_id, last_updated = now()
                    """;
                progress.Parameters.Add(new Npgsql.NpgsqlParameter("name", name));
                progress.Parameters.Add(new Npgsql.NpgsqlParameter("last", last));
                await progress.ExecuteNonQueryAsync(ct);
            }
        }
        return new Result(events, last, documents, folded, clock.Elapsed, writing,
            slots.Where(s => s != identities).ToDictionary(s => s.Name, s => s.Cost), foldedCost.Since(start), writtenCost);
    }

    /// <summary>
    /// Every event up to <paramref name="last"/> in order, as the daemon reads them (archived ones left out), read straight
    /// off one reader and deserialized synchronously with the store's serializer: the one pass reads a million events,
    /// and Marten's query path deserializes each one asynchronously from a stream of its own.
    /// </summary>
    private static async IAsyncEnumerable<IEvent> AllEvents(IDocumentStore store, long last,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var rows = new EventRows(store);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"select {EventRows.Columns("e")} from {Setup.Schema}.mt_events e where e.seq_id <= @last and e.is_archived = false order by e.seq_id";
        command.Parameters.Add(new Npgsql.NpgsqlParameter("last", last));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return rows.Read(reader);
    }

    /// <summary>The tables of the store's schema with triggers of their own ("schema.table").</summary>
    private static async Task<HashSet<string>> TablesWithTriggers(IDocumentStore store, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(
            "select distinct n.nspname || '.' || c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid " +
            "join pg_namespace n on n.oid = c.relnamespace where n.nspname = $1 and not t.tgisinternal", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = Setup.Schema });
        var tables = new HashSet<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) tables.Add(reader.GetString(0));
        return tables;
    }

    /// <summary>The tables' sizes in bytes, indexes and stored values included.</summary>
    private static async Task<Dictionary<string, long>> TableSizes(IDocumentStore store, IEnumerable<string> tables, CancellationToken ct)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = new Npgsql.NpgsqlCommand(
            "select t, coalesce(pg_total_relation_size(to_regclass(t)), 0) from unnest($1::text[]) t", connection);
        command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = tables.ToArray() });
        var sizes = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) sizes[reader.GetString(0)] = reader.GetInt64(1);
        return sizes;
    }

    /// <summary>A projection that folds without the session (it overrides Evolve, not EvolveAsync).</summary>
    private static Func<TDoc?, TKey, IQuerySession, IEvent, CancellationToken, ValueTask<TDoc?>> Sync<TDoc, TKey>(Func<TDoc?, TKey, IEvent, TDoc?> evolve) =>
        (snapshot, key, _, e, _) => ValueTask.FromResult(evolve(snapshot, key, e));

    private abstract class Slot
    {
        public abstract string Name { get; }
        public abstract int Count { get; }
        /// <summary>The projection's table.</summary>
        public string Table => $"{Setup.Schema}.mt_doc_{Name.ToLowerInvariant()}";
        public FoldCost Cost { get; set; } = FoldCost.Zero;
        public abstract ValueTask Apply(IEvent e, IQuerySession session, CancellationToken ct);

        /// <summary>Deletes the projection's documents and writes the folded ones.</summary>
        public abstract Task Replace(IDocumentStore store, CancellationToken ct);

        /// <param name="finish">What is done to each document once every event is folded, before it is written.</param>
        /// <param name="prepare">What is done to every document, on all cores, before the one writer writes them.</param>
        public static Slot<TDoc, TKey> Of<TDoc, TKey>(
            Func<TDoc?, TKey, IQuerySession, IEvent, CancellationToken, ValueTask<TDoc?>> evolve, Func<IEvent, IEnumerable<TKey>> keys,
            Func<TKey, TDoc, TDoc>? finish = null, Action<TDoc>? prepare = null)
            where TDoc : class where TKey : notnull =>
            new(keys, evolve, finish, prepare);
    }

    private sealed class Slot<TDoc, TKey>(
        Func<IEvent, IEnumerable<TKey>> keys,
        Func<TDoc?, TKey, IQuerySession, IEvent, CancellationToken, ValueTask<TDoc?>> evolve,
        Func<TKey, TDoc, TDoc>? finish,
        Action<TDoc>? prepare) : Slot
        where TDoc : class where TKey : notnull
    {
        private readonly Dictionary<TKey, TDoc> _docs = [];
        public override string Name => typeof(TDoc).Name;
        public override int Count => _docs.Count;
        public TDoc? Find(TKey key) => _docs.GetValueOrDefault(key);

        public override async ValueTask Apply(IEvent e, IQuerySession session, CancellationToken ct)
        {
            foreach (var key in keys(e))
            {
                var next = await evolve(_docs.GetValueOrDefault(key), key, session, e, ct);
                if (next is null) _docs.Remove(key);
                else _docs[key] = next;
            }
        }

        public override async Task Replace(IDocumentStore store, CancellationToken ct)
        {
            var table = Table;
            await using var connection = store.Storage.Database.CreateConnection();
            await connection.OpenAsync(ct);
            // One transaction: the table is truncated and loaded in it, so an interrupted rebuild leaves the documents as
            // they were, and the load is a COPY FREEZE. Truncated rather than deleted: deleted rows would stay behind as
            // dead tuples (and their index entries) until a vacuum.
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await Execute(connection, $"truncate table {table}", ct);
            // Stored values too large for a row are compressed with LZ4 rather than PostgreSQL's own method: the years'
            // documents took 7.8 s to write compressed with that, 4.4 s with LZ4 (2,000 studios).
            await Execute(connection, "set local default_toast_compression = 'lz4'", ct);
            // The table's indexes, its primary key's among them, are built once after the load from sorted entries
            // rather than entry by entry as rows arrive in the folds' order. Measured on the credit months (623,681 rows
            // in random key order): 5.2 s loaded with their indexes, 1.4 s without them and 1.7 s to build them after;
            // the activity entries (681,241 rows): 4.9 s with, 0.8 s without and 0.6 s after.
            var (keys, indexes) = await Indexes(connection, table, ct);
            foreach (var (name, _) in indexes) await Execute(connection, $"drop index {Setup.Schema}.{name}", ct);
            foreach (var (name, _) in keys) await Execute(connection, $"alter table {table} drop constraint {name}", ct);
            // The outputs' search terms are written in tsvector's binary form (OutputRecord.SearchTerms): the column takes
            // them as they are. Sent as text before, the column took text for the load and was parsed back after it, a
            // rewrite of the table (3.9 s of the outputs' 14.2 s). Their terms are made on as many threads as there are cores,
            // not on every thread the pool has: unbounded, it took them all, and the other writers' continuations waited
            // for one (an empty table's truncate and index drops took 6–9 s, and the tables after it in its task waited).
            if (prepare is not null)
                Parallel.ForEach(_docs.Values, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, prepare);
            await CopyFrozen(store, connection, ct);
            // Index builds sort in memory: more of it than the default 64 MB (the GIN index over the search terms collects its
            // entries there too), for this transaction.
            await Execute(connection, "set local maintenance_work_mem = '256MB'", ct);
            foreach (var (name, definition) in keys) await Execute(connection, $"alter table {table} add constraint {name} {definition}", ct);
            foreach (var (_, definition) in indexes) await Execute(connection, definition, ct);
            await transaction.CommitAsync(ct);
        }

        /// <summary>
        /// The documents written as the store's own bulk loader writes them (its statement, columns and values), as
        /// COPY … FREEZE into the table truncated in this transaction. The rows are written frozen and their pages marked
        /// all-visible, and the load leaves the free space map empty: a bulk load into a table truncated in another
        /// transaction records each full page's last few hundred bytes there, so every later insert (an activity logged)
        /// went to a different old page and wrote it whole into the WAL after each checkpoint, 7.5 KB an append; a vacuum
        /// skips all-frozen pages, so it does not record them later either. Inserts after a rebuild fill the table's last
        /// page, then new ones.
        /// </summary>
        /// <remarks>
        /// Each row is written here rather than by the loader: the JSON goes to the COPY as the serializer writes it
        /// (UTF-8), not turned into a string and encoded again, and every value but the duplicated fields' is written
        /// without an await. The loader's values come from its own binders (the store's description of the table), so
        /// the rows are the loader's (<c>crash_test</c> compares whole rows with the daemon's). Measured on the credit
        /// months (623,681): the loader took 7.6 s of processor time, of which 4.1–5.4 s making the JSON strings.
        /// </remarks>
        private async Task CopyFrozen(IDocumentStore store, Npgsql.NpgsqlConnection connection, CancellationToken ct)
        {
            var tenant = ((DocumentStore)store).Tenancy.Default;
            var provider = (Marten.Internal.Storage.MartenDocumentProvider<TDoc>)tenant.Database.Providers.StorageFor<TDoc>();
            var loader = (Marten.Internal.CodeGeneration.BulkLoader<TDoc, TKey>)provider.BulkLoader;
            const string plain = "FROM STDIN BINARY";
            var sql = loader.MainLoaderSql();
            if (!sql.EndsWith(plain, StringComparison.Ordinal)) throw new InvalidOperationException($"Unexpected bulk load statement: {sql}");
            var rows = Rows.Of(loader);
            var serializer = store.Options.Serializer();
            var json = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
            await using var writer = await connection.BeginBinaryImportAsync(sql[..^plain.Length] + "FROM STDIN (FORMAT binary, FREEZE)", ct);
            foreach (var (key, found) in _docs)
            {
                var document = finish is null ? found : finish(key, found);
                json.ResetWrittenCount();
                serializer.WriteTo(json, document);
                await writer.StartRowAsync(ct);
                writer.Write(rows.Id(document), rows.IdType);
                writer.Write(json.WrittenMemory, NpgsqlTypes.NpgsqlDbType.Jsonb);
                foreach (var (binder, duplicated) in rows.Binders)
                {
                    if (duplicated is not null) await duplicated(writer, document, rows.Serializer, ct);
                    else if (binder.GetBulkValue(document) is { Value: { } value and not DBNull } column) writer.Write(value, Rows.TypeOf(column.Type));
                    else writer.WriteNull();
                }
            }
            await writer.CompleteAsync(ct);
        }

        private delegate Task WriteDuplicated(Npgsql.NpgsqlBinaryImporter writer, TDoc document, Weasel.Storage.IStorageSerializer serializer, CancellationToken ct);

        /// <summary>What the store's bulk loader of <typeparamref name="TDoc"/> writes in each row after the id and the JSON.</summary>
        /// <param name="Binders">
        /// The loader's binders in its column order, each with the way the loader writes a duplicated field (its own
        /// write, for values of any type the provider knows) or null for a metadata column (its value and column type).
        /// </param>
        private sealed record Rows(Weasel.Storage.DocumentStorageDescriptor<TDoc, TKey> Descriptor, NpgsqlTypes.NpgsqlDbType IdType,
            IReadOnlyList<(Weasel.Storage.IDocumentMetadataBinder<TDoc> Binder, WriteDuplicated? Duplicated)> Binders)
        {
            public Weasel.Storage.IStorageSerializer Serializer => Descriptor.Serializer;
            public object Id(TDoc document) => Descriptor.Identification.ToRawSqlValue(Descriptor.Identification.Identity(document))!;

            public static Rows Of(Marten.Internal.CodeGeneration.BulkLoader<TDoc, TKey> loader)
            {
                // The loader keeps its description of the table to itself; the rows written here need the same one.
                var descriptor = loader.GetType().GetField("_descriptor", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
                    ?.GetValue(loader) as Weasel.Storage.DocumentStorageDescriptor<TDoc, TKey>
                    ?? throw new InvalidOperationException($"The bulk loader of {typeof(TDoc).Name} ({loader.GetType().Name}) has no description of its table.");
                if (descriptor.IsConjoined) throw new InvalidOperationException($"{typeof(TDoc).Name} is stored with a tenant column, which the one pass does not write.");
                var binders = descriptor.WriteBinders.Select(b => (b, b.GetType().Name.StartsWith("DocumentDuplicatedFieldBinder", StringComparison.Ordinal)
                    ? (WriteDuplicated)Delegate.CreateDelegate(typeof(WriteDuplicated), b, b.GetType().GetMethod("WriteToBulkAsync")
                        ?? throw new InvalidOperationException($"The duplicated field {b.ColumnName} of {typeof(TDoc).Name} has no bulk write."))
                    : null)).ToList();
                return new(descriptor, Weasel.Postgresql.PostgresqlProvider.Instance.ToParameterType(descriptor.Identification.RawSqlType), binders);
            }

            /// <summary>The type a metadata column's value is written as, as the loader writes it.</summary>
            public static NpgsqlTypes.NpgsqlDbType TypeOf(Weasel.Storage.StorageColumnType type) => type switch
            {
                Weasel.Storage.StorageColumnType.String => NpgsqlTypes.NpgsqlDbType.Varchar,
                Weasel.Storage.StorageColumnType.Guid => NpgsqlTypes.NpgsqlDbType.Uuid,
                Weasel.Storage.StorageColumnType.Long => NpgsqlTypes.NpgsqlDbType.Bigint,
                Weasel.Storage.StorageColumnType.Int => NpgsqlTypes.NpgsqlDbType.Integer,
                Weasel.Storage.StorageColumnType.Boolean => NpgsqlTypes.NpgsqlDbType.Boolean,
                Weasel.Storage.StorageColumnType.Timestamp => NpgsqlTypes.NpgsqlDbType.TimestampTz,
                Weasel.Storage.StorageColumnType.Json => NpgsqlTypes.NpgsqlDbType.Jsonb,
                _ => throw new ArgumentOutOfRangeException(nameof(type), type, "a metadata column of a type the one pass does not write"),
            };
        }

        /// <summary>
        /// The table's primary key and unique constraints with their definitions (none when another table's foreign key
        /// refers to the table: those stay), and its other indexes with the statements that create them.
        /// </summary>
        private static async Task<(List<(string Name, string Definition)> Keys, List<(string Name, string Definition)> Indexes)> Indexes(
            Npgsql.NpgsqlConnection connection, string table, CancellationToken ct)
        {
            await using var command = new Npgsql.NpgsqlCommand(
                """
                select true, k.conname, pg_get_constraintdef(k.oid) from pg_constraint k
                 where k.conrelid = $1::regclass and k.contype in ('p', 'u')
                   and not exists (select from pg_constraint f where f.confrelid = $1::regclass and f.contype = 'f')
                union all
                select false, c.relname, pg_get_indexdef(i.indexrelid) from pg_index i join pg_class c on c.oid = i.indexrelid
                 where i.indrelid = $1::regclass and not exists (select from pg_constraint k where k.conindid = i.indexrelid)
                order by 1 desc, 2
                """, connection);
            command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = table });
            var (keys, indexes) = (new List<(string, string)>(), new List<(string, string)>());
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) (reader.GetBoolean(0) ? keys : indexes).Add((reader.GetString(1), reader.GetString(2)));
            return (keys, indexes);
        }

        private static async Task Execute(Npgsql.NpgsqlConnection connection, string sql, CancellationToken ct)
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
