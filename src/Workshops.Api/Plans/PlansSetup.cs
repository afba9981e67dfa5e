using JasperFx.Events.Projections;
using Marten;

namespace Workshops.Plans;

public static class PlansSetup
{
    /// <summary>Each ledger task's standing is a small document of its own, written inline by the events that move it.</summary>
    public static StoreOptions AddPlans(this StoreOptions opts)
    {
        opts.Projections.Add<TaskStandingProjection>(ProjectionLifecycle.Inline);
        return opts;
    }
}
