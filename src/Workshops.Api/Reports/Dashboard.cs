using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Growth;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Reports;

public sealed record Measure(string Code, string Label, int Value, int Target, decimal Progress);

public sealed record YearProgress(int Year, IReadOnlyDictionary<string, int> Values);

public sealed record Dashboard(string Region, int Year, int TargetYear, IReadOnlyList<Measure> Measures, IReadOnlyList<YearProgress> ByYear);

/// <summary>The 2030 targets of seed 000 三.(二) and (三), as data.</summary>
public static class Targets
{
    public const int Year = 2030;

    public static readonly IReadOnlyList<(string Code, string Label, int Target)> All =
    [
        ("studios", "班主任工作坊", 200),
        ("leaders", "班主任（德育学科）带头人", 200),
        ("backbone", "骨干班主任", 500),
        ("experts", "专家型班主任", 30),
        ("rural-backbone", "农村骨干班主任", 200),
        ("rural-leaders", "农村班主任（德育学科）带头人", 50),
    ];
}

/// <summary>
/// GET /api/regions/{code}/dashboard?year= — studios, leaders, backbone, experts, rural backbone and rural leaders against
/// the 2030 targets of seed 000, rural head teachers trained (all by 2025), and progress by year.
/// </summary>
public static class DashboardEndpoint
{
    [WolverineGet("/api/regions/{code}/dashboard", Name = "RegionDashboard"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Reports")]
    [ProducesResponseType<Dashboard>(200)]
    public static async Task<IResult> Get(string code, int? year, IQuerySession session, HttpContext http, TimeProvider clock,
        CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        if (!Region.IsScope(code)) return Results.Problem(Problems.Invalid("code", "must be a six-digit region code"));
        if (!caller.CoversCode(code)) return Results.Problem(Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {code}."));
        var today = clock.Today();
        var y = year ?? today.Year;
        if (y < 2000 || y > today.Year) return Results.Problem(Problems.Invalid("year", $"must be a year up to {today.Year}"));

        var studios = await session.Query<StudioIdentity>().InRegion(code).Select(s => new { s.FoundedOn }).ToListAsync(ct);
        IQueryable<Honour> honours = session.Query<Honour>();
        if (code != Region.National) honours = honours.Where(h => h.Province == code || h.City == code || h.District == code);
        var all = await honours.Where(h => h.Year <= y).ToListAsync(ct);

        int Count(string kind, bool ruralOnly, int upTo) =>
            all.Where(h => h.Kind == kind && h.Year <= upTo && (!ruralOnly || h.Rural)).Select(h => h.TeacherId).Distinct().Count();
        IReadOnlyDictionary<string, int> Values(int upTo) => new Dictionary<string, int>
        {
            ["studios"] = studios.Count(s => s.FoundedOn.Year <= upTo),
            ["leaders"] = Count(Honour.Leader, false, upTo),
            ["backbone"] = Count(Honour.Backbone, false, upTo),
            ["experts"] = Count(Honour.Expert, false, upTo),
            ["rural-backbone"] = Count(Honour.Backbone, true, upTo),
            ["rural-leaders"] = Count(Honour.Leader, true, upTo),
        };

        var now = Values(y);
        var measures = Targets.All.Select(t => new Measure(t.Code, t.Label, now[t.Code], t.Target,
            t.Target == 0 ? 0 : Math.Round((decimal)now[t.Code] / t.Target, 4))).ToList();

        // seed 000 三.(三): every rural head teacher trained in rotation by 2025.
        IQueryable<TeacherFile> files = session.Query<TeacherFile>().Where(f => f.Teacher!.Rural && f.Teacher.ServingAsHeadTeacher);
        if (code != Region.National) files = files.Where(f => f.RegionCodes.Contains(code));
        var ruralIds = await files.Select(f => f.Id).ToListAsync(ct);
        var rural = await TeacherFiles.Load(session, ruralIds, ct, upToYear: y);
        var end = new DateOnly(y, 12, 31);
        var trained = rural.Count(f => f.CreditsAt(History.EndOf(end), end).Any());
        measures.Add(new Measure("rural-trained", "农村班主任轮训", trained, rural.Count, rural.Count == 0 ? 0 : Math.Round((decimal)trained / rural.Count, 4)));

        var first = studios.Count == 0 ? y : Math.Min(y, studios.Min(s => s.FoundedOn.Year));
        var byYear = Enumerable.Range(first, y - first + 1).Select(year => new YearProgress(year, Values(year))).ToList();
        return Results.Ok(new Dashboard(code, y, Targets.Year, measures, byYear));
    }
}
