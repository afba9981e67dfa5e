using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.RateLimiting;
using Marten;
using Npgsql;
using NpgsqlTypes;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;
using Workshops.Core;
using Workshops.Core.Http;
using Workshops.Growth;
using Workshops.Programmes;
using Workshops.Standards;
using Workshops.Teachers;
using Workshops.Training;

namespace Workshops.Views;

/// <summary>
/// Views computed on read (checklists, annual reports, year views, ledgers, and the studio view, converted from its
/// stored document) are kept with a fingerprint of everything they were computed from, and served again, byte for
/// byte, while that fingerprint still holds. The answer is always the one computing it again would give: the
/// fingerprint is the studio stream's version and creation, the day asked on and the build (the studio view, its years
/// and its activities are folded from that stream up to that version when the view is computed, whatever the daemon has
/// written yet), and, for every other document the view reads, a count of its changes: for views that judge people one
/// count per roster member (their credit months, growth file, teacher and training records, written by the daemon from
/// other studios' streams and by other endpoints) and one for the reference data (the hour policies, the standards, the
/// rule sets and their adoptions), raised by triggers in the writing transaction (<see cref="ViewMemoSchema"/>); and the
/// row versions (PostgreSQL's xmin) of the studio's evaluation tallies. Any write to any of them, a new day or a new
/// build makes the kept answer unusable. The fingerprint of those documents is taken before
/// they are read, so a write racing the computation leaves a kept answer that never matches again, never a stale one
/// that does. The kept answer carries an ETag; a matching If-None-Match answers 304. "Cache-Control: no-cache" computes
/// afresh. Keeping is an optimisation: when kept answers cannot be read or written the view is computed as without
/// them, and old ones are pruned (<see cref="ViewMemoPruning"/>).
/// </summary>
public sealed class ViewMemo(TenantData databases, TimeProvider clock, IConfiguration config, ILogger<ViewMemo> log) : Core.Contract.IKeepsAnswers
{
    public const string Table = "ws_view_memo";
    public const string Json = "application/json; charset=utf-8";

    private static readonly string Build = typeof(ViewMemo).Assembly.ManifestModule.ModuleVersionId.ToString("N");
    private readonly bool _enabled = config.GetValue("Views:Memo", true);

