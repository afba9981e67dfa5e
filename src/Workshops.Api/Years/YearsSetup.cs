using JasperFx.Events.Projections;
using Marten;
using Workshops.Activities;
using Workshops.Outputs;

namespace Workshops.Years;

public static class YearsSetup
{
    /// <summary>The year documents, activities and outputs are kept inline: a write is visible to the next read.</summary>
    public static StoreOptions AddStudioYears(this StoreOptions opts)
    {
        opts.Projections.Add<StudioYearProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<ActivityRecordProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<OutputRecordProjection>(ProjectionLifecycle.Inline);
        opts.Projections.Add<Reports.HonourProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<Reports.Honour>().Index(h => h.City).Index(h => h.Province);
        opts.Schema.For<StudioYear>().Duplicate(y => y.StudioId).Duplicate(y => y.Year);
        opts.Schema.For<ActivityRecord>().Index(a => a.StudioId).Index(a => a.Year).Index(a => a.Date);
        // Reviewers' searches filter by region, state, kind and year, sort by region, school, studio and title, and rank
        // by title and summary: those are real columns, so a search that matches most outputs never unpacks the
        // documents to filter, rank or order them. The search terms are kept as a stored
        // tsvector (written as text, parsed by PostgreSQL once per write) with a GIN index: a common term costs a
        // column read per row, not a parse of the terms.
        opts.Schema.For<OutputRecord>().Index(o => o.StudioId).Duplicate(o => o.Year)
            .Duplicate(o => o.School).Duplicate(o => o.StudioName).Duplicate(o => o.Facts.Title).Duplicate(o => o.Facts.Summary!)
            .Duplicate(o => o.Province).Duplicate(o => o.City).Duplicate(o => o.District!)
            .Duplicate(o => o.StateCode).Duplicate(o => o.LevelCode!).Duplicate(o => o.KindCode).Duplicate(o => o.CategoryCode!)
            .Duplicate(o => o.SearchTerms, pgType: "tsvector", dbType: NpgsqlTypes.NpgsqlDbType.Unknown,
                configure: i => i.Method = Weasel.Postgresql.Tables.IndexMethod.gin);
        return opts;
    }
}
