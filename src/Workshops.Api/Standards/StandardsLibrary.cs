using Marten;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Standards;

/// <summary>An edition a reviewer added as data.</summary>
public sealed record CustomStandard
{
    public string Id { get; init; } = "";
    public Standard Standard { get; init; } = null!;
    public Actor By { get; init; } = null!;
    public DateTimeOffset At { get; init; }
}

/// <summary>The editions a region has adopted; the first is its default.</summary>
public sealed record RegionStandards
{
    public string Id { get; init; } = "";
    public IReadOnlyList<string> Standards { get; init; } = [];
    public Actor By { get; init; } = null!;
    public DateTimeOffset At { get; init; }
}

public static class StandardsLibrary
{
    public static async Task<IReadOnlyList<Standard>> All(IQuerySession session, CancellationToken ct)
    {
        var custom = await session.Query<CustomStandard>().OrderBy(s => s.Id).ToListAsync(ct);
        return [.. StandardCatalog.Presets, .. custom.Select(c => c.Standard)];
    }

    /// <summary>
    /// The standard asked for by code; without one, the studio's region's adopted default, else the preset for its
    /// track (k12 → the workshop rules, vocational → the ministry standard).
    /// </summary>
    public static async Task<Standard?> For(IQuerySession session, Studio studio, string? code, CancellationToken ct)
    {
        var all = await All(session, ct);
        if (code is not null) return all.FirstOrDefault(s => s.Code == code);
        var regions = studio.Region.Codes().Reverse().ToArray();
        var adopted = await session.LoadManyAsync<RegionStandards>(ct, regions);
        foreach (var region in regions)
        {
            if (adopted.FirstOrDefault(a => a.Id == region) is { Standards.Count: > 0 } set)
                return all.FirstOrDefault(s => s.Code == set.Standards[0]);
        }
        return studio.Track == Track.K12 ? StandardCatalog.K12 : StandardCatalog.Moe;
    }
}
