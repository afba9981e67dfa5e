using System.Diagnostics;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Workshops.Bench;

/// <summary>
/// The raw-database baselines, measured beside the API in the same run and at the same durability: a single-row INSERT
/// of the same JSON into a table shaped like the event table, and a hand-written transaction doing an append's work.
/// </summary>
public static class Baselines
{
    private static byte[] _event = [];
    private static byte[] _view = [];

    public static async Task Prepare(NpgsqlDataSource data, Generated generated)
    {
        await using var cmd = data.CreateCommand("""
            drop table if exists bench_events, bench_streams, bench_views, bench_floor;
            create table bench_events (seq_id bigserial primary key, id uuid not null, stream_id uuid not null, version bigint not null,
              data jsonb not null, type varchar not null, timestamp timestamptz not null default now(), tenant_id varchar default '*DEFAULT*',
              mt_dotnet_type varchar, correlation_id varchar, causation_id varchar, headers jsonb, user_name varchar, is_archived bool default false);
            create unique index on bench_events (stream_id, version);
            create table bench_streams (id uuid primary key, type varchar, version bigint not null, timestamp timestamptz default now());
            create table bench_views (id uuid primary key, data jsonb not null, mt_version uuid, mt_last_modified timestamptz default now());
            """);
        await cmd.ExecuteNonQueryAsync();
        await using (var seed = data.CreateCommand("insert into bench_streams (id, type, version) select unnest($1), 'studio', 1000000"))
        {
            seed.Parameters.Add(new NpgsqlParameter { Value = generated.Studios.Select(s => s.Id).ToArray() });
            await seed.ExecuteNonQueryAsync();
        }
        // The same activity payload the endpoint receives, as the event body; a studio view of realistic size.
        _event = Payload.Activity(generated.Studios[0], 1);
        await using var view = data.CreateCommand("select data::text from workshops.mt_doc_studio limit 1");
        _view = Encoding.UTF8.GetBytes((string)(await view.ExecuteScalarAsync())!);
    }

