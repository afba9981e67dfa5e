using JasperFx.Events.Projections;
using Marten;

namespace Workshops.Reports;

public static class ReportsSetup
{
    /// <summary>Honours are counted by the regional dashboard only: the daemon keeps them.</summary>
    public static StoreOptions AddReports(this StoreOptions opts)
    {
        opts.Projections.Add<HonourProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<Honour>().Index(h => h.City).Index(h => h.Province);
        return opts;
    }
}
