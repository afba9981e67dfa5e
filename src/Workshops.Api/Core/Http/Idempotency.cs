using System.Security.Cryptography;
using Marten;
using Npgsql;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Workshops.Core.Auth;

namespace Workshops.Core.Http;

/// <summary>
/// Idempotency-Key on writes. The key is recorded inside the same transaction as the events the request
/// appends (see <see cref="WriteAudit"/>), so a retried request either finds the committed answer and replays
/// it, or finds nothing and runs again; it never appends twice. Keys are scoped to the caller.
/// </summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const string Table = "ws_idempotency";
    private const string ItemKey = "workshops.idempotency";

    public sealed record Pending(string Caller, string Key, string Method, string Path, string Fingerprint);

    public static Pending? Of(HttpContext http) => http.Items[ItemKey] as Pending;

    public static void AddSchema(StoreOptions opts)
    {
        var table = new Table(new PostgresqlObjectName(opts.DatabaseSchemaName, Table, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("caller").AsPrimaryKey();
        table.AddColumn<string>("key").AsPrimaryKey();
        table.AddColumn<string>("method").NotNull();
        table.AddColumn<string>("path").NotNull();
        table.AddColumn<string>("fingerprint").NotNull();
        table.AddColumn<int>("status");
        table.AddColumn<string>("content_type");
        table.AddColumn<string>("location");
        table.AddColumn<string>("etag");
        table.AddColumn("body", "bytea");
        table.AddColumn("created_at", "timestamptz").DefaultValueByExpression("now()");
        table.AddColumn("completed_at", "timestamptz");
        opts.Storage.ExtendedSchemaObjects.Add(table);
    }

    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var key = http.Request.Headers[Header].ToString();
        if (!Bodies.IsWrite(http.Request.Method) || string.IsNullOrEmpty(key) || Caller.TryFrom(http.User) is not { } caller || AuthorUnrecordedAttribute.On(http))
        {
            await next(http);
            return;
        }
        if (key.Length > 100 || !key.All(c => c is >= '!' and <= '~'))
        {
            await http.WriteProblem(Problems.Invalid(Header, "must be 1-100 printable ASCII characters"));
            return;
        }

        // The key lives in the database of the request's tenant, where the write's transaction records it (Record).
        if (await http.RequestServices.GetRequiredService<TenantData>().Of(http) is not { } data)
        {
            await next(http); // a province without a database: the endpoint refuses it (404)
            return;
        }
        var fingerprint = await Fingerprint(http);
        var schema = http.RequestServices.GetRequiredService<IDocumentStore>().Options.DatabaseSchemaName;
        var stored = await Find(data, schema, caller.Id, key, http.RequestAborted);
        if (stored is not null)
        {
            await Replay(http, stored, fingerprint);
            return;
        }

        var pending = new Pending(caller.Id, key, http.Request.Method, http.Request.Path, fingerprint);
        http.Items[ItemKey] = pending;
        var original = http.Response.Body;
        var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await next(http);
            if (http.Response.StatusCode is >= 200 and < 300)
            {
                await Complete(data, schema, pending, http, buffer.ToArray());
            }
        }
        finally
        {
            http.Response.Body = original;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, http.RequestAborted);
        }
    });

    private sealed record Stored(string Fingerprint, int? Status, string? ContentType, string? Location, string? ETag, byte[]? Body);

    private static async Task<string> Fingerprint(HttpContext http)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}\n"));
        if (http.Request.Body.CanSeek)
        {
            http.Request.Body.Position = 0;
            var bytes = new byte[http.Request.Body.Length];
            await http.Request.Body.ReadExactlyAsync(bytes, http.RequestAborted);
            sha.AppendData(bytes);
            http.Request.Body.Position = 0;
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    private static async Task<Stored?> Find(NpgsqlDataSource data, string schema, string caller, string key, CancellationToken ct)
    {
        await using var cmd = data.CreateCommand(
            $"select fingerprint, status, content_type, location, etag, body from {schema}.{Table} where caller = $1 and key = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = caller });
        cmd.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new Stored(
            reader.GetString(0),
            reader.IsDBNull(1) ? null : reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : (byte[])reader.GetValue(5));
    }

    private static async Task Replay(HttpContext http, Stored stored, string fingerprint)
    {
        if (stored.Fingerprint != fingerprint)
        {
            await http.WriteProblem(Problems.Rule("idempotency.key-reused",
                "This Idempotency-Key was already used for a different request; use a new key."));
            return;
        }
        if (stored.Status is null)
        {
            // The write committed but its answer was not recorded (the process stopped in between).
            await http.WriteProblem(Problems.Conflict("idempotency.answer-lost",
                "The request with this Idempotency-Key was applied, but its answer was not kept; read the resource to see its state."));
            return;
        }
        http.Response.StatusCode = stored.Status.Value;
        if (stored.ContentType is not null) http.Response.ContentType = stored.ContentType;
        if (stored.Location is not null) http.Response.Headers.Location = stored.Location;
        if (stored.ETag is not null) http.Response.Headers.ETag = stored.ETag;
        http.Response.Headers[ReplayedHeader] = "true";
        if (stored.Body is { Length: > 0 }) await http.Response.Body.WriteAsync(stored.Body, http.RequestAborted);
    }

    private static async Task Complete(NpgsqlDataSource data, string schema, Pending pending, HttpContext http, byte[] body)
    {
        await using var cmd = data.CreateCommand($"""
            insert into {schema}.{Table} (caller, key, method, path, fingerprint, status, content_type, location, etag, body, completed_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())
            on conflict (caller, key) do update set status = excluded.status, content_type = excluded.content_type,
              location = excluded.location, etag = excluded.etag, body = excluded.body, completed_at = now()
            """);
        object? Db(string? s) => string.IsNullOrEmpty(s) ? DBNull.Value : s;
        cmd.Parameters.Add(new NpgsqlParameter { Value = pending.Caller });
        cmd.Parameters.Add(new NpgsqlParameter { Value = pending.Key });
        cmd.Parameters.Add(new NpgsqlParameter { Value = pending.Method });
        cmd.Parameters.Add(new NpgsqlParameter { Value = pending.Path });
        cmd.Parameters.Add(new NpgsqlParameter { Value = pending.Fingerprint });
        cmd.Parameters.Add(new NpgsqlParameter { Value = http.Response.StatusCode });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Db(http.Response.ContentType) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Db(http.Response.Headers.Location.ToString()) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Db(http.Response.Headers.ETag.ToString()) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = body });
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    /// <summary>Called inside the write's transaction: the key row commits with the events or not at all.</summary>
    public static void Record(HttpContext http, IDocumentSession session)
    {
        if (Of(http) is not { } p) return;
        session.QueueSqlCommand(
            $"insert into {session.DocumentStore.Options.DatabaseSchemaName}.{Table} (caller, key, method, path, fingerprint) values (?, ?, ?, ?, ?)",
            p.Caller, p.Key, p.Method, p.Path, p.Fingerprint);
    }
}

/// <summary>
/// Wolverine middleware on every write endpoint: stamps the Marten session with the correlation id and the
/// acting user (stored as event metadata), and records the idempotency key in the same transaction.
/// </summary>
public static class WriteAudit
{
    public static void Before(HttpContext http, IDocumentSession session)
    {
        if (AuthorUnrecordedAttribute.On(http)) return;
        session.CorrelationId = Correlation.Of(http);
        if (Caller.TryFrom(http.User) is { } caller) session.LastModifiedBy = caller.Id;
        Idempotency.Record(http, session);
    }
}
