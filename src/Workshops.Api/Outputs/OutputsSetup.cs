using JasperFx.Events.Projections;
using Marten;

namespace Workshops.Outputs;

public static class OutputsSetup
{
    /// <summary>
    /// An output's standing (what its commands decide on) and its record (the output itself, bounded by its revisions) are
    /// written inline with its own events: outputs are written rarely, and a reviewer reads one the moment it changes.
    /// </summary>
    public static StoreOptions AddOutputs(this StoreOptions opts)
    {
        // The search terms are a tsvector value, written in PostgreSQL's binary form by the upserts and by the rebuild's
        // COPY alike: Weasel is told the type's column and parameter types, and Marten that it is one value, not a
        // collection of its lexemes.
        Weasel.Postgresql.PostgresqlProvider.Instance.RegisterMapping(typeof(NpgsqlTypes.NpgsqlTsVector), "tsvector", NpgsqlTypes.NpgsqlDbType.TsVector);
        if (!opts.Linq.MemberSources.OfType<TsVectorMembers>().Any()) opts.Linq.MemberSources.Add(new TsVectorMembers());
        opts.Projections.Add<OutputStandingProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<OutputRecordProjection>(ProjectionLifecycle.Inline);
        // Reviewers' searches filter by region, state, kind and year, sort by region, school, studio and title, and rank
        // by title and summary: those are real columns, so a search that matches most outputs never unpacks the
        // documents to filter, rank or order them. The search terms are kept as a stored tsvector (written as text,
        // parsed by PostgreSQL once per write) with a GIN index: a common term costs a column read per row, not a parse
        // of the terms.
        opts.Schema.For<OutputRecord>().Index(o => o.StudioId).Duplicate(o => o.Year)
            .Duplicate(o => o.School).Duplicate(o => o.StudioName).Duplicate(o => o.Facts.Title).Duplicate(o => o.Facts.Summary!)
            .Duplicate(o => o.Province).Duplicate(o => o.City).Duplicate(o => o.District!)
            .Duplicate(o => o.StateCode).Duplicate(o => o.LevelCode!).Duplicate(o => o.KindCode).Duplicate(o => o.CategoryCode!)
            // The public showcase reads published outputs only: a column, indexed, not a containment test on every document.
            .Duplicate(o => o.Published)
            .Duplicate(o => o.SearchTerms, pgType: "tsvector", dbType: NpgsqlTypes.NpgsqlDbType.TsVector,
                configure: i => i.Method = Weasel.Postgresql.Tables.IndexMethod.gin);
        return opts;
    }

    /// <summary>A tsvector member is one value in a column of its own (never queried inside the JSON).</summary>
    private sealed class TsVectorMembers : Marten.Linq.Members.IMemberSource
    {
        public bool TryResolve(Marten.Linq.Members.IQueryableMember parent, StoreOptions options, System.Reflection.MemberInfo memberInfo, Type memberType,
            [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Marten.Linq.Members.IQueryableMember? member)
        {
            member = memberType == typeof(NpgsqlTypes.NpgsqlTsVector)
                ? new Marten.Linq.Members.SimpleCastMember(parent, options.Serializer().Casing, memberInfo, "tsvector")
                : null;
            return member is not null;
        }
    }

    /// <summary>
    /// Search terms were only inside the document once, as text in tsvector's input form; documents written since hold
    /// no terms (<see cref="OutputRecord.SearchTerms"/>): theirs are computed from the facts.
    /// </summary>
    public static readonly Core.SchemaUpgrades.Upgrade SearchTermsColumn =
        new("mt_doc_outputrecord", "search_terms", "tsvector", "(data ->> 'searchTerms')::tsvector", ComputeSearchTerms);

    private static async Task ComputeSearchTerms(Npgsql.NpgsqlConnection connection, CancellationToken ct)
    {
        var table = $"{Core.Setup.Schema}.mt_doc_outputrecord";
        var terms = new List<(Guid Id, string Terms)>();
        await using (var read = new Npgsql.NpgsqlCommand(
            $"select id, data -> 'facts' ->> 'title', data -> 'facts' ->> 'summary', data -> 'facts' ->> 'body' from {table} where search_terms is null", connection))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                terms.Add((reader.GetGuid(0), Reports.ChineseText.Terms(reader.IsDBNull(1) ? null : reader.GetString(1),
                    reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3))));
        }
        foreach (var (id, text) in terms)
        {
            await using var write = new Npgsql.NpgsqlCommand($"update {table} set search_terms = $2::tsvector where id = $1", connection);
            write.Parameters.Add(new Npgsql.NpgsqlParameter { Value = id });
            write.Parameters.Add(new Npgsql.NpgsqlParameter { Value = text });
            await write.ExecuteNonQueryAsync(ct);
        }
    }
}
