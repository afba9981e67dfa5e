using Marten;
using Workshops.Outputs;

namespace Workshops.Years;

/// <summary>The outputs of an earlier year: all a checklist reads of it (a platform or a case library, once built, stays built).</summary>
public sealed class YearOutputs
{
    public Guid StudioId { get; set; }
    public int Year { get; set; }
    public IReadOnlyList<OutputRow> Outputs { get; set; } = [];
}

public static class StudioYears
{
    /// <summary>
    /// Year documents as a checklist needs them: <paramref name="year"/> in full and each earlier year with its outputs
    /// only, so a studio with a long history is not read whole for every checklist row.
    /// </summary>
    public static async Task<IReadOnlyList<StudioYear>> ForChecklists(IQuerySession session, Guid[] studioIds, int year, CancellationToken ct)
    {
        var current = await session.Query<StudioYear>().Where(y => studioIds.Contains(y.StudioId) && y.Year == year).ToListAsync(ct);
        var earlier = await session.Query<StudioYear>().Where(y => studioIds.Contains(y.StudioId) && y.Year < year)
            .Select(y => new YearOutputs { StudioId = y.StudioId, Year = y.Year, Outputs = y.Outputs }).ToListAsync(ct);
        return [.. current, .. earlier.Select(y => StudioYear.Empty(y.StudioId, y.Year) with { Outputs = y.Outputs })];
    }
}
