using Marten;
using Workshops.Growth;
using Workshops.Programmes;
using Workshops.Core;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Teachers;

namespace Workshops.Training;

/// <summary>
/// One teacher's hours on a day, as pure functions: the credits studios recorded for them (activities attended and
/// training a studio logged, from the growth file's credit months) beside the outside credits of the credit bank that
/// count for their school, judged by the hour clocks of the rule set in effect and of the policies their region chose.
/// The growth file's hours, the clocks endpoint and checklist item X.4 all judge through here.
/// </summary>
public static class TrainingHours
{
    /// <summary>A studio's credit as the clocks read it: recorded by a studio of the programme, so it counts toward every policy.</summary>
    public static TrainingCredit FromStudio(Credit c) =>
        new($"studio:{c.Key}", c.Title, c.Date, c.Hours, c.Category, c.Level, null, null, c.Ref, c.Count);

    /// <summary>Studio credits (those standing, as the caller chose) and the credit bank's that count for a school in <paramref name="schoolRegion"/>.</summary>
    public static IReadOnlyList<TrainingCredit> Credits(IEnumerable<Credit> studio, TrainingRecord? outside, string schoolRegion) =>
        [.. studio.Select(FromStudio), .. outside is null ? [] : CreditBank.Counting(outside, schoolRegion)];

    /// <summary>
    /// A policy a region added as data (<see cref="HourPolicy"/>) on a clock: a cumulative window is once-only (due
    /// some months after the role began), a calendar year yearly, a cycle runs in fixed cycles. The clock runs from the
    /// day the policy was added (<paramref name="added"/>; a yearly one from that year's first day), so nobody is
    /// overdue for years before it existed; a policy for new teachers keeps its own date.
    /// </summary>
    public static ClockPolicy ClockOf(HourPolicy p, DateOnly? added = null)
    {
        var kind = p.Window switch
        {
            PolicyWindow.CalendarYear => ClockKind.Yearly,
            PolicyWindow.Cycle => ClockKind.Cycle,
            _ => ClockKind.Once,
        };
        var from = p.Audience == Audience.NewTeachers ? p.AudienceSince
            : added is { } day && kind == ClockKind.Yearly ? new DateOnly(day.Year, 1, 1)
            : added;
        return new ClockPolicy(p.Code, p.Title, p.Source,
            p.Audience switch
            {
                Audience.NewTeachers => ClockAudience.NewTeachers,
                Audience.Principals => ClockAudience.Principals,
                Audience.AllTeachers => ClockAudience.AllTeachers,
                _ => ClockAudience.HeadTeachers,
            },
            kind, p.Categories, p.RequiredHours, p.RequiredTrainings, p.Levels, Math.Max(1, p.CycleYears), p.DueMonths, From: from);
    }

    /// <summary>
    /// The clocks that apply: those the region chose, in its order, then the rule set's hour policies (by code: a preset
    /// clock when one has the code, else the region's policy on a clock); codes with neither are left out.
    /// </summary>
    public static IReadOnlyList<ClockPolicy> Policies(IEnumerable<string> ruleSet, string? chosenBy, IReadOnlyList<HourPolicy> chosen,
        IReadOnlyDictionary<string, DateOnly>? added = null)
    {
        var codes = Codes(ruleSet, chosenBy, chosen);
        return [.. codes.Select(c => HourClocks.Find(c)
            ?? (chosen.FirstOrDefault(p => p.Code == c) is { } p ? ClockOf(p, added?.GetValueOrDefault(c) is { } day && day != default ? day : null) : null))
            .OfType<ClockPolicy>()];
    }

    /// <summary>Codes named by the rule set or the region that have no clock.</summary>
    public static IReadOnlyList<string> WithoutClock(IEnumerable<string> ruleSet, string? chosenBy, IReadOnlyList<HourPolicy> chosen) =>
        [.. Codes(ruleSet, chosenBy, chosen).Where(c => HourClocks.Find(c) is null && chosen.All(p => p.Code != c))];

