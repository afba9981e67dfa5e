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
            .Duplicate(o => o.SearchTerms, pgType: "tsvector", dbType: NpgsqlTypes.NpgsqlDbType.Unknown,
                configure: i => i.Method = Weasel.Postgresql.Tables.IndexMethod.gin);
        return opts;
    }

    /// <summary>Search terms were only inside the document once, as text in tsvector's input form.</summary>
    public static readonly Core.SchemaUpgrades.Upgrade SearchTermsColumn =
        new("mt_doc_outputrecord", "search_terms", "tsvector", "(data ->> 'searchTerms')::tsvector");
}
