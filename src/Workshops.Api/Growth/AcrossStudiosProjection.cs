using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Workshops.Studios;

namespace Workshops.Growth;

/// <summary>
/// A document that gathers events from many studios' streams under keys of its own (a teacher, a teacher's year):
/// every event goes to each key it concerns and is folded with its studio's fixed identity (name, region, level),
/// cached per studio rather than loaded for every event.
/// </summary>
public abstract class AcrossStudiosProjection<TDoc> : MultiStreamProjection<TDoc, string> where TDoc : class
{
    private readonly Func<object, IEnumerable<string>> _keys;

    protected AcrossStudiosProjection(Func<object, IEnumerable<string>> keys)
    {
        _keys = keys;
        Core.ProjectionTuning.Apply(Options);
        CustomGrouping(Core.Grouping.By<Marten.IQuerySession, string>(Keys));
    }

    /// <summary>The documents an event goes to.</summary>
    public IEnumerable<string> Keys(IEvent e) => _keys(e.Data).Distinct();

    /// <summary>Folds one event into the document <paramref name="key"/>; <paramref name="studio"/> is the event's studio.</summary>
    protected abstract TDoc Fold(TDoc? snapshot, string key, IEvent e, Studio? studio);

    public override async ValueTask<TDoc?> EvolveAsync(TDoc? snapshot, string id, IQuerySession session, IEvent e, CancellationToken cancellation)
    {
        var studio = StudioIdentities.AsStudio(await StudioIdentities.Of(session, e.StreamId, cancellation));
        return Fold(snapshot, id, e, studio);
    }
}
