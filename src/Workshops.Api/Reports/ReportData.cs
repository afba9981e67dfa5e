using Marten;
using Workshops.Growth;
using Workshops.Standards;
using Workshops.Studios;
using Workshops.Years;
using Workshops.Core;

namespace Workshops.Reports;

/// <summary>Loads many studios' facts in a few queries, a batch at a time, for reviewers' tables.</summary>
public static class ReportData
{
    public const int Batch = 100;

    public static async Task<IReadOnlyList<Studio>> Studios(IQuerySession session, string scope, int offset, int take, CancellationToken ct) =>
        await session.Query<Studio>().InRegion(scope).OrderBy(s => s.Name).ThenBy(s => s.Id).Skip(offset).Take(take).ToListAsync(ct);

    public static Task<int> Count(IQuerySession session, string scope, CancellationToken ct) =>
        session.Query<Studio>().InRegion(scope).CountAsync(ct);

    /// <summary>Facts for each studio (year docs up to the year, growth files of the current roster, the region's policies).</summary>
    public static async Task<IReadOnlyList<ChecklistFacts>> Facts(IQuerySession session, IReadOnlyList<Studio> studios, int year, DateOnly today,
        CancellationToken ct)
    {
        if (studios.Count == 0) return [];
        var ids = studios.Select(s => s.Id).ToArray();
        var years = await StudioYears.ForChecklists(session, ids, year, ct);
        var policies = new Dictionary<string, IReadOnlyList<HourPolicy>>();
        foreach (var studio in studios)
            if (!policies.ContainsKey(studio.Region.Code))
                policies[studio.Region.Code] = (await PolicyCatalog.For(session, [.. studio.Region.Codes().Reverse()], ct)).Policies;
        var teacherIds = studios.SelectMany(s => s.CurrentRoster()).Select(r => r.Teacher.Id).Distinct().ToArray();
        // Table rows count items met; they list no evidence, so no year of credits is read in full unless a window needs it.
        var judgedOn = year < today.Year ? new DateOnly(year, 12, 31) : today;
        var files = await TeacherFiles.LoadForNow(session, teacherIds, policies.Values.SelectMany(p => p), [judgedOn], null, ct);
        var moment = History.EndOf(today);
        var byId = files.ToDictionary(f => f.Id, f => f.AsOf(moment));
        var result = new List<ChecklistFacts>(studios.Count);
        foreach (var studio in studios)
        {
            var roster = studio.CurrentRoster().Select(r => r.Teacher.Id).ToHashSet();
            result.Add(new ChecklistFacts(studio, years.Where(y => y.StudioId == studio.Id).ToDictionary(y => y.Year), year, judgedOn,
                byId.Where(f => roster.Contains(f.Key)).ToDictionary(), policies[studio.Region.Code]));
        }
        return result;
    }
}
