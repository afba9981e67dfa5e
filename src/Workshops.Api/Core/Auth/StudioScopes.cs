using Marten;
using Workshops.Studios;

namespace Workshops.Core.Auth;

/// <summary>
/// The region of each studio, for authorization. A studio's region is fixed when it is established,
/// so a found region is cached for the life of the process.
/// </summary>
public sealed class StudioScopes
{
    public async ValueTask<Region?> RegionOf(IServiceProvider services, Guid studioId, CancellationToken ct) =>
        (await StudioIdentities.Of(services.GetRequiredService<IQuerySession>(), studioId, ct))?.Region;
}
