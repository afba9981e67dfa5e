using Marten;
using Workshops.Growth;
using Workshops.Standards;
using Workshops.Studios;
using Workshops.Training;
using Workshops.Years;
using Workshops.Core;

namespace Workshops.Reports;

/// <summary>Loads many studios' facts in a few queries, a batch at a time, for reviewers' tables.</summary>
public static class ReportData
{
    public const int Batch = 100;

    /// <summary>
    /// The studios of one track (seed 001's vocational studios, or seed 000's K-12 workshops) in a scope that were
    /// established by the moment judged, in the table's order: region (province, city, district), then school, then studio.
    /// </summary>
    public static IQueryable<Studio> Of(IQuerySession session, string scope, Track track, DateTimeOffset until) =>
        session.Query<Studio>().InRegion(scope).Where(s => s.Track == track && s.EstablishedAt < until);

    public static async Task<IReadOnlyList<Studio>> Studios(IQuerySession session, string scope, Track track, DateTimeOffset until, int offset,
        int take, CancellationToken ct) =>
        await Of(session, scope, track, until)
            .OrderBy(s => s.Region.Province).ThenBy(s => s.Region.City).ThenBy(s => s.Region.District)
            .ThenBy(s => s.School).ThenBy(s => s.Name).ThenBy(s => s.Id)
            .Skip(offset).Take(take).ToListAsync(ct);

    public static Task<int> Count(IQuerySession session, string scope, Track track, DateTimeOffset until, CancellationToken ct) =>
        Of(session, scope, track, until).CountAsync(ct);

    /// <summary>
    /// Facts for each studio as they stood on <paramref name="day"/>: today from the kept views (year docs up to the
    /// year, growth files of the current roster); an earlier day — a past year's last day, or an asOf — folded from the
    /// events recorded by then, so the roster, titles and output states are that day's, not today's.
    /// </summary>
    public static async Task<IReadOnlyList<ChecklistFacts>> Facts(IQuerySession session, IReadOnlyList<Studio> studios, int year, DateOnly day,
        DateOnly today, CancellationToken ct)
    {
        if (studios.Count == 0) return [];
        var ids = studios.Select(s => s.Id).ToArray();
        var policies = new Dictionary<string, IReadOnlyList<HourPolicy>>();
        foreach (var studio in studios)
            if (!policies.ContainsKey(studio.Region.Code))
                policies[studio.Region.Code] = (await PolicyCatalog.For(session, [.. studio.Region.Codes().Reverse()], ct)).Policies;
        var moment = History.EndOf(day);

        IReadOnlyList<(Studio Studio, IReadOnlyDictionary<int, StudioYear> Years)> states;
        IReadOnlyList<TeacherFile> files;
        string[] teacherIds;
        if (day < today)
        {
            var events = await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.StreamId)).OrderBy(e => e.Sequence).ToListAsync(ct);
            var byStream = events.GroupBy(e => e.StreamId).ToDictionary(g => g.Key, g => (IReadOnlyList<JasperFx.Events.IEvent>)[.. g]);
            states = [.. studios.Select(s => History.Fold(byStream.GetValueOrDefault(s.Id) ?? [], day))
                .OfType<StudioAt>().Select(at => (at.Studio, (IReadOnlyDictionary<int, StudioYear>)at.Years))];
            teacherIds = states.SelectMany(s => s.Studio.CurrentRoster()).Select(r => r.Teacher.Id).Distinct().ToArray();
            files = await TeacherFiles.Load(session, teacherIds, ct, upToYear: day.Year);
        }
        else
        {
            var years = await StudioYears.ForChecklists(session, ids, year, ct);
            states = [.. studios.Select(s => (s, (IReadOnlyDictionary<int, StudioYear>)years.Where(y => y.StudioId == s.Id).ToDictionary(y => y.Year)))];
            teacherIds = studios.SelectMany(s => s.CurrentRoster()).Select(r => r.Teacher.Id).Distinct().ToArray();
            // Table rows count items met; they list no evidence, so no year of credits is read in full unless a window needs it.
            files = await TeacherFiles.LoadForNow(session, teacherIds, policies.Values.SelectMany(p => p), [day], null, ct);
        }
        var byId = files.ToDictionary(f => f.Id, f => f.AsOf(moment));
        // X.4's clocks and the people items' rule set, once per region and track; the records of those who have one.
        var recorded = day < today ? day : (DateOnly?)null;
        var clocks = new Dictionary<(string, Track), IReadOnlyList<ClockPolicy>>();
        var sets = new Dictionary<(string, Track), Programmes.RuleSet>();
        foreach (var (studio, _) in states)
            if (!clocks.ContainsKey((studio.Region.Code, studio.Track)))
            {
                clocks[(studio.Region.Code, studio.Track)] =
                    await TrainingHours.ClocksOf(session, studio.Region, studio.Track, day, TrainingReads.Moment(recorded, today), ct);
                sets[(studio.Region.Code, studio.Track)] = (await Programmes.RuleSetLibrary.For(session, studio.Region.Code, studio.Track, day, ct)).RuleSet;
            }
        var (facts, trainings) = await TrainingHours.RecordsOf(session, teacherIds, day, recorded, today, ct);
        var records = await Workshops.Roster.RosterJudging.Records(session, teacherIds, ct, TrainingReads.Moment(recorded, today));
        return [.. states.Select(s =>
        {
            var roster = s.Studio.CurrentRoster().Select(r => r.Teacher.Id).ToHashSet();
            var key = (s.Studio.Region.Code, s.Studio.Track);
            return new ChecklistFacts(s.Studio, s.Years, year, day, byId.Where(f => roster.Contains(f.Key)).ToDictionary(), policies[s.Studio.Region.Code],
                new RosterHours(clocks[key], facts, trainings), records, sets[key]);
        })];
    }

    /// <summary>
    /// The day a year's table is judged on: asOf when given, else the year's last day (today while the year runs).
    /// </summary>
    public static DateOnly JudgedOn(int year, DateOnly? asOf, DateOnly today) =>
        asOf ?? (year < today.Year ? new DateOnly(year, 12, 31) : today);
}
