using Npgsql;

namespace Workshops.Core;

/// <summary>
/// Columns the schema comparison cannot add to a table that already has rows: a duplicated field stored as a type
/// other than text (a jsonb or tsvector column filled from a text value) is back-filled by a statement that assigns
/// text to it, which PostgreSQL refuses. These (registered by the capabilities that own them) are added here first,
/// filled from the documents, and the comparison then finds them in place. Runs before the schema is applied at
/// start-up; does nothing on a new database. With a database per province, every tenant database is upgraded.
/// </summary>
public sealed class SchemaUpgrades(TenantData databases, IEnumerable<SchemaUpgrades.Upgrade> upgrades, ILogger<SchemaUpgrades> log) : IHostedService
{
    /// <summary>
    /// A column of <paramref name="Table"/> of <paramref name="Type"/>, filled by the expression <paramref name="Fill"/>, then
    /// by <paramref name="Compute"/> where the documents do not hold the value (it is computed from them in .NET).
    /// </summary>
    public sealed record Upgrade(string Table, string Column, string Type, string Fill, Func<NpgsqlConnection, CancellationToken, Task>? Compute = null);

    public async Task StartAsync(CancellationToken ct)
    {
        foreach (var data in databases.Every) await Apply(data, ct);
    }

    private async Task Apply(NpgsqlDataSource data, CancellationToken ct)
    {
        await using var connection = await data.OpenConnectionAsync(ct);
        foreach (var u in upgrades)
        {
            await using var exists = new NpgsqlCommand(
                "select (to_regclass($1) is not null), exists (select 1 from information_schema.columns where table_schema = $2 and table_name = $3 and column_name = $4)",
                connection);
            exists.Parameters.Add(new() { Value = $"{Setup.Schema}.{u.Table}" });
            exists.Parameters.Add(new() { Value = Setup.Schema });
            exists.Parameters.Add(new() { Value = u.Table });
            exists.Parameters.Add(new() { Value = u.Column });
            bool table, column;
            await using (var reader = await exists.ExecuteReaderAsync(ct))
            {
                await reader.ReadAsync(ct);
                (table, column) = (reader.GetBoolean(0), reader.GetBoolean(1));
            }
            if (!table || column) continue;
            await using var add = new NpgsqlCommand(
                $"alter table {Setup.Schema}.{u.Table} add column {u.Column} {u.Type}; update {Setup.Schema}.{u.Table} set {u.Column} = {u.Fill};",
                connection);
            add.CommandTimeout = 0;
            await add.ExecuteNonQueryAsync(ct);
            if (u.Compute is { } compute) await compute(connection, ct);
            log.LogInformation("Schema upgrade: added {Table}.{Column} to {Database} and filled it from the documents", u.Table, u.Column, connection.Database);
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
