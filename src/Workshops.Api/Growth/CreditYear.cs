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
/// One teacher's training credits dated in one calendar year, with their totals: assembled, when read, from the year's
/// <see cref="CreditMonth"/> documents (<see cref="TeacherFiles"/>); nothing stores a whole year, so no document grows
/// with a teacher's history.
/// </summary>
public sealed record CreditYear
{
    public string Id { get; init; } = "";
    public string TeacherId { get; init; } = "";
    public int Year { get; init; }
    public IReadOnlyList<Credit> Credits { get; init; } = [];
    /// <summary>The standing credits (not removed) summed by category, level, month and studio.</summary>
    public IReadOnlyList<CreditTotal> Totals { get; init; } = [];

    public static string Key(string teacherId, int year) => $"{teacherId}:{year}";

    /// <summary>The same credits with their totals recomputed.</summary>
    public CreditYear Totalled() => this with { Totals = CreditTotals.Of(Credits) };

    /// <summary>The totals after <paramref name="before"/> became this year (see <see cref="CreditTotals.Again"/>).</summary>
    public CreditYear Retotalled(CreditYear before) => this with { Totals = CreditTotals.Again(before.Credits, before.Totals, Credits) };

    /// <summary>A year assembled from its months.</summary>
    public static CreditYear Of(string teacherId, int year, IEnumerable<CreditMonth> months)
    {
        var ordered = months.OrderBy(m => m.Month).ToList();
        return new CreditYear
        {
            Id = Key(teacherId, year), TeacherId = teacherId, Year = year,
            Credits = [.. ordered.SelectMany(m => m.Credits)],
            Totals = [.. ordered.SelectMany(m => m.Totals ?? []).OrderBy(CreditTotals.KeyOf)],
        };
    }
}

/// <summary>
/// One teacher's training credits dated in one month: studio activities they attended and training recorded outside,
/// with the month's totals. A multi-stream projection keyed "teacher:yyyy-MM", kept by the async daemon; an activity
/// touches only the months of the people who attended it, and a month holds no more than a month of credits.
/// </summary>
public sealed record CreditMonth
{
    /// <summary>"teacher:yyyy-MM": the teacher, year and month are read from it, not stored again beside it.</summary>
    public string Id { get; init; } = "";
    /// <summary>From the id; a column of its own (a teacher's months are looked up by it), not a member of the stored JSON.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string TeacherId => Id.LastIndexOf(':') is var split and >= 0 ? Id[..split] : Id;
    /// <summary>From the id, like <see cref="TeacherId"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Year => Part(1, 4);
    /// <summary>From the id, like <see cref="TeacherId"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Month => Part(6, 2);
    /// <summary>Stored in runs of credits that share their studio, category, level and who recorded them (<see cref="CreditRunsJson"/>).</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(CreditRunsJson))]
    public IReadOnlyList<Credit> Credits { get; init; } = [];
    /// <summary>The standing credits (not removed) summed by category, level and studio: what "now" questions need of a month.</summary>
    public IReadOnlyList<CreditTotal> Totals { get; init; } = [];

    public static string Key(string teacherId, DateOnly date) => $"{teacherId}:{date:yyyy-MM}";

