using Marten;
using Workshops.Core.Auth;
using Workshops.Core;

namespace Workshops.Growth;

/// <summary>A policy a reviewer added: data, not code.</summary>
public sealed record CustomPolicy
{
    public string Id { get; init; } = "";
    public HourPolicy Policy { get; init; } = null!;
    public Actor By { get; init; } = null!;
    public DateTimeOffset At { get; init; }
}

/// <summary>The policies a region (province, city or district) has chosen.</summary>
public sealed record RegionPolicySet
{
    public string Id { get; init; } = "";
    public IReadOnlyList<string> Policies { get; init; } = [];
    public Actor By { get; init; } = null!;
    public DateTimeOffset At { get; init; }
}

public sealed record PolicySetInEffect(string? Region, IReadOnlyList<HourPolicy> Policies);

public static class PolicyCatalog
{
    public static async Task<IReadOnlyList<HourPolicy>> All(IQuerySession session, CancellationToken ct)
    {
        var custom = await session.Query<CustomPolicy>().OrderBy(p => p.Id).ToListAsync(ct);
        return [.. HourPolicies.Presets, .. custom.Select(c => c.Policy)];
    }

    /// <summary>One policy by its code: a preset, else the policy added under that code (one document read, not the catalogue).</summary>
    public static async Task<HourPolicy?> Find(IQuerySession session, string code, CancellationToken ct) =>
        HourPolicies.Presets.FirstOrDefault(p => p.Code == code) ?? (await session.LoadAsync<CustomPolicy>(code, ct))?.Policy;

    /// <summary>The day (China time) each policy a reviewer added was added: its clock runs from then.</summary>
    public static async Task<IReadOnlyDictionary<string, DateOnly>> AddedOn(IQuerySession session, CancellationToken ct) =>
        (await session.Query<CustomPolicy>().ToListAsync(ct)).ToDictionary(c => c.Policy.Code, c => Core.Http.Writes.DayOf(c.At));

    /// <summary>The most specific region's chosen set (district before city before province); all presets when none chose.</summary>
    public static async Task<PolicySetInEffect> For(IQuerySession session, IReadOnlyList<string> regionCodes, CancellationToken ct)
    {
        var all = await All(session, ct);
        if (regionCodes.Count > 0)
        {
            var sets = await session.LoadManyAsync<RegionPolicySet>(ct, regionCodes);
            foreach (var code in regionCodes)
            {
                if (sets.FirstOrDefault(s => s.Id == code) is { } set)
                    return new PolicySetInEffect(code, [.. set.Policies.Select(p => all.FirstOrDefault(a => a.Code == p)).OfType<HourPolicy>()]);
            }
        }
        return new PolicySetInEffect(null, HourPolicies.Presets);
    }
}