    public static async Task<Outcome> Insert(NpgsqlDataSource data, GeneratedStudio studio, long n)
    {
        await using var cmd = data.CreateCommand(
            "insert into bench_events (id, stream_id, version, data, type, mt_dotnet_type) values ($1, $2, $3, $4, 'activity_logged', 'ActivityLogged')");
        cmd.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = studio.Id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = n + 10_000_000L * Environment.CurrentManagedThreadId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = _event, NpgsqlDbType = NpgsqlDbType.Jsonb });
        try
        {
            await cmd.ExecuteNonQueryAsync();
            return Outcome.Ok;
        }
        catch (PostgresException) { return Outcome.Error; }
    }

    /// <summary>Read the stream's version, insert the event, bump the stream, upsert the studio view: one transaction.</summary>
    public static async Task<Outcome> Append(NpgsqlDataSource data, GeneratedStudio studio, long n)
    {
        await using var conn = await data.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        try
        {
            long version;
            await using (var read = new NpgsqlCommand("select version from bench_streams where id = $1", conn, tx))
            {
                read.Parameters.Add(new NpgsqlParameter { Value = studio.Id });
                version = (long)(await read.ExecuteScalarAsync())!;
            }
            await using (var batch = new NpgsqlBatch(conn, tx))
            {
                var insert = new NpgsqlBatchCommand("insert into bench_events (id, stream_id, version, data, type, mt_dotnet_type) values ($1, $2, $3, $4, 'activity_logged', 'ActivityLogged')");
                insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
                insert.Parameters.Add(new NpgsqlParameter { Value = studio.Id });
                insert.Parameters.Add(new NpgsqlParameter { Value = version + 1 });
                insert.Parameters.Add(new NpgsqlParameter { Value = _event, NpgsqlDbType = NpgsqlDbType.Jsonb });
                var bump = new NpgsqlBatchCommand("update bench_streams set version = $2, timestamp = now() where id = $1 and version = $3");
                bump.Parameters.Add(new NpgsqlParameter { Value = studio.Id });
                bump.Parameters.Add(new NpgsqlParameter { Value = version + 1 });
                bump.Parameters.Add(new NpgsqlParameter { Value = version });
                var upsert = new NpgsqlBatchCommand("insert into bench_views (id, data) values ($1, $2) on conflict (id) do update set data = excluded.data, mt_last_modified = now()");
                upsert.Parameters.Add(new NpgsqlParameter { Value = studio.Id });
                upsert.Parameters.Add(new NpgsqlParameter { Value = _view, NpgsqlDbType = NpgsqlDbType.Jsonb });
                batch.BatchCommands.Add(insert);
                batch.BatchCommands.Add(bump);
                batch.BatchCommands.Add(upsert);
                await batch.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
            return Outcome.Ok;
        }
        catch (PostgresException)
        {
            await tx.RollbackAsync();
            return Outcome.Conflict;
        }
    }

    public static async Task<Outcome> Select(NpgsqlDataSource data, Guid id)
    {
        await using var cmd = data.CreateCommand("select data from workshops.mt_doc_studio where id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return Outcome.Error;
        _ = reader.GetString(0);
        return Outcome.Ok;
    }

    /// <summary>The key of the kept answer that answers with <paramref name="etag"/> (null when none does).</summary>
    public static async Task<string?> KeptKey(NpgsqlDataSource data, string? etag)
    {
        if (etag is null) return null;
        await using var cmd = data.CreateCommand("select key from workshops.ws_view_memo where etag = $1 limit 1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = etag });
        return await cmd.ExecuteScalarAsync() as string;
    }

    /// <summary>The kept answer's bytes selected by its key: the database's part of a kept read, without the fingerprint.</summary>
    public static async Task<Outcome> SelectKept(NpgsqlDataSource data, string key)
    {
        await using var cmd = data.CreateCommand("select body from workshops.ws_view_memo where key = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await cmd.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return Outcome.Error;
        _ = (byte[])reader.GetValue(0);
        return Outcome.Ok;
    }

    private static readonly string[] DocumentTables =
        ["mt_doc_studiostate", "mt_doc_studioidentity", "mt_doc_taskstanding", "mt_doc_outputstanding", "mt_doc_activityentry", "mt_doc_studio", "mt_doc_studioyear", "mt_doc_outputrecord", "mt_doc_teacherfile", "mt_doc_honour", "mt_doc_creditmonth"];

    public static async Task<long> CountDocuments(NpgsqlDataSource data)
    {
        long total = 0;
        foreach (var table in DocumentTables)
        {
            await using var cmd = data.CreateCommand($"select count(*) from workshops.{table}");
            total += (long)(await cmd.ExecuteScalarAsync())!;
        }
        return total;
    }

    /// <summary>Each document table's rows, JSON bytes as PostgreSQL prints them, stored bytes of the data column
    /// (pg_column_size: after TOAST compression) and the table's whole size with its indexes and TOAST.</summary>
    public static async Task<List<TableSize>> DocumentSizes(NpgsqlDataSource data)
    {
        var sizes = new List<TableSize>();
        foreach (var table in DocumentTables.Append("mt_events"))
        {
            await using var cmd = data.CreateCommand(
                $"select count(*), coalesce(sum(octet_length(data::text)), 0)::bigint, coalesce(sum(pg_column_size(data)), 0)::bigint, " +
                $"pg_total_relation_size('workshops.{table}') from workshops.{table}");
            cmd.CommandTimeout = 0;
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            sizes.Add(new(table, reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }
        return sizes;
    }

    /// <summary>The events' JSON as PostgreSQL prints it, in bytes: what the documents are compared with.</summary>
    public static async Task<long> EventBytes(NpgsqlDataSource data)
    {
        await using var cmd = data.CreateCommand("select coalesce(sum(octet_length(data::text)), 0)::bigint from workshops.mt_events");
        cmd.CommandTimeout = 0;
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    /// <summary>Waits until every async projection has processed the last event; the seconds it took.</summary>
    /// <summary>How many events the slowest async projection has yet to process.</summary>
    public static async Task<long> EventsBehind(NpgsqlDataSource data)
    {
        await using var cmd = data.CreateCommand(
            "select (select coalesce(max(seq_id), 0) from workshops.mt_events) - " +
            "(select coalesce(min(last_seq_id), 0) from workshops.mt_event_progression where name like '%:All')");
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    public static async Task<double> DaemonCaughtUp(NpgsqlDataSource data, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout)
        {
            await using var cmd = data.CreateCommand(
                "select (select coalesce(max(seq_id), 0) from workshops.mt_events) <= " +
                "(select coalesce(min(last_seq_id), 0) from workshops.mt_event_progression where name like '%:All')");
            if ((bool)(await cmd.ExecuteScalarAsync())!) return watch.Elapsed.TotalSeconds;
            await Task.Delay(250);
        }
        throw new TimeoutException($"The async daemon did not catch up within {timeout}.");
    }

    /// <summary>The floor of a rebuild: read every event through Npgsql and COPY as many rows as the projections hold.</summary>
    public static async Task<double> StreamAndCopy(NpgsqlDataSource data, long rows)
    {
        await using (var create = data.CreateCommand("drop table if exists bench_floor; create table bench_floor (id text primary key, data jsonb not null)"))
            await create.ExecuteNonQueryAsync();
        var watch = Stopwatch.StartNew();
        await using var read = await data.OpenConnectionAsync();
        await using var write = await data.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("select id, data from workshops.mt_events order by seq_id", read);
        await using var reader = await cmd.ExecuteReaderAsync();
        await using (var copy = await write.BeginBinaryImportAsync("copy bench_floor (id, data) from stdin (format binary)"))
        {
            long written = 0;
            while (await reader.ReadAsync() && written < rows)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(reader.GetGuid(0).ToString(), NpgsqlDbType.Text);
                await copy.WriteAsync(reader.GetString(1), NpgsqlDbType.Jsonb);
                written++;
            }
            while (await reader.ReadAsync()) { _ = reader.GetString(1); }
            await copy.CompleteAsync();
        }
        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The floor of writing the rebuilt documents themselves: stream every projection's documents (their JSON as
    /// PostgreSQL prints it) through Npgsql and COPY them into a table of id and jsonb, as the floor above does with the events. No
    /// event is read, folded or serialized, and no secondary index is kept: a lower bound of any rebuild that writes
    /// documents of these sizes.
    /// </summary>
    public static async Task<(double Seconds, long Bytes)> CopyDocuments(NpgsqlDataSource data)
    {
        await using (var create = data.CreateCommand("drop table if exists bench_docs; create table bench_docs (id text primary key, data jsonb not null)"))
            await create.ExecuteNonQueryAsync();
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        await using var read = await data.OpenConnectionAsync();
        await using var write = await data.OpenConnectionAsync();
        await using (var copy = await write.BeginBinaryImportAsync("copy bench_docs (id, data) from stdin (format binary)"))
        {
            foreach (var table in DocumentTables)
            {
                await using var cmd = new NpgsqlCommand($"select '{table}:' || id::text, data::text from workshops.{table}", read) { CommandTimeout = 0 };
                await using var reader = await cmd.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var json = reader.GetString(1);
                    bytes += Encoding.UTF8.GetByteCount(json);
                    await copy.StartRowAsync();
                    await copy.WriteAsync(reader.GetString(0), NpgsqlDbType.Text);
                    await copy.WriteAsync(json, NpgsqlDbType.Jsonb);
                }
            }
            await copy.CompleteAsync();
        }
        var seconds = watch.Elapsed.TotalSeconds;
        await using (var drop = data.CreateCommand("drop table bench_docs")) await drop.ExecuteNonQueryAsync();
        return (seconds, bytes);
    }
}
