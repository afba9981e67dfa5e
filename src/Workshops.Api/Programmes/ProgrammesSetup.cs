using Marten;

namespace Workshops.Programmes;

public static class ProgrammesSetup
{
    public static StoreOptions AddProgrammes(this StoreOptions opts)
    {
        opts.Schema.For<CustomRuleSet>();
        // Adoptions are added to a region's list: two at once must not lose one, so the second write conflicts (409).
        opts.Schema.For<RegionRuleSets>().UseOptimisticConcurrency(true);
        return opts;
    }
}
