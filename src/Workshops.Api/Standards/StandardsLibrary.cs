using Marten;
using Workshops.Core.Auth;
using Workshops.Studios;
using Workshops.Core;

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

    /// <summary>One edition by its code: a preset, else the edition added under that code (one document read, not the catalogue).</summary>
    public static async Task<Standard?> Find(IQuerySession session, string code, CancellationToken ct) =>
        StandardCatalog.Presets.FirstOrDefault(s => s.Code == code) ?? (await session.LoadAsync<CustomStandard>(code, ct))?.Standard;

    /// <summary>
    /// The standard asked for by code; without one, the studio's region's adopted default, else the preset for its
    /// track (k12 → the workshop rules, vocational → the ministry standard).
    /// </summary>
    public static Task<Standard?> For(IQuerySession session, Studio studio, string? code, CancellationToken ct) =>
        For(session, studio.Region, studio.Track, code, ct);

    public static async Task<Standard?> For(IQuerySession session, Region region, Track track, string? code, CancellationToken ct)
    {
        if (code is not null) return await Find(session, code, ct);
        var all = await All(session, ct);
        var adopted = await session.LoadManyAsync<RegionStandards>(ct, region.Codes().ToArray());
        return Default(all, adopted, region, track);
    }

    /// <summary>
    /// The default edition for many studios at once (report tables): the editions and every region's adoption are
    /// read once, then chosen per studio without further queries.
    /// </summary>
    public static async Task<Func<Studio, Standard>> Defaults(IQuerySession session, CancellationToken ct)
    {
        var all = await All(session, ct);
        var adopted = await session.Query<RegionStandards>().ToListAsync(ct);
        return studio => Default(all, adopted, studio.Region, studio.Track) ?? StandardCatalog.Moe;
    }

    static Standard? Default(IReadOnlyList<Standard> all, IReadOnlyList<RegionStandards> adopted, Region studioRegion, Track track)
    {
        foreach (var region in studioRegion.Codes().Reverse())
        {
            if (adopted.FirstOrDefault(a => a.Id == region) is { Standards.Count: > 0 } set)
                return all.FirstOrDefault(s => s.Code == set.Standards[0]);
        }
        return track == Track.K12 ? StandardCatalog.K12 : StandardCatalog.Moe;
    }
}