    private static IEnumerable<string> Codes(IEnumerable<string> ruleSet, string? chosenBy, IReadOnlyList<HourPolicy> chosen) =>
        (chosenBy is null ? [] : chosen.Select(p => p.Code)).Concat(ruleSet).Distinct();

    /// <summary>Every clock on the facts' day over the teacher's studio credits and the credit bank's, with the certificates held then.</summary>
    public static IReadOnlyList<ClockResult> Judge(IReadOnlyList<ClockPolicy> policies, TeacherFacts facts, IEnumerable<Credit> studio, TrainingRecord? outside) =>
        HourClocks.JudgeAll(policies, facts, Credits(studio, outside, facts.Region),
            outside is null ? [] : Certificates.Held(outside.Certificates, facts.AsOf));

    /// <summary>
    /// The facts a teacher is judged on: their record's on the day when they have one, else what the roster entry
    /// carried when they joined (<see cref="TeacherFacts.FromJoinFacts"/>) in the studio's region and track.
    /// </summary>
    public static TeacherFacts FactsOf(TeacherRecord? record, TeacherInfo joined, DateOnly joinedOn, Region region, Track track, DateOnly day) =>
        record is not null ? TeacherFacts.AsOfDay(record, day) : TeacherFacts.FromJoinFacts(joined, joinedOn, day, region.Code, track);

    /// <summary>The clocks of a studio's programme: its region's rule set for its track on the day, and the policies the region chose.</summary>
    public static async Task<IReadOnlyList<ClockPolicy>> ClocksOf(IQuerySession session, Region region, Track track, DateOnly day, DateTimeOffset? recordedBy,
        CancellationToken ct)
    {
        var choice = await RuleSetLibrary.For(session, region.Code, track, day, ct, recordedBy);
        var chosen = await PolicyCatalog.For(session, RuleSetLibrary.Chain(region.Code), ct);
        return Policies(choice.RuleSet.HourPolicies, chosen.Region, chosen.Policies, await PolicyCatalog.AddedOn(session, ct));
    }

    /// <summary>
    /// The records of the teachers who have one: their facts on <paramref name="day"/> (as recorded by the end of
    /// <paramref name="asOf"/> when it is past) and their training records as recorded then.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<string, TeacherFacts> Facts, IReadOnlyDictionary<string, TrainingRecord> Trainings)> RecordsOf(
        IQuerySession session, IReadOnlyCollection<string> teacherIds, DateOnly day, DateOnly? asOf, DateOnly today, CancellationToken ct)
    {
        var facts = new Dictionary<string, TeacherFacts>();
        var trainings = new Dictionary<string, TrainingRecord>();
        if (teacherIds.Count == 0) return (facts, trainings);
        var ids = teacherIds.Distinct().Select(TeacherStreams.IdOf).ToArray();
        var moment = TrainingReads.Moment(asOf, today);
        // The records as recorded by then, every stream in one round trip.
        var records = await TeacherReads.Records(session, teacherIds, moment, ct);
        var kept = (await session.LoadManyAsync<TrainingRecord>(ct, ids)).ToDictionary(t => t.TeacherId);
        foreach (var record in records.Values)
        {
            facts[record.TeacherId] = TeacherFacts.AsOfDay(record, day);
            if (kept.GetValueOrDefault(record.TeacherId) is { } training) trainings[record.TeacherId] = moment is { } then ? training.AsOf(then) : training;
        }
        return (facts, trainings);
    }
}

/// <summary>What X.4 reads besides the growth files: the clocks of the studio's programme, and the records of those who have one.</summary>
public sealed record RosterHours(IReadOnlyList<ClockPolicy> Clocks, IReadOnlyDictionary<string, TeacherFacts> Facts, IReadOnlyDictionary<string, TrainingRecord> Trainings);
