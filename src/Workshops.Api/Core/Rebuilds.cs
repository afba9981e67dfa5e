using System.Diagnostics;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;
using Workshops.Activities;
using Workshops.Growth;
using Workshops.Outputs;
using Workshops.Reports;
using Workshops.Studios;
using Workshops.Teachers;
using Workshops.Years;

namespace Workshops.Core;

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
    public sealed record Result(long Events, long LastSequence, IReadOnlyDictionary<string, int> Documents, TimeSpan Reading, TimeSpan Elapsed,
        IReadOnlyDictionary<string, TimeSpan> Writing);

    public static async Task<Result> OnePass(IDocumentStore store, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // Marten stamps a studio with its stream's version as it projects it; so does the one pass.
        var studioProjection = new StudioProjection();
        var studios = Slot.Of<Studio, Guid>(Sync<Studio, Guid>((s, id, e) => studioProjection.Evolve(s, id, e) is { } next ? next with { Version = e.Version } : null),
            e => [e.StreamId]);
        var teacherFiles = new TeacherFileProjection();
        var creditYears = new CreditYearProjection();
        Slot[] slots =
        [
            studios,
            Slot.Of<StudioYear, string>(Sync<StudioYear, string>(new StudioYearProjection().Evolve), StudioYearProjection.Keys),
            Slot.Of<ActivityRecord, Guid>(Sync<ActivityRecord, Guid>(new ActivityRecordProjection().Evolve), ActivityRecordProjection.Keys),
            Slot.Of<OutputRecord, Guid>(new OutputRecordProjection().EvolveAsync, OutputRecordProjection.Keys),
            Slot.Of<Honour, string>(new HonourProjection().EvolveAsync, HonourProjection.Keys),
            Slot.Of<TeacherFile, string>(teacherFiles.EvolveAsync, teacherFiles.Keys),
            Slot.Of<CreditYear, string>(creditYears.EvolveAsync, creditYears.Keys),
            Slot.Of<TeacherRecord, Guid>(Sync<TeacherRecord, Guid>(new TeacherRecordProjection().Evolve),
                e => e.Data is Teachers.ITeacherEvent ? [e.StreamId] : []),
            Slot.Of<Training.TrainingRecord, Guid>(Sync<Training.TrainingRecord, Guid>(new Training.TrainingRecordProjection().Evolve),
                e => e.Data is Training.ITrainingEvent ? [e.StreamId] : []),
            Slot.Of<Evaluations.EvaluationTally, Guid>(Sync<Evaluations.EvaluationTally, Guid>(new Evaluations.EvaluationTallyProjection().Evolve),
                e => e.Data is Evaluations.EvaluationSubmitted ? [e.StreamId] : []),
        ];

        var missing = store.Options.Events.Projections().Select(p => p.Name).Except(slots.Select(s => s.Name)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException($"The one-pass rebuild does not know the projections {string.Join(", ", missing)}.");

        await using var session = store.QuerySession();
        var last = (await session.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {Setup.Schema}.mt_events", ct)).Single();
        var others = slots[1..];
        var events = 0L;
        await foreach (var e in AllEvents(store, last, ct))
        {
            events++;
            await studios.Apply(e, session, ct);
            // Projections spanning studios fold with the studio's identity, known from its first event on.
            if (studios.Find(e.StreamId) is { } studio) StudioIdentities.Remember(studio);
            foreach (var slot in others) await slot.Apply(e, session, ct);
        }

        // Measured: reading beside folding, and the projections written side by side, were slower on two cores.
        var reading = clock.Elapsed;
        var writing = new Dictionary<string, TimeSpan>();
        foreach (var slot in slots)
        {
            var started = clock.Elapsed;
            await slot.Replace(store, ct);
            writing[slot.Name] = clock.Elapsed - started;
        }
        var documents = slots.ToDictionary(s => s.Name, s => s.Count);
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
        return new Result(events, last, documents, reading, clock.Elapsed, writing);
    }

    /// <summary>
    /// Every event up to <paramref name="last"/> in order, as the daemon reads them (archived ones left out), read straight
    /// off one reader and deserialized synchronously with the store's serializer: the one pass reads a million events,
    /// and Marten's query path deserializes each one asynchronously from a stream of its own.
    /// </summary>
    private static async IAsyncEnumerable<IEvent> AllEvents(IDocumentStore store, long last,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var graph = (Marten.Events.EventGraph)store.Options.Events;
        var mappings = new Dictionary<string, Marten.Events.EventMapping>();
        var serializer = store.Options.Serializer();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"select data, type, seq_id, id, stream_id, version, timestamp, tenant_id from {Setup.Schema}.mt_events " +
                              "where seq_id <= @last and is_archived = false order by seq_id";
        command.Parameters.Add(new Npgsql.NpgsqlParameter("last", last));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var name = reader.GetString(1);
            if (!mappings.TryGetValue(name, out var mapping))
            {
                mapping = graph.AllKnownEventTypes().Where(t => t.EventTypeName == name).Select(t => graph.EventMappingFor(t.EventType)).FirstOrDefault()
                          ?? throw new InvalidOperationException($"Event {reader.GetInt64(2)} is of type '{name}', which is not registered.");
                mappings[name] = mapping;
            }
            var e = mapping.Wrap(serializer.FromJson(mapping.DocumentType, reader, 0));
            e.Sequence = reader.GetInt64(2);
            e.Id = reader.GetGuid(3);
            e.StreamId = reader.GetGuid(4);
            e.Version = reader.GetInt64(5);
            e.Timestamp = reader.GetFieldValue<DateTimeOffset>(6);
            e.TenantId = reader.GetString(7);
            yield return e;
        }
    }

    /// <summary>A projection that folds without the session (it overrides Evolve, not EvolveAsync).</summary>
    private static Func<TDoc?, TKey, IQuerySession, IEvent, CancellationToken, ValueTask<TDoc?>> Sync<TDoc, TKey>(Func<TDoc?, TKey, IEvent, TDoc?> evolve) =>
        (snapshot, key, _, e, _) => ValueTask.FromResult(evolve(snapshot, key, e));

    /// <summary>
    /// Documents with a duplicated column PostgreSQL computes from text (the outputs' tsvector) are written through the
    /// upsert functions; binary COPY would send the text as the column's binary form. (The credit years' totals are sent
    /// as jsonb, which COPY writes: 42 → 28 s for 65,562 credit years.)
    /// </summary>
    private static readonly HashSet<Type> ComputedColumns = [typeof(OutputRecord)];

    private abstract class Slot
    {
        public abstract string Name { get; }
        public abstract int Count { get; }
        public abstract ValueTask Apply(IEvent e, IQuerySession session, CancellationToken ct);

        /// <summary>Deletes the projection's documents and writes the folded ones.</summary>
        public abstract Task Replace(IDocumentStore store, CancellationToken ct);

        public static Slot<TDoc, TKey> Of<TDoc, TKey>(
            Func<TDoc?, TKey, IQuerySession, IEvent, CancellationToken, ValueTask<TDoc?>> evolve, Func<IEvent, IEnumerable<TKey>> keys)
            where TDoc : class where TKey : notnull =>
            new(keys, evolve);
    }

    private sealed class Slot<TDoc, TKey>(
        Func<IEvent, IEnumerable<TKey>> keys,
        Func<TDoc?, TKey, IQuerySession, IEvent, CancellationToken, ValueTask<TDoc?>> evolve) : Slot
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
            // Measured: dropping the secondary indexes and building them after the load was no faster.
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(TDoc), ct);
            if (!ComputedColumns.Contains(typeof(TDoc)))
            {
                await store.BulkInsertAsync(_docs.Values.ToList(), BulkInsertMode.InsertsOnly, 5_000, ct);
                return;
            }
            foreach (var batch in _docs.Values.Chunk(1_000))
            {
                await using var session = store.LightweightSession();
                session.Store(batch);
                await session.SaveChangesAsync(ct);
            }
        }
    }
}
