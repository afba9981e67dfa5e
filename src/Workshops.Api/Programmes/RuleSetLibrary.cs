using Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Programmes;

/// <summary>An edition a reviewer added as data.</summary>
public sealed record CustomRuleSet
{
    public string Id { get; init; } = "";
    public RuleSet RuleSet { get; init; } = null!;
    public Actor By { get; init; } = null!;
    public DateTimeOffset At { get; init; }
}

/// <summary>A region's choice of a rule set for one track, in effect from a day; later choices are added, never edited.</summary>
public sealed record RuleSetAdoption(Track Track, string RuleSet, DateOnly From, Actor By, DateTimeOffset At);

/// <summary>Every adoption a region (province, city or district) has made, in the order they were made.</summary>
public sealed record RegionRuleSets
{
    public string Id { get; init; } = "";
    public IReadOnlyList<RuleSetAdoption> Adoptions { get; init; } = [];
}

[Codes("rule-set-choices")]
public enum ChoiceKind
{
    /// <summary>A region (the district, its city or its province, the most specific first) adopted it.</summary>
    [Label("地区采用")] Adopted,
    /// <summary>No adoption: the preset written for this region (Xiamen's for 3502xx), else the national one for the track.</summary>
    [Label("默认")] Default,
}

/// <summary>Which rule set applies, and why.</summary>
public sealed record RuleSetChoice(RuleSet RuleSet, ChoiceKind Kind, string? AdoptedBy, DateOnly? Since, string Reason);

public static class RuleSetLibrary
{
    public static async Task<IReadOnlyList<RuleSet>> All(IQuerySession session, CancellationToken ct)
    {
        var custom = await session.Query<CustomRuleSet>().OrderBy(s => s.Id).ToListAsync(ct);
        return [.. RuleSetPresets.All, .. custom.Select(c => c.RuleSet)];
    }

    /// <summary>One rule set by its code: a preset, else the edition added under that code (one document read, not the catalogue).</summary>
    public static async Task<RuleSet?> Find(IQuerySession session, string code, CancellationToken ct) =>
        RuleSetPresets.All.FirstOrDefault(s => s.Code == code) ?? (await session.LoadAsync<CustomRuleSet>(code, ct))?.RuleSet;

    /// <summary>The region code and the codes it lies in, the most specific first: 350203 → 350203, 350200, 350000.</summary>
    public static IReadOnlyList<string> Chain(string code)
    {
        if (!Region.IsCode(code)) return [];
        var chain = new List<string> { code };
        foreach (var wider in new[] { code[..4] + "00", code[..2] + "0000" })
            if (!chain.Contains(wider)) chain.Add(wider);
        return chain;
    }

    /// <summary>
    /// The rule set for a region and track on a day, as a pure function of the editions and the adoptions: the most
    /// specific region that adopted one for the track (its latest adoption in effect on the day) wins; without one, the
    /// preset written for the region (the most specific scope containing it), else the national preset for the track.
    /// A past view passes <paramref name="recordedBy"/>: adoptions made later are not seen, so its answer stays the same.
    /// </summary>
    public static RuleSetChoice Resolve(IReadOnlyList<RuleSet> all, IReadOnlyList<RegionRuleSets> adoptions, string region, Track track, DateOnly day,
        DateTimeOffset? recordedBy = null)
    {
        foreach (var code in Chain(region))
        {
            var adopted = adoptions.FirstOrDefault(a => a.Id == code)?.Adoptions
                .Where(a => a.Track == track && a.From <= day && (recordedBy is null || a.At < recordedBy))
                .OrderBy(a => a.From).ThenBy(a => a.At)
                .LastOrDefault();
            if (adopted is not null && all.FirstOrDefault(s => s.Code == adopted.RuleSet) is { } set)
                return new RuleSetChoice(set, ChoiceKind.Adopted, code, adopted.From,
                    $"{code} adopted {set.Code} for {track.Code()} from {adopted.From:yyyy-MM-dd}.");
        }
        var preset = RuleSetPresets.All
            .Where(s => s.Track == track && (s.Scope is null || (Region.IsCode(region) && Region.Contains(s.Scope, region))))
            .OrderByDescending(s => s.Scope is null ? 0 : Region.Depth(s.Scope))
            .First();
        return new RuleSetChoice(preset, ChoiceKind.Default, null, null, preset.Scope is null
            ? $"No region adopted a rule set for {track.Code()}: the national default."
            : $"No region adopted a rule set for {track.Code()}: the preset its issuer wrote for {preset.Scope} ({preset.Issuer}).");
    }

    /// <summary>Reads what resolution needs for one region: the editions and the adoptions along its chain.</summary>
    public static async Task<RuleSetChoice> For(IQuerySession session, string region, Track track, DateOnly day, CancellationToken ct,
        DateTimeOffset? recordedBy = null)
    {
        var all = await All(session, ct);
        var adoptions = await session.LoadManyAsync<RegionRuleSets>(ct, Chain(region));
        return Resolve(all, adoptions, region, track, day, recordedBy);
    }
}
