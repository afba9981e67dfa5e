using System.Collections.Concurrent;
using Marten;
using Workshops.Studios;

namespace Workshops.Core.Auth;

/// <summary>
/// The region of each studio, for authorization. A studio's region is fixed when it is established,
/// so a found region is cached for the life of the process.
/// </summary>
public sealed class StudioScopes
{
    private readonly ConcurrentDictionary<Guid, Region> _regions = new();

    public async ValueTask<Region?> RegionOf(IServiceProvider services, Guid studioId, CancellationToken ct)
    {
        if (_regions.TryGetValue(studioId, out var known)) return known;
        var session = services.GetRequiredService<IQuerySession>();
        var region = await session.Query<Studio>()
            .Where(s => s.Id == studioId)
            .Select(s => s.Region)
            .FirstOrDefaultAsync(ct);
        if (region is not null) _regions[studioId] = region;
        return region;
    }
}
