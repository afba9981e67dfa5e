using JasperFx.Events;
using Marten;
using Npgsql;

namespace Workshops.Core;

/// <summary>
/// Reads documents the async daemon keeps together with the events of their streams it has not folded into them yet,
/// in one statement, so in one snapshot: each document is exactly the fold of its stream's events up to its
/// projection's progression, and folding the events after it gives the document as of the stream's last event. A client
/// that has just written reads its write (as Marten's FetchLatest does for one aggregate, here for any documents a
/// stream feeds).
/// </summary>
public static class Latest
{
    /// <summary>Documents of one type by id; they are kept by the projection named after the type.</summary>
    public sealed record Want(Type Type, Array Ids);

    /// <summary>What a want found: the documents, and the progression of their projection (events after it are not in them).</summary>
    public sealed record Found(IReadOnlyList<object> Documents, long Progression)
    {
        public IEnumerable<T> Of<T>() => Documents.Cast<T>();

        /// <summary>The pending events this projection has not folded.</summary>
        public IEnumerable<IEvent> Unfolded(IEnumerable<IEvent> pending) => pending.Where(e => e.Sequence > Progression);
    }

    /// <param name="Found">One per want, in order.</param>
    /// <param name="Pending">Events of the streams after the lowest progression, in order.</param>
    /// <param name="Versions">Each existing stream's version.</param>
    public sealed record Read(IReadOnlyList<Found> Found, IReadOnlyList<IEvent> Pending, IReadOnlyDictionary<Guid, long> Versions);

    /// <summary>How many of a stream's latest events are looked at in the first statement; more pending are read again.</summary>
    private const int Window = 64;

    public static async Task<Read> Of(IQuerySession session, IReadOnlyCollection<Guid> streams, CancellationToken ct, params Want[] wants)
    {
        var store = session.DocumentStore;
        var schema = store.Options.DatabaseSchemaName;
        var serializer = store.Options.Serializer();
        var rows = new EventRows(store);
        // The session's own database: with a database per province, the province the session was opened on.
        await using var connection = session.Database.CreateConnection();
        await connection.OpenAsync(ct);

        await using var cmd = connection.CreateCommand();
        var parts = new List<string>();
        for (var i = 0; i < wants.Length; i++)
        {
            var name = wants[i].Type.Name;
            parts.Add($"select {i} as part, d.data, null::varchar, null::bigint, null::uuid, null::uuid, null::bigint, null::timestamptz, null::varchar " +
                      $"from {schema}.mt_doc_{name.ToLowerInvariant()} d where d.id = any(${i + 2})");
            parts.Add($"select -3, null, null, coalesce((select last_seq_id from {schema}.mt_event_progression where name = '{name}:All'), 0), " +
                      $"null, null, {i}, null, null");
            cmd.Parameters.Add(new NpgsqlParameter { Value = wants[i].Ids });
        }
        var lowest = string.Join(", ", wants.Select(w => $"(select last_seq_id from {schema}.mt_event_progression where name = '{w.Type.Name}:All')"));
        parts.Add($"select -1, {EventRows.Columns("e")} from unnest($1::uuid[]) s(id) cross join lateral " +
                  $"(select * from {schema}.mt_events x where x.stream_id = s.id and x.is_archived = false order by x.version desc limit {Window}) e " +
                  $"where e.seq_id > coalesce(least({lowest}), 0)");
        parts.Add($"select -2, null, null, s.version, null, s.id, null, null, null from {schema}.mt_streams s where s.id = any($1)");
        cmd.CommandText = string.Join("\nunion all\n", parts);
        cmd.Parameters.Insert(0, new NpgsqlParameter { Value = streams.ToArray() });

        var docs = wants.Select(_ => new List<object>()).ToArray();
        var progressions = new long[wants.Length];
        var pending = new List<IEvent>();
        var versions = new Dictionary<Guid, long>();
        await using (var reader = await cmd.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                switch (reader.GetInt32(0))
                {
                    case >= 0 and var part: docs[part].Add(serializer.FromJson(wants[part].Type, reader, 1)); break;
                    case -1: pending.Add(rows.Read(reader, 1)); break;
                    case -2: versions[reader.GetGuid(5)] = reader.GetInt64(3); break;
                    default: progressions[reader.GetInt64(6)] = reader.GetInt64(3); break;
                }
            }
        }

        // A stream with a full window of pending events may have more: read them all (a daemon far behind, or stopped).
        foreach (var stream in pending.GroupBy(e => e.StreamId).Where(g => g.Count() >= Window).Select(g => g.Key).ToList())
        {
            var after = progressions.Min();
            await using var more = connection.CreateCommand();
            more.CommandText = $"select {EventRows.Columns("e")} from {schema}.mt_events e where e.stream_id = $1 and e.seq_id > $2 and e.is_archived = false order by e.seq_id";
            more.Parameters.Add(new NpgsqlParameter { Value = stream });
            more.Parameters.Add(new NpgsqlParameter { Value = after });
            pending.RemoveAll(e => e.StreamId == stream);
            await using var reader = await more.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) pending.Add(rows.Read(reader));
        }

        // Events read in a later statement may be newer than the versions read with the documents.
        foreach (var e in pending) versions[e.StreamId] = Math.Max(versions.GetValueOrDefault(e.StreamId), e.Version);
        return new Read([.. docs.Select((d, i) => new Found(d, progressions[i]))], [.. pending.OrderBy(e => e.Sequence)], versions);
    }
}
