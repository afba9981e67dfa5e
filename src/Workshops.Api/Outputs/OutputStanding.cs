using JasperFx.Events;
using Marten.Events.Projections;

namespace Workshops.Outputs;

/// <summary>
/// Where one output stands in its review: state, the level it is recommended to, its year and kind. One small document
/// per output, kept inline, loaded only by the commands that name the output.
/// </summary>
public sealed record OutputStanding
{
    public Guid Id { get; init; }
    public Guid StudioId { get; init; }
    public OutputState State { get; init; }
    public RecommendationLevel? Level { get; init; }
    public int Year { get; init; }
    public OutputKind Kind { get; init; }

    public static OutputStanding? Fold(OutputStanding? output, Guid id, IEvent e) => e.Data switch
    {
        OutputDrafted x => new OutputStanding { Id = id, StudioId = e.StreamId, State = OutputState.Draft, Year = x.Facts.Year, Kind = x.Facts.Kind },
        _ when output is null => null,
        OutputRevised x => output with { Year = x.After.Year, Kind = x.After.Kind },
        OutputSubmitted => output with { State = OutputState.Submitted },
        OutputApproved => output with { State = OutputState.Approved },
        OutputReturned => output with { State = OutputState.Returned },
        OutputRecommended x => output with { State = OutputState.Recommended, Level = x.Level },
        _ => output,
    };
}

public partial class OutputStandingProjection : MultiStreamProjection<OutputStanding, Guid>
{
    public OutputStandingProjection()
    {
        Core.ProjectionTuning.Apply(Options);
        foreach (var type in Core.Grouping.Implementing<IOutputEvent>()) IncludeType(type);
        CustomGrouping(Core.Grouping.By<Marten.IQuerySession, Guid>(OutputRecordProjection.Keys));
    }

    public override OutputStanding? Evolve(OutputStanding? snapshot, Guid id, IEvent e) => OutputStanding.Fold(snapshot, id, e);
}
