using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core.Contract;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Growth;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Reports;

public sealed record Measure(string Code, string Label, int Value, int Target, decimal Progress);

public sealed record YearProgress(int Year, IReadOnlyDictionary<string, int> Values);

/// <summary>
/// A region against the targets of the rule sets in effect there on the year's last day (<see cref="RuleSets"/>): only
/// targets those sets define (seed 000's 2030 numbers where Xiamen's set applies; none under the vocational or national
/// sets). <see cref="TargetYear"/> is the latest target's year, 0 when the sets define none.
/// </summary>
public sealed record Dashboard(string Region, int Year, int TargetYear, IReadOnlyList<Measure> Measures, IReadOnlyList<YearProgress> ByYear)
{
    /// <summary>The rule sets in effect on the year's last day, one per track.</summary>
    public IReadOnlyList<string>? RuleSets { get; init; }
}

/// <summary>
/// GET /api/regions/{code}/dashboard?year=&amp;complete= — the region against the targets its rule sets define: under Xiamen's (seed
/// 000 三.(二), (三)) studios, leaders, backbone, experts, rural backbone and rural leaders by 2030 and rural head teachers
/// trained by 2025; and progress by year. A region whose rule sets set no targets has no measures.
/// With a database per province, the studios and honours above a province are read from each province in parallel; a
/// province that does not answer is named in the Missing-Provinces header (503 with complete=true).
/// </summary>
public static class DashboardEndpoint
{
    [Formats("json")]
    [WolverineGet("/api/regions/{code}/dashboard", Name = "RegionDashboard"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Reports")]
    [ProducesResponseType<Dashboard>(200)]
    public static async Task<IResult> Get(string code, int? year, string? format, bool? complete, IQuerySession session, IDocumentStore store,
        Tenants tenants, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var today = clock.Today();
        var y = year ?? today.Year;
        var check = new Check().Also(Exports.JsonOnly(format)).Region(code, "code")
            .When(y < 2000 || y > today.Year, "year", $"must be a year up to {today.Year}");
        if (!check.Ok) return Results.Problem(check.Result());
        if (!caller.CoversCode(code)) return Results.Problem(Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {code}."));

        // The rule sets in effect per track at the year's end (a province or the nation: the presets for it, which set no targets).
        var programmes = await Programmes.RegionProgrammesEndpoint.On(session, code, new DateOnly(y, 12, 31), ct);
        var targets = programmes.InEffect.SelectMany(c => c.RuleSet.Targets.Select(t => (Target: t, c.RuleSet.Track)))
            .DistinctBy(t => t.Target.Code).ToList();
        // Studios and honours live in their provinces' databases: above a province they are read from each in parallel.
        var legs = await tenants.Each(store, tenants.Within(caller, code), async (province, token) =>
        {
            var founded = await province.Query<StudioIdentity>().InRegion(code).Select(s => new { s.FoundedOn, s.Track }).ToListAsync(token);
            IQueryable<Honour> honours = province.Query<Honour>().Where(h => !h.Revoked);
            if (code != Region.National) honours = honours.Where(h => h.Province == code || h.City == code || h.District == code);
            return (Studios: founded, Honours: await honours.Where(h => h.Year <= y).ToListAsync(token));
        }, ct);
        if (legs.Incomplete(http, complete) is { } incomplete) return Results.Problem(incomplete);
        var studios = legs.Values.SelectMany(l => l.Studios).ToList();
        var all = legs.Values.SelectMany(l => l.Honours).ToList();

        int Count(string kind, bool ruralOnly, int upTo) =>
            all.Where(h => h.Kind == kind && h.Year <= upTo && (!ruralOnly || h.Rural)).Select(h => h.TeacherId).Distinct().Count();
        // What a target counts: studios of its track, or the teachers holding a rung (by the honours the studios conferred).
        int Value(Programmes.Target t, Track track, int upTo) => t.Measure switch
        {
            "studios" => studios.Count(s => s.Track == track && s.FoundedOn.Year <= upTo),
            "leader" => Count(Honour.Leader, t.Rural, upTo),
            "backbone" => Count(Honour.Backbone, t.Rural, upTo),
            "expert" => Count(Honour.Expert, t.Rural, upTo),
            _ => 0,
        };
        var counted = targets.Where(t => !t.Target.Share).ToList();
        IReadOnlyDictionary<string, int> Values(int upTo) => counted.ToDictionary(t => t.Target.Code, t => Value(t.Target, t.Track, upTo));

        var now = Values(y);
        var measures = counted.Select(t => new Measure(t.Target.Code, t.Target.Label, now[t.Target.Code], t.Target.Count,
            Math.Round((decimal)now[t.Target.Code] / t.Target.Count, 4))).ToList();

        // seed 000 三.(三): every rural head teacher trained in rotation by 2025 (a share: the rural head teachers are the target).
        foreach (var share in targets.Where(t => t.Target is { Share: true, Measure: "trained", Rural: true }).Select(t => t.Target))
            measures.Add(await RuralTrained(session, code, y, share, ct));

        var first = studios.Count == 0 ? y : Math.Min(y, studios.Min(s => s.FoundedOn.Year));
        var byYear = Enumerable.Range(first, y - first + 1).Select(year => new YearProgress(year, Values(year))).ToList();
        return Results.Ok(new Dashboard(code, y, targets.Count == 0 ? 0 : targets.Max(t => t.Target.ByYear), measures, byYear)
        {
            RuleSets = [.. programmes.InEffect.Select(c => c.RuleSet.Code).Distinct()],
        });
    }

    private static async Task<Measure> RuralTrained(IQuerySession session, string code, int y, Programmes.Target target, CancellationToken ct)
    {
        IQueryable<TeacherFile> files = session.Query<TeacherFile>().Where(f => f.Teacher!.Rural && f.Teacher.ServingAsHeadTeacher);
        if (code != Region.National) files = files.Where(f => f.RegionCodes.Contains(code));
        var ruralIds = await files.Select(f => f.Id).ToListAsync(ct);
        var rural = await TeacherFiles.Load(session, ruralIds, ct, upToYear: y);
        var end = new DateOnly(y, 12, 31);
        var trained = rural.Count(f => f.CreditsAt(History.EndOf(end), end).Any());
        return new Measure(target.Code, target.Label, trained, rural.Count, rural.Count == 0 ? 0 : Math.Round((decimal)trained / rural.Count, 4));
    }
}
