using JasperFx.Events.Projections;
using Marten;

namespace Workshops.Growth;

public static class GrowthSetup
{
    /// <summary>Growth files span studios and are only read, so the async daemon keeps them.</summary>
    public static StoreOptions AddGrowth(this StoreOptions opts)
    {
        opts.Projections.Add<TeacherFileProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<CustomPolicy>();
        opts.Schema.For<RegionPolicySet>();
        return opts;
    }
}