    /// <summary>
    /// How many answers one client (the token's subject) may add to the kept views per Views:KeepsWindow (an hour) on
    /// this node: a client asking for every past day and year computes its answers but stops filling the table.
    /// </summary>
    private readonly PartitionedRateLimiter<string> _keeps = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, config.GetValue("Views:KeepsPerClient", 1000)),
            Window = config.GetValue("Views:KeepsWindow", TimeSpan.FromHours(1)),
            QueueLimit = 0,
        }));

    /// <summary>
    /// What a view reads besides its studio's stream at <paramref name="Version"/>: with <paramref name="People"/>, the
    /// growth files, credit years and records of <paramref name="Teachers"/> and the policies and standards of
    /// <paramref name="Regions"/> (stored beside the answer; the reference data's one count covers every region).
    /// </summary>
    public sealed record Inputs(Guid StudioId, long Version, IReadOnlyList<string> Teachers, IReadOnlyList<string> Regions, bool People)
    {
        public static Inputs Stream(Guid studioId, long version) => new(studioId, version, [], [], false);
    }

    /// <summary>A fingerprint taken before the documents other than the stream were read.</summary>
    public sealed record Taken(Inputs Inputs, DateTimeOffset Created, string Documents);

    public static void AddSchema(StoreOptions opts)
    {
        var table = new Table(new PostgresqlObjectName(opts.DatabaseSchemaName, Table, SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("key").AsPrimaryKey();
        table.AddColumn<string>("salt").NotNull();
        table.AddColumn<Guid>("studio_id").NotNull();
        table.AddColumn<long>("stream_version").NotNull();
        table.AddColumn("stream_created", "timestamptz").NotNull();
        table.AddColumn<bool>("people").NotNull();
        table.AddColumn("teachers", "text[]").NotNull();
        table.AddColumn("regions", "text[]").NotNull();
        table.AddColumn<string>("documents").NotNull();
        table.AddColumn<string>("etag").NotNull();
        table.AddColumn("body", "bytea").NotNull();
        table.AddColumn("computed_at", "timestamptz").DefaultValueByExpression("now()");
        opts.Storage.ExtendedSchemaObjects.Add(table);
    }

    /// <summary>The key of a view: its name, its studio and the parameters that shape it.</summary>
    public static string Key(string view, Guid studioId, params object?[] parameters) =>
        $"{view}|{studioId}|{string.Join("|", parameters.Select(p => p switch
        {
            null => "",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => p.ToString(),
        }))}";

    /// <summary>The kept answer under <paramref name="key"/> when its fingerprint still holds; null otherwise.</summary>
    public async Task<IResult?> Kept(HttpContext http, string key, CancellationToken ct) =>
        !_enabled || NoCache(http) ? null : await Safely("look up", key, () => Lookup(http, key, ct), ct);

    private async Task<IResult?> Lookup(HttpContext http, string key, CancellationToken ct)
    {
        await using var connection = await (await Data(http)).OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(KeptSql, connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = key, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Salt(), NpgsqlDbType = NpgsqlDbType.Text });
        await cmd.PrepareAsync(ct);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        var etag = reader.GetString(0);
        var body = (byte[])reader.GetValue(1);
        return Answer(http, etag, body);
    }

    /// <summary>Takes the fingerprint of the documents a view is about to read (null when keeping is off or the stream is gone).</summary>
    public async Task<Taken?> Take(HttpContext http, Inputs inputs, CancellationToken ct) =>
        _enabled ? await Safely("fingerprint", inputs.StudioId.ToString(), () => Fingerprint(http, inputs, ct), ct) : null;

    private async Task<Taken?> Fingerprint(HttpContext http, Inputs inputs, CancellationToken ct)
    {
        await using var connection = await (await Data(http)).OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand(TakeSql, connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = inputs.StudioId, NpgsqlDbType = NpgsqlDbType.Uuid });
        cmd.Parameters.Add(new NpgsqlParameter { Value = inputs.Teachers.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = inputs.People, NpgsqlDbType = NpgsqlDbType.Boolean });
        await cmd.PrepareAsync(ct);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new Taken(inputs, reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1));
    }

    /// <summary>Serves a freshly computed view and keeps it under the fingerprint taken before its inputs were read.</summary>
    /// <param name="etagOf">
    /// The view's own ETag from its bytes when it has one (the studio view's starts with its stream version, for If-Match).
    /// </param>
    public async Task<IResult> Keep<T>(HttpContext http, string key, Taken? taken, T view, CancellationToken ct, Func<byte[], string>? etagOf = null)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(view, Workshops.Json.Wire);
        var etag = etagOf?.Invoke(body);
        if (taken is not null && !MayKeep(http)) taken = null;
        if (taken is null) return etag is null ? Results.Bytes(body, Json) : Answer(http, etag, body);
        var salt = Salt();
        etag ??= ETag(key, salt, taken);
        await Safely("keep", key, async () =>
        {
            await Store(await Data(http), key, salt, taken, etag, body, ct);
            return (object?)null;
        }, ct);
        return Answer(http, etag, body);
    }

    private bool MayKeep(HttpContext http)
    {
        var client = Workshops.Core.Auth.Caller.TryFrom(http.User)?.Id ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
        using var lease = _keeps.AttemptAcquire(client);
        return lease.IsAcquired;
    }

    /// <summary>
    /// Removes kept answers computed longer than <paramref name="age"/> ago, so keys asked about once (a past day, a
    /// view nobody reads any more) do not pile up; one still read is computed again on its next read.
    /// </summary>
    public async Task<int> Prune(TimeSpan age, CancellationToken ct)
    {
        var pruned = 0;
        foreach (var data in databases.Every)
        {
            await using var cmd = data.CreateCommand($"delete from {Setup.Schema}.{Table} where computed_at < now() - $1");
            cmd.Parameters.Add(new NpgsqlParameter { Value = age });
            pruned += await cmd.ExecuteNonQueryAsync(ct);
        }
        return pruned;
    }

    /// <summary>The views of a studio are kept in the studio's database (the request's tenant).</summary>
    private async Task<NpgsqlDataSource> Data(HttpContext http) =>
        await databases.Of(http) ?? throw new InvalidOperationException("The request's province has no database.");

    /// <summary>
    /// Keeping is an optimisation: when the kept answers cannot be read or written, the view is computed and served as
    /// without them (logged), never refused.
    /// </summary>
    private async Task<T?> Safely<T>(string what, string key, Func<Task<T?>> work, CancellationToken ct) where T : class
    {
        try
        {
            return await work();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Kept views: could not {What} {Key}", what, key);
            return null;
        }
    }

    /// <summary>
    /// Keeping is a cache write: it does not wait for the disk (synchronous_commit off for this transaction only); an
    /// answer lost in a crash is computed again.
    /// </summary>
    private static async Task Store(NpgsqlDataSource data, string key, string salt, Taken taken, string etag, byte[] body, CancellationToken ct)
    {
        await using var connection = await data.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, tx);
        batch.BatchCommands.Add(new NpgsqlBatchCommand("set local synchronous_commit to off"));
        var cmd = new NpgsqlBatchCommand(
            $"""
             insert into {Setup.Schema}.{Table} (key, salt, studio_id, stream_version, stream_created, people, teachers, regions, documents, etag, body, computed_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
             on conflict (key) do update set salt = excluded.salt, studio_id = excluded.studio_id, stream_version = excluded.stream_version,
               stream_created = excluded.stream_created, people = excluded.people, teachers = excluded.teachers, regions = excluded.regions,
               documents = excluded.documents, etag = excluded.etag, body = excluded.body, computed_at = excluded.computed_at
             """);
        var i = taken.Inputs;
        cmd.Parameters.Add(new NpgsqlParameter { Value = key });
        cmd.Parameters.Add(new NpgsqlParameter { Value = salt });
        cmd.Parameters.Add(new NpgsqlParameter { Value = i.StudioId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = i.Version });
        cmd.Parameters.Add(new NpgsqlParameter { Value = taken.Created });
        cmd.Parameters.Add(new NpgsqlParameter { Value = i.People });
        cmd.Parameters.Add(new NpgsqlParameter { Value = i.Teachers.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = i.Regions.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = taken.Documents });
        cmd.Parameters.Add(new NpgsqlParameter { Value = etag });
        cmd.Parameters.Add(new NpgsqlParameter { Value = body });
        batch.BatchCommands.Add(cmd);
        await batch.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static IResult Answer(HttpContext http, string etag, byte[] body)
    {
        http.Response.Headers.ETag = etag;
        return http.Request.Headers.IfNoneMatch.Any(v => v == etag || v == "*")
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, Json);
    }

    private static bool NoCache(HttpContext http) =>
        http.Request.Headers.CacheControl.Any(v => v?.Contains("no-cache", StringComparison.OrdinalIgnoreCase) == true);

    private string Salt() => $"{clock.Today():yyyy-MM-dd}|{Build}";

    private static string ETag(string key, string salt, Taken taken)
    {
        var text = $"{key}\n{salt}\n{taken.Inputs.Version}\n{taken.Created:O}\n{taken.Documents}";
        return $"\"m{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12).ToLowerInvariant()}\"";
    }

    // Both lookups are prepared: each pooled connection plans them once (about 0.2 ms a time otherwise, more than they
    // take to run).
    private static readonly string KeptSql =
        $"""
         select m.etag, m.body from {Setup.Schema}.{Table} m join {Setup.Schema}.mt_streams s on s.id = m.studio_id
         where m.key = $1 and m.salt = $2 and s.version = m.stream_version and s.created = m.stream_created
           and m.documents = {Documents("m.teachers", "m.people", "m.studio_id")}
         """;

    private static readonly string TakeSql =
        $"select s.created, {Documents("$2", "$3", "$1")} from {Setup.Schema}.mt_streams s where s.id = $1";

    /// <summary>
    /// SQL for the fingerprint of the documents a view reads besides the stream: for views that judge people, the counts
    /// of changes of the roster's teachers and of the reference data (<see cref="ViewMemoSchema"/>: a write of any
    /// teacher's credit months, growth file, teacher or training records, or of any policy, standard or rule set, raises
    /// them in its own transaction), a few rows however long their history; and the studio's evaluation tallies (their
    /// ids and row versions: they are appended to streams of their own).
    /// </summary>
    private static string Documents(string teachers, string people, string studio) =>
        $"""
         md5(case when {people} then coalesce((select string_agg(key || ':' || changes::text, ',' order by key) from {Setup.Schema}.{ViewMemoSchema.Changes}
                 where key = any(array_append({teachers}, '{ViewMemoSchema.Reference}'::text))), '') else '' end
             || coalesce((select string_agg(id::text || ':' || xmin::text, ',' order by id) from {Setup.Schema}.{Doc<Workshops.Evaluations.EvaluationTally>()}
                 where studio_id = {studio}), ''))
         """;

    /// <summary>Marten's table for a document type (its default naming).</summary>
    private static string Doc<T>() => $"mt_doc_{typeof(T).Name.ToLowerInvariant()}";
}

/// <summary>Prunes kept answers once an hour: those computed more than <c>Views:KeepDays</c> (default 7) days ago.</summary>
public sealed class ViewMemoPruning(ViewMemo memo, IConfiguration config, ILogger<ViewMemoPruning> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var age = TimeSpan.FromDays(config.GetValue("Views:KeepDays", 7));
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var pruned = await memo.Prune(age, stoppingToken);
                if (pruned > 0) log.LogInformation("Kept views: pruned {Count} answers computed more than {Age} ago", pruned, age);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Kept views: could not prune");
            }
        }
    }
}
