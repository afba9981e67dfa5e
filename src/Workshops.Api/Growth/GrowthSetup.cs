using JasperFx.Events.Projections;
using Marten;

namespace Workshops.Growth;

public static class GrowthSetup
{
    /// <summary>Growth files and credit months span studios and are only read, so the async daemon keeps them.</summary>
    public static StoreOptions AddGrowth(this StoreOptions opts)
    {
        opts.Projections.Add<TeacherFileProjection>(ProjectionLifecycle.Async);
        opts.Projections.Add<CreditMonthProjection>(ProjectionLifecycle.Async);
        // Teacher and year are columns (a teacher's months are looked up without unpacking their credits).
        opts.Schema.For<CreditMonth>().Duplicate(c => c.TeacherId).Duplicate(c => c.Year);
        // The ministry's "served in" index (a line per teacher and province), looked up by teacher.
        opts.Schema.For<ServedIn>().Duplicate(x => x.TeacherId);
        opts.Schema.For<CustomPolicy>();
        opts.Schema.For<RegionPolicySet>();
        return opts;
    }
}
