using JasperFx.Events.Projections;
using Marten;

namespace Workshops.Years;

public static class YearsSetup
{
    /// <summary>
    /// The year documents are kept by the daemon: an activity no longer rewrites its year in the write transaction. A
    /// read folds what the daemon has not folded yet (<see cref="History.Load"/>), so a client reads its own write.
    /// </summary>
    public static StoreOptions AddStudioYears(this StoreOptions opts)
    {
        opts.Projections.Add<StudioYearProjection>(ProjectionLifecycle.Async);
        opts.Schema.For<StudioYear>().Duplicate(y => y.StudioId).Duplicate(y => y.Year);
        return opts;
    }
}
