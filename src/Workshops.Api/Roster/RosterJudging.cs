using Marten;
using Workshops.Programmes;
using Workshops.Studios;
using Workshops.Teachers;

namespace Workshops.Roster;

/// <summary>The roster as its rule set judges it on a day: the rule set that applies and the warnings it gives.</summary>
public sealed record RosterJudged(string RuleSet, IReadOnlyList<Warning> Warnings);

/// <summary>
/// A roster person's facts on the day a studio view is asked for: from their teacher record (<see cref="FromRecord"/>),
/// else from what the roster entry said when they joined, counted to that day. The title is the record's title's label,
/// or the text the roster entry gave.
/// </summary>
public sealed record RosterFacts(string TeacherId, RosterRole Role, bool FromRecord, string School, string? Title, int HeadTeacherYears,
    int? TeachingYears, bool ServingAsHeadTeacher, bool Rural);

/// <summary>
/// Reads what the roster rules of a studio's rule set need: the rule set for the studio's region and track on the day,
/// and each person's school on that day from their teacher record (the school they gave when they joined if they have
/// no record). The rules themselves are pure (<see cref="RosterLimitRules"/>).
/// </summary>
public static class RosterJudging
{
    public static async Task<RuleSetChoice?> RuleSetOf(IQuerySession session, Guid studioId, DateOnly day, CancellationToken ct) =>
        await StudioIdentities.Of(session, studioId, ct) is { } studio
            ? await RuleSetLibrary.For(session, studio.Region.Code, studio.Track, day, ct)
            : null;

    /// <summary>The current roster with each person's school on the day (pure: the records are given).</summary>
    public static IReadOnlyList<RosterPerson> Persons(Studio studio, IReadOnlyDictionary<string, TeacherRecord> records, DateOnly day) =>
    [
        .. studio.CurrentRoster().Select(r => new RosterPerson(r.Teacher.Id, r.Role,
            records.TryGetValue(r.Teacher.Id, out var record) && record.Schools.Count > 0 ? record.SchoolOn(day).School : r.Teacher.School)),
    ];

    /// <summary>
    /// Loads the records of everyone on the roster in one round trip, by teacher id: as they stand now, or as recorded by
    /// <paramref name="recordedBy"/> (a past asOf's end), so a fact recorded later does not change a past answer.
    /// </summary>
    public static Task<IReadOnlyDictionary<string, TeacherRecord>> Records(IQuerySession session, IEnumerable<string> teacherIds,
        CancellationToken ct, DateTimeOffset? recordedBy = null) =>
        TeacherReads.Records(session, teacherIds, recordedBy, ct);

    public static async Task<RosterJudged> Judge(IQuerySession session, Studio studio, RuleSet set, DateOnly day, CancellationToken ct)
    {
        var records = await Records(session, studio.CurrentRoster().Select(r => r.Teacher.Id), ct);
        return new RosterJudged(set.Code, RosterLimitRules.Warnings(set, studio.School, Persons(studio, records, day)));
    }

    /// <summary>
    /// The studio view as of a day (pure): each current roster person's facts on the day from their record (or their
    /// join facts) and the warnings of the rule set in effect.
    /// </summary>
    public static Studio View(Studio studio, RuleSet set, IReadOnlyDictionary<string, TeacherRecord> records, DateOnly day) => studio with
    {
        On = day,
        RuleSet = set.Code,
        RosterFacts = [.. studio.CurrentRoster().Select(e => FactsOf(e, records.GetValueOrDefault(e.Teacher.Id), studio, day))],
        Warnings = RosterLimitRules.Warnings(set, studio.School, Persons(studio, records, day)),
    };

    private static RosterFacts FactsOf(RosterEntry entry, TeacherRecord? record, Studio studio, DateOnly day)
    {
        var f = Growth.Recognition.FactsOf(entry, record, studio, day);
        var fromRecord = record is { Schools.Count: > 0 };
        return new RosterFacts(entry.Teacher.Id, entry.Role, fromRecord, f.School,
            fromRecord ? (f.Title is { } t ? Core.Codes.Label(t) : null) : entry.Teacher.Title,
            f.HeadTeacherYears, f.TeachingYears, f.ServingAsHeadTeacher, f.Rural);
    }
}
