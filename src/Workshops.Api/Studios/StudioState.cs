using JasperFx.Events;
using Marten.Events.Aggregation;
using Workshops.Growth;
using Workshops.Plans;
using Workshops.Roster;

namespace Workshops.Studios;

/// <summary>
/// A studio's decision state: what its commands decide on and nothing else, each part folded by its feature from that
/// feature's events (the roster's ids, roles and dates; each year's plan; the growth titles and tiers conferred here;
/// the year-end summaries' revisions). Tasks and outputs stand in documents of their own. Kept inline, but only events
/// of these kinds touch it: logging an activity neither reads more than this nor rewrites it. Texts, names and
/// histories are in the views.
/// </summary>
public sealed record StudioState : Core.Http.IRefusesWrites
{
    public Guid Id { get; init; }
    public DateOnly FoundedOn { get; init; }
    public RosterState Roster { get; init; } = new();
    public IReadOnlyDictionary<int, PlanStatus> Plans { get; init; } = new Dictionary<int, PlanStatus>();
    public GrowthState Growth { get; init; } = new();
    /// <summary>Year-end summaries written, by year: the latest revision.</summary>
    public IReadOnlyDictionary<int, int> Summaries { get; init; } = new Dictionary<int, int>();
    /// <summary>The term and whether the studio was dissolved (<see cref="Lifecycle"/>).</summary>
    public LifecycleState Lifecycle { get; init; } = new();

    public Core.Refusal? RefusesWrites() => Studios.Lifecycle.Writable(Lifecycle);

    public static IReadOnlyList<string> RefusalRules => [Studios.Lifecycle.Dissolved];

    /// <summary>The events this state folds; any other leaves its document untouched.</summary>
    public static readonly Type[] Events =
        [typeof(StudioEstablished), .. RosterState.Events, .. PlanStatus.Events, .. GrowthState.Events, typeof(Years.YearSummaryWritten), .. LifecycleState.Events];

    public static StudioState? Fold(StudioState? state, IEvent e) => e.Data switch
    {
        StudioEstablished x => new StudioState { Id = x.StudioId, FoundedOn = x.FoundedOn, Lifecycle = LifecycleState.Start(x) },
        _ when state is null => null,
        Years.YearSummaryWritten x => state with { Summaries = state.Summaries.With(x.Year, x.Revision) },
        var data => state with
        {
            Roster = RosterState.Fold(state.Roster, data),
            Plans = PlanStatus.Fold(state.Plans, data),
            Growth = GrowthState.Fold(state.Growth, data),
            Lifecycle = LifecycleState.Fold(state.Lifecycle, data),
        },
    };
}

public partial class StudioStateProjection : SingleStreamProjection<StudioState, Guid>
{
    public StudioStateProjection()
    {
        Core.ProjectionTuning.Apply(Options);
        foreach (var type in StudioState.Events) IncludeType(type);
    }

    public override StudioState? Evolve(StudioState? snapshot, Guid id, IEvent e) => StudioState.Fold(snapshot, e);
}
