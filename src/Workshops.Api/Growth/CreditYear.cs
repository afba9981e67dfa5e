using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Growth;

/// <summary>
/// One teacher's training credits dated in one calendar year: studio activities they attended and training recorded
/// outside. A multi-stream projection keyed "teacher:year", kept by the async daemon; an activity touches only the
/// credit years of the people who attended it, so the cost of logging does not grow with a teacher's history.
/// </summary>
public sealed record CreditYear
{
    public string Id { get; init; } = "";
    public string TeacherId { get; init; } = "";
    public int Year { get; init; }
    public IReadOnlyList<Credit> Credits { get; init; } = [];
    /// <summary>The standing credits (not removed) summed by category and level: what "now" questions need of a whole year.</summary>
    public IReadOnlyList<CreditTotal> Totals { get; init; } = [];

    /// <summary>
    /// The totals again, as a column of their own (see GrowthSetup): a "now" question reads a few hundred bytes per year
    /// instead of unpacking every credit of it.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TotalsColumn => System.Text.Json.JsonSerializer.Serialize(Totals, CreditTotal.Column);

    public static string Key(string teacherId, int year) => $"{teacherId}:{year}";

    /// <summary>The same credits with their totals recomputed.</summary>
    public CreditYear Totalled() => this with
    {
        Totals = [.. Credits.Where(c => c.RemovedAt is null).GroupBy(TotalKey).OrderBy(g => g.Key).Select(g => Total(g.Key, g))],
    };

    /// <summary>
    /// The totals after <paramref name="before"/> became this year: only the totals whose credits changed (added, or
    /// marked removed) are summed again, so a credit costs one pass over the year rather than regrouping all of it (a
    /// rebuild folds a busy year credit by credit). The same totals as <see cref="Totalled"/>, in the same order.
    /// </summary>
    public CreditYear Retotalled(CreditYear before)
    {
        if (before.Totals.Any(t => !t.Placed) || before.Credits.Count > Credits.Count) return Totalled();
        var changed = new HashSet<(CreditCategory, TrainingLevel, int, Guid)>();
        for (var i = 0; i < Credits.Count; i++)
            if (i >= before.Credits.Count || !ReferenceEquals(Credits[i], before.Credits[i]))
            {
                changed.Add(TotalKey(Credits[i]));
                if (i < before.Credits.Count) changed.Add(TotalKey(before.Credits[i]));
            }
        if (changed.Count == 0) return this with { Totals = before.Totals };
        var again = Credits.Where(c => c.RemovedAt is null && changed.Contains(TotalKey(c))).GroupBy(TotalKey).Select(g => Total(g.Key, g));
        return this with
        {
            Totals = [.. before.Totals.Where(t => !changed.Contains(TotalKey(t))).Concat(again).OrderBy(TotalKey)],
        };
    }

    private static (CreditCategory, TrainingLevel, int, Guid) TotalKey(Credit c) => (c.Category, c.Level, c.Date.Month, c.StudioId);

    private static (CreditCategory, TrainingLevel, int, Guid) TotalKey(CreditTotal t) => (t.Category, t.Level, t.First!.Value.Month, t.StudioId!.Value);

    private static CreditTotal Total((CreditCategory Category, TrainingLevel Level, int, Guid StudioId) key, IEnumerable<Credit> credits)
    {
        var (count, hours, first, last) = (0, 0m, DateOnly.MaxValue, DateOnly.MinValue);
        foreach (var c in credits)
        {
            count++;
            hours += c.Hours;
            if (c.Date < first) first = c.Date;
            if (c.Date > last) last = c.Date;
        }
        return new CreditTotal(key.Category, key.Level, count, hours, first, last, key.StudioId);
    }

    /// <summary>The credit years an event changes (guests are not teachers of the studio).</summary>
    public static IEnumerable<string> Keys(object data) => data switch
    {
        ActivityLogged x => Attending(x.Facts),
        ActivityCorrected x => Attending(x.Before).Union(Attending(x.After)),
        ActivityVoided x => Attending(x.Facts),
        OutsideTrainingRecorded x => [Key(x.TeacherId, x.Date.Year)],
        _ => [],
    };

    private static IEnumerable<string> Attending(ActivityFacts f) =>
        f.Attendees.Where(a => !a.Guest).Select(a => Key(a.TeacherId, f.Date.Year));

