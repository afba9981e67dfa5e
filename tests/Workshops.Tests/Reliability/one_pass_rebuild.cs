extern alias bench;
using bench::Workshops.Bench;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;
using Workshops.Core;
using Workshops.Projections;

namespace Workshops.Tests.Reliability;

/// <summary>
/// The one-pass rebuild over the benchmark's generated studios, in a database of their own (it truncates every
/// projection's table). The documents it writes are compared with the daemon's in the crash test; here, what it does
/// to the tables around them: their indexes and keys are dropped for the load and built after it, and the outputs'
/// search terms are written in tsvector's binary form.
/// </summary>
public sealed class one_pass_rebuild
{
    [Fact]
    public async Task leaves_every_table_with_its_indexes_and_the_outputs_with_their_search_terms()
    {
        var ct = TestContext.Current.CancellationToken;
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Marten")
                     ?? throw new InvalidOperationException("The tests run with ConnectionStrings__Marten set (ops/test).");
        var name = $"rebuild_{Guid.NewGuid():N}";
        await using (var admin = NpgsqlDataSource.Create(server))
        await using (var create = admin.CreateCommand($"create database {name}"))
            await create.ExecuteNonQueryAsync(ct);
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
            using var store = DocumentStore.For(opts =>
            {
                opts.Connection(connection);
                Features.Store(opts);
            });
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            // The events are written as they are, without projecting them: the first rebuild writes every document.
            await new Generator(20261127).Run(store, 3, 30, _ => { });
            await using var data = NpgsqlDataSource.Create(connection);
            var tables = ((IDocumentStore)store).Options.Events.Projections().Select(p => $"mt_doc_{p.Name.ToLowerInvariant()}").Distinct().ToArray();
            var structure = await Chaos.Structure(data, tables);
            Assert.Contains(structure, line => line.Contains("USING gin (search_terms)"));
            Assert.Contains(structure, line => line.Contains("PRIMARY KEY"));

            var first = await Rebuilds.OnePass(store, ct);
            Assert.Equal(structure, await Chaos.Structure(data, tables));
            var outputs = await Rows(data, "select id::text || ' ' || search_terms::text || ' ' || data::text from workshops.mt_doc_outputrecord order by id", ct);
            var activities = await Rows(data, "select id::text || ' ' || data::text from workshops.mt_doc_activityentry order by id", ct);
            Assert.True(outputs.Count > 10, $"{outputs.Count} outputs");
            Assert.Equal(outputs.Count, first.Documents[nameof(Workshops.Outputs.OutputRecord)]);
            // Each output's terms, sent in tsvector's binary form, are what PostgreSQL reads from their text.
            var (ids, terms) = (new List<Guid>(), new List<string>());
            await using (var facts = data.CreateCommand(
                             "select id, data -> 'facts' ->> 'title', data -> 'facts' ->> 'summary', data -> 'facts' ->> 'body' from workshops.mt_doc_outputrecord"))
            await using (var reader = await facts.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct))
                {
                    ids.Add(reader.GetGuid(0));
                    terms.Add(Workshops.Reports.ChineseText.Terms(reader.IsDBNull(1) ? null : reader.GetString(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
                }
            await using (var differ = data.CreateCommand(
                             "select count(*) from workshops.mt_doc_outputrecord o join unnest($1::uuid[], $2::text[]) t(id, terms) on t.id = o.id " +
                             "where o.search_terms is distinct from t.terms::tsvector"))
            {
                differ.Parameters.AddWithValue(ids.ToArray());
                differ.Parameters.AddWithValue(terms.ToArray());
                Assert.Equal(0L, (long)(await differ.ExecuteScalarAsync(ct))!);
            }

            // Rebuilt again over the documents the first wrote: the same documents, terms, indexes and keys.
            await Rebuilds.OnePass(store, ct);
            Assert.Equal(structure, await Chaos.Structure(data, tables));
            Assert.Equal(outputs, await Rows(data, "select id::text || ' ' || search_terms::text || ' ' || data::text from workshops.mt_doc_outputrecord order by id", ct));
            Assert.Equal(activities, await Rows(data, "select id::text || ' ' || data::text from workshops.mt_doc_activityentry order by id", ct));
            // The rebuilt terms are searched through their index: an output's title, as a reviewer's search asks for it.
            var title = await Rows(data, "select data -> 'facts' ->> 'title' from workshops.mt_doc_outputrecord order by id limit 1", ct);
            var query = Workshops.Reports.ChineseText.Query(title.Single())!;
            await using var searching = await data.OpenConnectionAsync(ct);
            await using (var indexOnly = new NpgsqlCommand("set enable_seqscan = off", searching)) await indexOnly.ExecuteNonQueryAsync(ct);
            await using var found = new NpgsqlCommand(
                "select count(*) from workshops.mt_doc_outputrecord where search_terms @@ to_tsquery('simple', $1)", searching);
            found.Parameters.AddWithValue(query);
            Assert.True((long)(await found.ExecuteScalarAsync(ct))! >= 1);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = NpgsqlDataSource.Create(server);
            await using var drop = admin.CreateCommand($"drop database if exists {name} with (force)");
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static async Task<List<string>> Rows(NpgsqlDataSource data, string sql, CancellationToken ct)
    {
        await using var command = data.CreateCommand(sql);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(reader.GetString(0));
        return rows;
    }
}
