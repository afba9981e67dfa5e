using JasperFx.Events.Projections;
using Marten;

namespace Workshops.Growth;

public static class GrowthSetup
{
    /// <summary>Growth files and credit years span studios and are only read, so the async daemon keeps them.</summary>
    public static StoreOptions AddGrowth(this StoreOptions opts)
    {
        opts.Projections.Add<TeacherFileProjection>(ProjectionLifecycle.Async);
        opts.Projections.Add<CreditYearProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<CreditYear>().Index(c => c.TeacherId);
        opts.Schema.For<CustomPolicy>();
        opts.Schema.For<RegionPolicySet>();
        return opts;
    }
}