    /// <summary>Folds one event into the credit year <paramref name="key"/>; <paramref name="studio"/> is the event's studio.</summary>
    public static CreditYear Fold(CreditYear? snapshot, string key, IEvent e, Studio? studio)
    {
        var split = key.LastIndexOf(':');
        var doc = snapshot ?? new CreditYear { Id = key, TeacherId = key[..split], Year = int.Parse(key[(split + 1)..]) };
        var at = EventRef.Of(e);
        var level = TeacherFile.LevelOf(studio?.Level ?? StudioLevel.School);
        var next = e.Data switch
        {
            ActivityLogged x => doc.Credit(x.ActivityId, x.Facts, level, e.StreamId, at),
            ActivityCorrected x => doc.Uncredit(x.ActivityId, at.At).Credit(x.ActivityId, x.After, level, e.StreamId, at),
            ActivityVoided x => doc.Uncredit(x.ActivityId, at.At),
            OutsideTrainingRecorded x => doc with
            {
                Credits = [.. doc.Credits, new Credit(x.EntryId.ToString(), e.StreamId, x.Category, x.Level, x.Hours, x.Date, x.Course, at.At, Ref: at)],
            },
            _ => doc,
        };
        return ReferenceEquals(next, doc) ? doc : next.Retotalled(doc);
    }

    private CreditYear Credit(Guid activityId, ActivityFacts facts, TrainingLevel level, Guid studioId, EventRef at)
    {
        var attended = facts.Attendees.FirstOrDefault(a => a.TeacherId == TeacherId && !a.Guest);
        if (attended is null || facts.Date.Year != Year) return this;
        var credit = new Credit(activityId.ToString(), studioId, CreditCategory.StudioActivity, level, attended.Hours, facts.Date,
            facts.Title, at.At, ActivityId: activityId, Ref: at);
        return this with { Credits = [.. Credits, credit] };
    }

    /// <summary>A correction or void marks the standing credit removed at that moment; it is never deleted.</summary>
    private CreditYear Uncredit(Guid activityId, DateTimeOffset at) => this with
    {
        Credits = [.. Credits.Select(c => c.ActivityId == activityId && c.RemovedAt is null ? c with { RemovedAt = at } : c)],
    };
}

/// <summary>One credit year per teacher and calendar year, across every studio they were in.</summary>
public partial class CreditYearProjection() : AcrossStudiosProjection<CreditYear>(CreditYear.Keys)
{
    protected override CreditYear Fold(CreditYear? snapshot, string key, IEvent e, Studio? studio) => CreditYear.Fold(snapshot, key, e, studio);
}

/// <summary>
/// Standing credits of one category and level, dated in one month and given by one studio: how many, their hours, and
/// the first and last day they are dated. Totals written before the days and the studio were kept lack them: such a
/// year is read in full.
/// </summary>
public sealed record CreditTotal(CreditCategory Category, TrainingLevel Level, int Count, decimal Hours, DateOnly? First = null, DateOnly? Last = null,
    Guid? StudioId = null)
{
    /// <summary>Whether the total says when and where its credits were earned.</summary>
    public bool Placed => First is not null && Last is not null && StudioId is not null;

    /// <summary>
    /// Whether a window edge on <paramref name="day"/> falls between these credits: a window starting that day, or one
    /// ending that day, counts some of them but not all, so the total alone cannot answer (asked of placed totals).
    /// </summary>
    public bool Straddles(DateOnly day, bool windowStart) =>
        windowStart ? First < day && day <= Last : First <= day && day < Last;

    /// <summary>How totals are written to and read from their column.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Column = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>A row of teacher, year and totals read back.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions ColumnRow = new(Column) { PropertyNameCaseInsensitive = true };
}

/// <summary>A credit year without its credits: the totals only (a small read).</summary>
public sealed class CreditYearTotals
{
    public string TeacherId { get; set; } = "";
    public int Year { get; set; }
    public IReadOnlyList<CreditTotal>? Totals { get; set; } = [];
}

/// <summary>Loads growth files with their credits joined in from the credit years.</summary>
public static class TeacherFiles
{
    /// <summary>
    /// The credits that answer "now" questions (nothing recorded later than now): the credit years in
    /// <paramref name="fullYears"/> in full, every other year as one summary credit per total (category, level, month and
    /// studio), dated the first day its credits are dated. Hour policies judge the same as with every credit, provided no window edge
    /// falls between the credits of a summarized total (see <see cref="YearsToRead"/>); only the listing of counted
    /// credits is shorter.
    /// </summary>
    public static IReadOnlyList<Credit> Summarized(IEnumerable<CreditYear> full, IEnumerable<CreditYearTotals> totals, ISet<int> fullYears) =>
    [
        .. totals.Where(t => !fullYears.Contains(t.Year)).Select(t => (t.Year, Credits: (t.Totals ?? []).Select(x =>
            new Credit($"{x.First:yyyy-MM}:{x.Category.Code()}:{x.Level.Code()}:{x.StudioId}", x.StudioId ?? Guid.Empty, x.Category, x.Level, x.Hours,
                x.First ?? new DateOnly(t.Year, 1, 1), $"{t.Year}年{x.First?.Month}月合计（{x.Count}项）", DateTimeOffset.MinValue, Count: x.Count))))
            .Concat(full.Where(f => fullYears.Contains(f.Year)).Select(f => (f.Year, Credits: f.Credits.AsEnumerable())))
            .OrderBy(y => y.Year).SelectMany(y => y.Credits),
    ];

