using System.Collections.Concurrent;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;
using Workshops.Core;

namespace Workshops.Studios;

/// <summary>
/// What never changes about a studio after it is established: written once, inline, by the establishment itself, so
/// lists, authorization and the projections that span studios know a studio the moment it exists.
/// </summary>
public sealed record StudioIdentity(Guid Id, string Name, string School, Region Region, StudioLevel Level, Track Track, bool Rural, DateOnly FoundedOn)
{
    /// <summary>The identity as the studio projections that span studios fold with: id, name, region and level.</summary>
    public Studio AsStudio() => new() { Id = Id, Name = Name, Region = Region, Level = Level };

    public static StudioIdentity Of(StudioEstablished x) => new(x.StudioId, x.Name, x.School, x.Region, x.Level, x.Track, x.Rural, x.FoundedOn);
}

public partial class StudioIdentityProjection : SingleStreamProjection<StudioIdentity, Guid>
{
    public StudioIdentityProjection()
    {
        Core.ProjectionTuning.Apply(Options);
        IncludeType<StudioEstablished>();
    }

    public override StudioIdentity? Evolve(StudioIdentity? snapshot, Guid id, IEvent e) =>
        e.Data is StudioEstablished x ? StudioIdentity.Of(x) : snapshot;
}

/// <summary>
/// Projections and authorization need a studio's name, school and region often; those are fixed at establishment,
/// so a found identity is cached for the life of the process instead of being loaded per event or request.
/// </summary>
public static class StudioIdentities
{
    private static readonly ConcurrentDictionary<Guid, StudioIdentity> Known = new();

    public static async ValueTask<StudioIdentity?> Of(IQuerySession session, Guid studioId, CancellationToken ct)
    {
        if (Known.TryGetValue(studioId, out var known)) return known;
        var identity = await session.LoadAsync<StudioIdentity>(studioId, ct);
        return identity is null ? null : Known.GetOrAdd(studioId, identity);
    }

    /// <summary>Caches a studio's identity (a rebuild knows each studio from its first event on).</summary>
    public static void Remember(StudioIdentity identity) => Known.TryAdd(identity.Id, identity);
}

/// <summary>A studio's region for authorization, from its identity.</summary>
public sealed class StudioRegions : Core.Auth.IStudioScopes
{
    public async ValueTask<Region?> RegionOf(IServiceProvider services, Guid studioId, CancellationToken ct) =>
        (await StudioIdentities.Of(services.GetRequiredService<IQuerySession>(), studioId, ct))?.Region;
}
