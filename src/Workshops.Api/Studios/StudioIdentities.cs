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

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<StudioIdentity, Studio> Studios = new();

    /// <summary>
    /// The identity as the projections spanning studios fold with (<see cref="StudioIdentity.AsStudio"/>), made once per
    /// identity: a studio with its empty collections is about a kilobyte, and a rebuild asked for one for every attendee
    /// of every activity. Studios are immutable, so every fold can share it.
    /// </summary>
    public static Studio? AsStudio(StudioIdentity? identity) => identity is null ? null : Studios.GetValue(identity, i => i.AsStudio());

    /// <summary>A studio's identity if this process has met it.</summary>
    public static StudioIdentity? Cached(Guid studioId) => Known.GetValueOrDefault(studioId);

    /// <summary>Caches a studio's identity (a rebuild knows each studio from its first event on).</summary>
    public static void Remember(StudioIdentity identity) => Known.TryAdd(identity.Id, identity);
}

/// <summary>
/// A studio's region for authorization and for the tenant of a request, from its identity. With a database per
/// province the studio's province is not in its id: the identity is looked up by primary key in every province's
/// database at once (one indexed read each, in parallel) and cached for the life of the process — a studio never
/// changes province — so each node pays it once per studio. Chosen over a ministry directory of studio → province,
/// which would be one more write per establishment in another database (outside the event's transaction) and one more
/// database every request depends on; and over routing by the token's region, which hosts' and members' tokens lack.
/// An id found in no province is remembered as unknown for <see cref="MissKept"/>, so a client asking again and again for
/// an id that does not exist does not make every province's database look for it each time.
/// </summary>
public sealed class StudioRegions(Tenants tenants, IDocumentStore store, TimeProvider clock) : Core.Auth.IStudioScopes
{
    public static readonly TimeSpan MissKept = TimeSpan.FromSeconds(5);
    private const int MaxMisses = 10_000;
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> misses = new();

    public async ValueTask<Region?> RegionOf(IServiceProvider services, Guid studioId, CancellationToken ct)
    {
        // A studio met before answers from the cache, before a session is opened to look for it.
        if (StudioIdentities.Cached(studioId) is { } known) return known.Region;
        if (!tenants.Separate)
            return (await StudioIdentities.Of(services.GetRequiredService<IQuerySession>(), studioId, ct))?.Region;
        if (misses.TryGetValue(studioId, out var until) && clock.GetUtcNow() < until) return null;
        var found = await tenants.Each(store, tenants.All, (session, token) => session.LoadAsync<StudioIdentity>(studioId, token), ct);
        if (found.Values.OfType<StudioIdentity>().FirstOrDefault() is { } identity)
        {
            StudioIdentities.Remember(identity);
            misses.TryRemove(studioId, out _);
            return identity.Region;
        }
        // Not found where we could look: if a province did not answer, the studio may be there — say so (503), not 404.
        if (found.All.FirstOrDefault(l => l.Failure is not null) is { Failure: { } failure })
            throw new TimeoutException($"The databases of {string.Join(", ", found.Missing)} did not answer while looking for studio {studioId}.", failure);
        if (misses.Count >= MaxMisses) misses.Clear();
        misses[studioId] = clock.GetUtcNow() + MissKept;
        return null;
    }
}