    /// <summary>
    /// The years an evaluation on each of <paramref name="days"/> must read in full: those where a policy window starts,
    /// or a day asked about falls, between the first and last credit of a total (or whose totals lack those days), and
    /// <paramref name="more"/> (a year whose credits are listed one by one).
    /// </summary>
    public static ISet<int> YearsToRead(TeacherInfo? teacher, IEnumerable<HourPolicy> policies, IReadOnlyCollection<DateOnly> days,
        IEnumerable<CreditYearTotals> totals, params int[] more)
    {
        var starts = teacher is null
            ? []
            : policies.Where(p => HourPolicies.Applies(p, teacher)).SelectMany(p => days.Select(d => HourPolicies.Window(p, teacher, d).Start)).ToHashSet();
        return totals.Where(y => y.Totals is null || y.Totals.Any(t => !t.Placed ||
                starts.Any(s => s.Year == y.Year && t.Straddles(s, windowStart: true)) ||
                days.Any(d => d.Year == y.Year && t.Straddles(d, windowStart: false))))
            .Select(y => y.Year).Concat(more).ToHashSet();
    }

    /// <summary>
    /// Growth files with the credits that answer "now" questions on <paramref name="days"/> (see <see cref="Summarized"/>);
    /// <paramref name="itemizedYear"/>, when given, is read in full: its credits are listed one by one (evidence).
    /// </summary>
    public static async Task<IReadOnlyList<TeacherFile>> LoadForNow(IQuerySession session, IReadOnlyCollection<string> teacherIds,
        IEnumerable<HourPolicy> policies, IReadOnlyCollection<DateOnly> days, int? itemizedYear, CancellationToken ct)
    {
        if (teacherIds.Count == 0) return [];
        var ids = teacherIds.Distinct().ToArray();
        var files = await session.LoadManyAsync<TeacherFile>(ct, ids);
        if (files.Count == 0) return [];
        var rows = await session.QueryAsync<string>(
            $"select jsonb_build_object('teacherId', teacher_id, 'year', year, 'totals', totals_column)::text from {Core.Setup.Schema}.mt_doc_credityear where teacher_id = any(?) and year <= ?",
            ct, ids, days.Max().Year);
        var totals = rows.Select(r => System.Text.Json.JsonSerializer.Deserialize<CreditYearTotals>(r, CreditTotal.ColumnRow)!).ToLookup(t => t.TeacherId);
        var policyList = policies.ToList();
        int[] itemized = itemizedYear is { } e ? [e] : [];
        var wanted = files.ToDictionary(f => f.Id, f => YearsToRead(f.Teacher, policyList, days, totals[f.Id], itemized));
        var keys = files.SelectMany(f => totals[f.Id].Where(t => wanted[f.Id].Contains(t.Year))).Select(t => CreditYear.Key(t.TeacherId, t.Year)).ToArray();
        var full = keys.Length == 0 ? [] : await session.LoadManyAsync<CreditYear>(ct, keys);
        return [.. files.Select(f => f with
        {
            Credits = Summarized(full.Where(c => c.TeacherId == f.Id), totals[f.Id], wanted[f.Id]),
        })];
    }

    /// <param name="upToYear">Leave out credit years after this one (credits dated later never count before then).</param>
    public static async Task<IReadOnlyList<TeacherFile>> Load(IQuerySession session, IReadOnlyCollection<string> teacherIds, CancellationToken ct,
        int? upToYear = null)
    {
        if (teacherIds.Count == 0) return [];
        var ids = teacherIds.Distinct().ToArray();
        var files = await session.LoadManyAsync<TeacherFile>(ct, ids);
        if (files.Count == 0) return [];
        var last = upToYear ?? int.MaxValue;
        var years = await session.Query<CreditYear>().Where(c => ids.Contains(c.TeacherId) && c.Year <= last).ToListAsync(ct);
        var credits = years.GroupBy(c => c.TeacherId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Credit>)[.. g.OrderBy(c => c.Year).SelectMany(c => c.Credits)]);
        return [.. files.Select(f => f with { Credits = credits.GetValueOrDefault(f.Id) ?? [] })];
    }

    public static async Task<TeacherFile?> Load(IQuerySession session, string teacherId, CancellationToken ct) =>
        (await Load(session, [teacherId], ct)).FirstOrDefault();
}
