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
        // Teacher and year are columns (lookups never unpack a year's credits); so are the year's totals, sent as jsonb
        // (so the one-pass rebuild can COPY them).
        opts.Schema.For<CreditYear>().Duplicate(c => c.TeacherId).Duplicate(c => c.Year)
            .Duplicate(c => c.TotalsColumn, pgType: "jsonb", dbType: NpgsqlTypes.NpgsqlDbType.Jsonb);
        opts.Schema.For<CustomPolicy>();
        opts.Schema.For<RegionPolicySet>();
        return opts;
    }
}
