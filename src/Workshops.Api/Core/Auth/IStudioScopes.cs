namespace Workshops.Core.Auth;

/// <summary>
/// The region of each studio, for authorization. A studio's region is fixed when it is established; the studios
/// feature keeps it (and caches what it found for the life of the process).
/// </summary>
public interface IStudioScopes
{
    ValueTask<Region?> RegionOf(IServiceProvider services, Guid studioId, CancellationToken ct);
}
