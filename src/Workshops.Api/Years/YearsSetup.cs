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
        opts.Schema.For<StudioYear>().Index(y => y.StudioId);
        opts.Schema.For<ActivityRecord>().Index(a => a.StudioId).Index(a => a.Year).Index(a => a.Date);
        opts.Schema.For<OutputRecord>().Index(o => o.StudioId).Index(o => o.Year).Index(o => o.City).Index(o => o.Province)
            .FullTextIndex("simple", o => o.SearchTerms);
        return opts;
    }
}