    /// <summary>The digits at <paramref name="start"/> after the id's last colon ("yyyy-MM"), 0 in an id without them.</summary>
    private int Part(int start, int length)
    {
        var at = Id.LastIndexOf(':') + start;
        return at > start - 1 && at + length <= Id.Length &&
               int.TryParse(Id.AsSpan(at, length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : 0;
    }

    /// <summary>The credit months an event changes (guests are not teachers of the studio).</summary>
    public static IEnumerable<string> Keys(object data) => data switch
    {
        ActivityLogged x => Attending(x.Facts),
        ActivityCorrected x => Attending(x.Before).Union(Attending(x.After)),
        ActivityVoided x => Attending(x.Facts),
        OutsideTrainingRecorded x => [Key(x.TeacherId, x.Date)],
        _ => [],
    };

    private static IEnumerable<string> Attending(ActivityFacts f) =>
        f.Attendees.Where(a => !a.Guest).Select(a => Key(a.TeacherId, f.Date));

    /// <summary>Folds one event into the credit month <paramref name="key"/>; <paramref name="studio"/> is the event's studio.</summary>
    public static CreditMonth Fold(CreditMonth? snapshot, string key, IEvent e, Studio? studio)
    {
        var doc = snapshot ?? Empty(key);
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
        return ReferenceEquals(next, doc) ? doc : next with { Totals = CreditTotals.Again(doc.Credits, doc.Totals, next.Credits) };
    }

    private static CreditMonth Empty(string key) => new() { Id = key };

    private CreditMonth Credit(Guid activityId, ActivityFacts facts, TrainingLevel level, Guid studioId, EventRef at)
    {
        var attended = facts.Attendees.FirstOrDefault(a => a.TeacherId == TeacherId && !a.Guest);
        if (attended is null || facts.Date.Year != Year || facts.Date.Month != Month) return this;
        var credit = new Credit(activityId.ToString(), studioId, CreditCategory.StudioActivity, level, attended.Hours, facts.Date,
            facts.Title, at.At, ActivityId: activityId, Ref: at);
        return this with { Credits = [.. Credits, credit] };
    }

    /// <summary>A correction or void marks the standing credit removed at that moment; it is never deleted.</summary>
    private CreditMonth Uncredit(Guid activityId, DateTimeOffset at) => this with
    {
        Credits = [.. Credits.Select(c => c.ActivityId == activityId && c.RemovedAt is null ? c with { RemovedAt = at } : c)],
    };
}

/// <summary>Totals of standing credits by category, level, month and studio.</summary>
public static class CreditTotals
{
    public static (CreditCategory, TrainingLevel, int, Guid) KeyOf(Credit c) => (c.Category, c.Level, c.Date.Month, c.StudioId);

    public static (CreditCategory, TrainingLevel, int, Guid) KeyOf(CreditTotal t) => (t.Category, t.Level, t.First!.Value.Month, t.StudioId!.Value);

    /// <summary>The totals of the standing credits, in key order.</summary>
    public static IReadOnlyList<CreditTotal> Of(IEnumerable<Credit> credits) =>
        [.. credits.Where(c => c.RemovedAt is null).GroupBy(KeyOf).OrderBy(g => g.Key).Select(g => Total(g.Key, g))];

    /// <summary>
    /// The totals after the credits <paramref name="before"/> (totalled as <paramref name="totals"/>) became
    /// <paramref name="after"/>: only the totals whose credits changed (added, or marked removed) are summed again, so a
    /// credit costs one pass over the credits rather than regrouping all of them. The same totals as <see cref="Of"/>, in
    /// the same order.
    /// </summary>
    public static IReadOnlyList<CreditTotal> Again(IReadOnlyList<Credit> before, IReadOnlyList<CreditTotal> totals, IReadOnlyList<Credit> after)
    {
        if (totals.Any(t => !t.Placed) || before.Count > after.Count) return Of(after);
        if (after.Count == before.Count + 1 && after[^1].RemovedAt is null && Kept(before, after)) return Added(totals, after[^1]);
        var changed = new HashSet<(CreditCategory, TrainingLevel, int, Guid)>();
        for (var i = 0; i < after.Count; i++)
            if (i >= before.Count || !ReferenceEquals(after[i], before[i]))
            {
                changed.Add(KeyOf(after[i]));
                if (i < before.Count) changed.Add(KeyOf(before[i]));
            }
        if (changed.Count == 0) return totals;
        var again = after.Where(c => c.RemovedAt is null && changed.Contains(KeyOf(c))).GroupBy(KeyOf).Select(g => Total(g.Key, g));
        return [.. totals.Where(t => !changed.Contains(KeyOf(t))).Concat(again).OrderBy(KeyOf)];
    }

    /// <summary>Whether every credit of <paramref name="before"/> is still in <paramref name="after"/>, in its place.</summary>
    private static bool Kept(IReadOnlyList<Credit> before, IReadOnlyList<Credit> after)
    {
        for (var i = 0; i < before.Count; i++)
            if (!ReferenceEquals(after[i], before[i])) return false;
        return true;
    }

    /// <summary>
    /// The totals after one standing credit was added (the common case: an activity attended): its total counts it,
    /// or a new total is put in its place in key order. What <see cref="Again"/> sums again for that key, without a
    /// pass over the month's other credits, which the one-pass rebuild paid for every attendee of every activity.
    /// </summary>
    private static IReadOnlyList<CreditTotal> Added(IReadOnlyList<CreditTotal> totals, Credit credit)
    {
        var key = KeyOf(credit);
        var order = Comparer<(CreditCategory, TrainingLevel, int, Guid)>.Default;
        var next = new List<CreditTotal>(totals.Count + 1);
        var i = 0;
        while (i < totals.Count && order.Compare(KeyOf(totals[i]), key) < 0) next.Add(totals[i++]);
        if (i < totals.Count && order.Compare(KeyOf(totals[i]), key) == 0)
        {
            var t = totals[i++];
            next.Add(t with
            {
                Count = t.Count + 1,
                Hours = t.Hours + credit.Hours,
                First = credit.Date < t.First!.Value ? credit.Date : t.First,
                Last = credit.Date > t.Last!.Value ? credit.Date : t.Last,
            });
        }
        else next.Add(new CreditTotal(credit.Category, credit.Level, 1, credit.Hours, credit.Date, credit.Date, credit.StudioId));
        while (i < totals.Count) next.Add(totals[i++]);
        return next;
    }

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
}

/// <summary>One credit month per teacher and month, across every studio they were in.</summary>
public partial class CreditMonthProjection() : AcrossStudiosProjection<CreditMonth>(CreditMonth.Keys)
{
    protected override CreditMonth Fold(CreditMonth? snapshot, string key, IEvent e, Studio? studio) => CreditMonth.Fold(snapshot, key, e, studio);
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
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Placed => First is not null && Last is not null && StudioId is not null;

    /// <summary>
    /// Whether a window edge on <paramref name="day"/> falls between these credits: a window starting that day, or one
    /// ending that day, counts some of them but not all, so the total alone cannot answer (asked of placed totals).
    /// </summary>
    public bool Straddles(DateOnly day, bool windowStart) =>
        windowStart ? First < day && day <= Last : First <= day && day < Last;

    /// <summary>A row of teacher, year and totals read back from the stored months (enumerations stored as names).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions ColumnRow = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(), new StoredCreditTotal() },
        PropertyNameCaseInsensitive = true,
    };
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
        // The totals of every month, without its credits: a few hundred bytes a month.
        var rows = await session.QueryAsync<string>(
            $"select jsonb_build_object('teacherId', teacher_id, 'year', year, 'totals', data -> 'totals')::text from {Core.Setup.Schema}.mt_doc_creditmonth where teacher_id = any(?) and year <= ?",
            ct, ids, days.Max().Year);
        var totals = rows.Select(r => System.Text.Json.JsonSerializer.Deserialize<CreditYearTotals>(r, CreditTotal.ColumnRow)!)
            .GroupBy(t => (t.TeacherId, t.Year))
            .Select(g => new CreditYearTotals { TeacherId = g.Key.TeacherId, Year = g.Key.Year, Totals = g.Any(t => t.Totals is null) ? null : [.. g.SelectMany(t => t.Totals!)] })
            .ToLookup(t => t.TeacherId);
        var policyList = policies.ToList();
        int[] itemized = itemizedYear is { } e ? [e] : [];
        var wanted = files.ToDictionary(f => f.Id, f => YearsToRead(f.Teacher, policyList, days, totals[f.Id], itemized));
        var years = wanted.Values.SelectMany(y => y).Distinct().ToArray();
        var months = years.Length == 0
            ? []
            : await session.Query<CreditMonth>().Where(m => ids.Contains(m.TeacherId) && years.Contains(m.Year)).ToListAsync(ct);
        var full = months.Where(m => wanted[m.TeacherId].Contains(m.Year)).GroupBy(m => (m.TeacherId, m.Year))
            .Select(g => CreditYear.Of(g.Key.TeacherId, g.Key.Year, g)).ToList();
        return [.. files.Select(f => f with
        {
            Credits = Summarized(full.Where(c => c.TeacherId == f.Id), totals[f.Id], wanted[f.Id]),
        })];
    }

    /// <param name="upToYear">Leave out credit months after this year (credits dated later never count before then).</param>
    public static async Task<IReadOnlyList<TeacherFile>> Load(IQuerySession session, IReadOnlyCollection<string> teacherIds, CancellationToken ct,
        int? upToYear = null)
    {
        if (teacherIds.Count == 0) return [];
        var ids = teacherIds.Distinct().ToArray();
        var files = await session.LoadManyAsync<TeacherFile>(ct, ids);
        if (files.Count == 0) return [];
        var last = upToYear ?? int.MaxValue;
        var months = await session.Query<CreditMonth>().Where(c => ids.Contains(c.TeacherId) && c.Year <= last).ToListAsync(ct);
        var credits = months.GroupBy(c => c.TeacherId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<Credit>)[.. g.OrderBy(c => c.Year).ThenBy(c => c.Month).SelectMany(c => c.Credits)]);
        return [.. files.Select(f => f with { Credits = credits.GetValueOrDefault(f.Id) ?? [] })];
    }

    public static async Task<TeacherFile?> Load(IQuerySession session, string teacherId, CancellationToken ct) =>
        (await Load(session, [teacherId], ct)).FirstOrDefault();
}
