using System.Collections.Concurrent;
using Marten;

namespace Workshops.Studios;

/// <summary>What never changes about a studio after it is established.</summary>
public sealed record StudioIdentity(Guid Id, string Name, string School, Region Region, StudioLevel Level, Track Track, bool Rural)
{
    /// <summary>The identity as the studio projections that span studios fold with: id, name, region and level.</summary>
    public Studio AsStudio() => new() { Id = Id, Name = Name, Region = Region, Level = Level };
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
        var studio = await session.LoadAsync<Studio>(studioId, ct);
        if (studio is null) return null;
        return Known.GetOrAdd(studioId, Identity(studio));
    }

    /// <summary>Caches a studio's identity from its document (a rebuild knows each studio before its other events).</summary>
    public static void Remember(Studio studio)
    {
        if (!Known.ContainsKey(studio.Id)) Known[studio.Id] = Identity(studio);
    }

    private static StudioIdentity Identity(Studio s) => new(s.Id, s.Name, s.School, s.Region, s.Level, s.Track, s.Rural);
}
