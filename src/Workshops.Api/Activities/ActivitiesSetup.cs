using JasperFx.Events.Projections;
using Marten;

namespace Workshops.Activities;

public static class ActivitiesSetup
{
    /// <summary>
    /// An activity's entry is small and written inline (a plain insert when it is logged): lists, the ledger and the
    /// 24-hours-a-day rule read it at once. The studio's activities are looked up by date, and listed newest first.
    /// </summary>
    public static StoreOptions AddActivities(this StoreOptions opts)
    {
        opts.Projections.Add<ActivityEntryProjection>(ProjectionLifecycle.Inline);
        opts.Schema.For<ActivityEntry>().Index(a => new { a.StudioId, a.Date });
        return opts;
    }
}
