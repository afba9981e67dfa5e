using Marten;

namespace Workshops.Standards;

public static class StandardsSetup
{
    public static StoreOptions AddStandards(this StoreOptions opts)
    {
        opts.Schema.For<CustomStandard>();
        opts.Schema.For<RegionStandards>();
        return opts;
    }
}
