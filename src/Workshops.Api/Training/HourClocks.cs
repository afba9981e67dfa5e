using Workshops.Core;
using Workshops.Growth;
using Workshops.Studios;
using Workshops.Teachers;

namespace Workshops.Training;

/// <summary>Who gave a credit: the issuing authority, its programme and the region it governs (000000: national).</summary>
public sealed record CreditSource(string Issuer, string Programme, string Region);

/// <summary>
/// A training credit as the clocks read it: a plain record of date, hours, category, level and source.
/// <see cref="Toward"/> limits the policies it counts toward (a credit recognised by the credit bank for some policies
/// only); null or empty: every policy that accepts its category and level. <see cref="Count"/>: how many trainings it
/// stands for (more than one for a month's summary of studio credits, see <see cref="TeacherFiles.Summarized"/>).
/// </summary>
public sealed record TrainingCredit(string Key, string Title, DateOnly Date, decimal Hours, CreditCategory Category, TrainingLevel Level,
    CreditSource? Source = null, IReadOnlyList<string>? Toward = null, EventRef? Ref = null, int Count = 1)
{
    public bool CountsToward(string policy) => Toward is not { Count: > 0 } || Toward.Contains(policy);
}

/// <summary>A certificate the teacher was issued (a clock may accept it as proof that its training was passed).</summary>
public sealed record CertificateHeld(CertificateKind Kind, DateOnly IssuedOn);

/// <summary>
/// An hour policy with its clock, as data: who it applies to (<see cref="Audience"/>), what it requires (hours or a number
/// of trainings of some categories and levels) and how its clock runs (<see cref="Kind"/>, <see cref="Years"/>,
/// <see cref="DueMonths"/>, <see cref="From"/> and <see cref="Until"/>). <see cref="After"/> starts a clock only once
/// another policy is met (the three-yearly training follows the first 30 hours); <see cref="MetBy"/> accepts a
/// certificate as proof; policies of one <see cref="Exclusive"/> group never count the same hours twice.
/// </summary>
public sealed record ClockPolicy(
    string Code,
    string Title,
    string Source,
    ClockAudience Audience,
    ClockKind Kind,
    IReadOnlyList<CreditCategory> Categories,
    decimal? RequiredHours = null,
    int? RequiredTrainings = null,
    IReadOnlyList<TrainingLevel>? Levels = null,
    int Years = 1,
    int DueMonths = 12,
    DateOnly? From = null,
    DateOnly? Until = null,
    string? After = null,
    IReadOnlyList<CertificateKind>? MetBy = null,
    string? Exclusive = null)
{
    public bool ByHours => RequiredHours is not null;

    public decimal Required => RequiredHours ?? RequiredTrainings ?? 0;

    public string Unit => ByHours ? "hours" : "trainings";

    public bool Counts(TrainingCredit credit) =>
        Categories.Contains(credit.Category) && (Levels is not { Count: > 0 } || Levels.Contains(credit.Level)) && credit.CountsToward(Code);
}

/// <summary>A credit a clock counted; <see cref="Ref"/>: the studio event behind a studio's credit (the evidence a checklist lists).</summary>
public sealed record ClockCredit(string Key, string Title, DateOnly Date, decimal Hours, CreditCategory Category, TrainingLevel Level, EventRef? Ref = null);

/// <summary>A closed window of a yearly or cyclic clock: what it needed and whether it was met.</summary>
public sealed record ClockWindow(DateOnly Start, DateOnly End, decimal Earned, bool Met);

/// <summary>
/// A clock judged on a day: met, due (by <see cref="Due"/>) or overdue; what it requires and what counted.
/// <see cref="Start"/> is the start of the window judged (a once-only clock: the day it started; credits earned before count too).
/// <see cref="Previous"/> is the window before, for yearly and cyclic clocks (missed: the clock is overdue until this window is met).
/// </summary>
public sealed record ClockResult(
    string Code,
    string Title,
    string Source,
    ClockKind Kind,
    ClockStatus Status,
    string Unit,
    decimal Required,
    decimal Earned,
    decimal Remaining,
    DateOnly Start,
    DateOnly Due,
    DateOnly? MetOn,
    string Why,
    IReadOnlyList<ClockCredit> Counted,
    ClockWindow? Previous = null);

/// <summary>
/// The hour clocks of seeds 000, 002, 003 and 004, as pure functions of a policy, the teacher's facts on the day judged,
/// their credits and certificates. Nobody trained is overdue because they started long ago: a once-only clock starts
/// on the later of the teacher's first day in the role and the policy's own start, and is met for good once met.
/// </summary>
public static class HourClocks
{
    /// <summary>seed 002 is dated 2020-01-05 and starts “从今年起”.</summary>
    public static readonly DateOnly Seed002 = new(2020, 1, 1);
    /// <summary>seed 003: “2021年起，新入职教师…”.</summary>
    public static readonly DateOnly Seed003 = new(2021, 1, 1);
    /// <summary>seed 004 is dated 2023-08-29 (教育部).</summary>
    public static readonly DateOnly Seed004 = new(2023, 8, 29);
    /// <summary>seed 000 was issued 2022-10-16 (厦教办〔2022〕95号).</summary>
    public static readonly DateOnly Seed000 = new(2022, 10, 16);

    public const string PrincipalHours = "principal-hours";

    public static readonly IReadOnlyList<ClockPolicy> Presets =
    [
        // seed 002 二.2(2): serving head teachers not yet trained and new head teachers take ≥ 30 hours. Due within a year of
        // the later of their first day as head teacher and the plan's start (分期分批); a certificate of the passed training proves it.
        new("head-teacher-30", "班主任专题培训不少于30学时", "seed 002 二.2(2) 组织现在已在岗的班主任和今后将新上岗的班主任…接受不少于30学时的培训",
            ClockAudience.HeadTeachers, ClockKind.Once, [CreditCategory.StudioActivity, CreditCategory.HeadTeacherTraining, CreditCategory.AbilityGeneral],
            RequiredHours: 30, DueMonths: 12, From: Seed002, MetBy: [CertificateKind.TrainingPass, CertificateKind.HeadTeacherQualification]),
        // seed 002 二.2(3): once trained and certified, every three years a municipal or district training while serving ...
        new("rotation-3-years", "每三年参加一次市级或区级班主任培训", "seed 002 二.2(3) 在其担任班主任期间，每三年必须参加一次市级或区级班主任培训",
            ClockAudience.HeadTeachers, ClockKind.Rolling, [CreditCategory.HeadTeacherTraining, CreditCategory.AbilityGeneral], RequiredTrainings: 1,
            Levels: [TrainingLevel.District, TrainingLevel.Municipal], Years: 3, From: Seed002, After: "head-teacher-30"),
        // ... and at least one school-based training every year.
        new("school-based-yearly", "每年至少参加一次校本培训", "seed 002 二.2(3) 每年必须至少参加一次校本培训",
            ClockAudience.HeadTeachers, ClockKind.Yearly,
            [CreditCategory.StudioActivity, CreditCategory.HeadTeacherTraining, CreditCategory.AbilityGeneral, CreditCategory.Other],
            RequiredTrainings: 1, Levels: [TrainingLevel.School], From: Seed002, After: "head-teacher-30"),
        // seed 003: from 2021 new teachers take 48 hours of general training on the head-teacher abilities (in their first year).
        new("new-teacher-48", "新入职教师48学时班主任能力通识性培训", "seed 003 二 促进专业发展 2021年起，新入职教师必须进行48学时的…通识性培训",
            ClockAudience.NewTeachers, ClockKind.Once, [CreditCategory.AbilityGeneral], RequiredHours: 48, DueMonths: 12, From: Seed003),
        // seed 004 五: new (or prospective) principals ≥ 300 hours of qualification training, in its own category ...
        new("principal-300", "校长任职资格培训不少于300学时", "seed 004 五 新任校长或拟任校长必须参加不少于300学时的任职资格培训",
            ClockAudience.NewPrincipals, ClockKind.Once, [CreditCategory.PrincipalQualification], RequiredHours: 300, DueMonths: 12, From: Seed004,
            MetBy: [CertificateKind.PrincipalQualification], Exclusive: PrincipalHours),
        // ... and serving principals ≥ 360 hours in every five-year cycle, in another (the older undifferentiated 校长培训 counts here).
        new("principal-360-per-5-years", "在任校长每5年不少于360学时", "seed 004 五 实行5年一周期不少于360学时的在任校长全员培训制度",
            ClockAudience.Principals, ClockKind.Cycle, [CreditCategory.PrincipalInService, CreditCategory.PrincipalTraining], RequiredHours: 360,
            Years: 5, From: Seed004, Exclusive: PrincipalHours),
        // seed 000 三.(二).1 严把新任班主任规范化培训考核关: the seed names no hours, so one passed head-teacher training in the first year.
        new("xiamen-new-head-teacher-training", "新任班主任规范化培训考核", "seed 000 三.(二).1 严把新任班主任规范化培训考核关（未规定学时：入职一年内完成一次班主任规范化培训）",
            ClockAudience.NewHeadTeachers, ClockKind.Once, [CreditCategory.HeadTeacherTraining], RequiredTrainings: 1, DueMonths: 12, From: Seed000),
        // seed 000 三.(三): every rural head teacher of the city trained in rotation (轮训) by 2025.
        new("xiamen-rural-rotation-2025", "到2025年农村班主任全员轮训", "seed 000 三.(三) 到2025年对全市农村班主任进行全员轮训",
            ClockAudience.RuralHeadTeachers, ClockKind.Deadline, [CreditCategory.HeadTeacherTraining, CreditCategory.AbilityGeneral, CreditCategory.StudioActivity],
            RequiredTrainings: 1, Levels: [TrainingLevel.District, TrainingLevel.Municipal], From: Seed000, Until: new DateOnly(2025, 12, 31)),
    ];

    public static ClockPolicy? Find(string code) => Presets.FirstOrDefault(p => p.Code == code);

    /// <summary>
    /// Every applicable clock of <paramref name="policies"/> on the facts' day, in order. Policies of one exclusive group
    /// share no hours: the hours one counts toward its requirement are not available to the next (a 400-hour course
    /// counted 300 toward one leaves 100 for the other, if it is of a category the other accepts).
    /// </summary>
    public static IReadOnlyList<ClockResult> JudgeAll(IEnumerable<ClockPolicy> policies, TeacherFacts facts, IReadOnlyList<TrainingCredit> credits,
        IReadOnlyList<CertificateHeld> certificates)
    {
        var list = policies.ToList();
        var left = new Dictionary<(string Group, string Key), decimal>();
        var results = new List<ClockResult>();
        foreach (var policy in list)
        {
            var available = policy.Exclusive is not { } group
                ? credits
                : [.. credits.Select(c => c with { Hours = left.GetValueOrDefault((group, c.Key), c.Hours) }).Where(c => c.Hours > 0)];
            var after = policy.After is { } code ? CompletedOn(list.FirstOrDefault(p => p.Code == code) ?? Find(code), facts, credits, certificates) : null;
            if (Judge(policy, facts, available, certificates, after) is not { } result) continue;
            results.Add(result);
            if (policy.Exclusive is { } used)
                foreach (var (key, hours) in Consumed(policy, result))
                    left[(used, key)] = available.First(c => c.Key == key).Hours - hours;
        }
        return results;
    }

    /// <summary>The hours a judged clock used of each credit counted: in date order, up to what it requires.</summary>
    private static IEnumerable<(string Key, decimal Hours)> Consumed(ClockPolicy policy, ClockResult result)
    {
        var need = policy.Required;
        foreach (var c in result.Counted)
        {
            if (need <= 0) yield break;
            var take = policy.ByHours ? Math.Min(c.Hours, need) : c.Hours;
            need -= policy.ByHours ? take : 1;
            yield return (c.Key, take);
        }
    }

    public static bool Applies(ClockPolicy policy, TeacherFacts facts) => policy.Audience switch
    {
        ClockAudience.HeadTeachers => facts.ServingAsHeadTeacher,
        ClockAudience.NewHeadTeachers => facts.ServingAsHeadTeacher && facts.HeadTeacherPeriods.Count > 0
                                         && (policy.From is not { } from || facts.HeadTeacherPeriods[0].From >= from),
        ClockAudience.NewTeachers => facts.TeachingSince is { } since && (policy.From is not { } start || since >= start),
        ClockAudience.RuralHeadTeachers => facts.ServingAsHeadTeacher && facts.Rural,
        ClockAudience.Principals => facts.Principal,
        ClockAudience.NewPrincipals => facts.Principal && Principal(facts).Count > 0 && (policy.From is not { } begun || Principal(facts)[0].From >= begun),
        ClockAudience.AllTeachers => true,
        _ => false,
    };

    private static IReadOnlyList<PeriodOn> Principal(TeacherFacts facts) => facts.PrincipalPeriods ?? [];

    private static bool ForPrincipals(ClockPolicy policy) => policy.Audience is ClockAudience.Principals or ClockAudience.NewPrincipals;

    private static IReadOnlyList<PeriodOn> Periods(ClockPolicy policy, TeacherFacts facts) =>
        ForPrincipals(policy) ? Principal(facts) : facts.HeadTeacherPeriods;

    /// <summary>
    /// The day a clock starts. Once-only: the later of the first day in the role (or of teaching) and the policy's From.
    /// The others: the later of the current period's first day, the policy's From and the day the policy it follows was met.
    /// </summary>
    public static DateOnly StartOf(ClockPolicy policy, TeacherFacts facts, DateOnly? afterMet = null)
    {
        if (policy.Kind == ClockKind.Deadline) return policy.From ?? facts.AsOf;
        DateOnly start;
        if (policy.Audience is ClockAudience.NewTeachers or ClockAudience.AllTeachers) start = facts.TeachingSince ?? facts.AsOf;
        else
        {
            var periods = Periods(policy, facts);
            start = periods.Count == 0 ? facts.AsOf
                : policy.Kind == ClockKind.Once ? periods[0].From
                : periods[^1].From;
        }
        if (policy.From is { } from && from > start) start = from;
        if (afterMet is { } met && met > start) start = met;
        return start;
    }

    /// <summary>The day a once-only policy was first met (by its hours or a certificate), or null.</summary>
    public static DateOnly? CompletedOn(ClockPolicy? policy, TeacherFacts facts, IReadOnlyList<TrainingCredit> credits, IReadOnlyList<CertificateHeld> certificates)
    {
        if (policy is null) return null;
        var counted = Counted(policy, credits, facts.AsOf);
        DateOnly? byCredits = null;
        var earned = 0m;
        foreach (var c in counted)
        {
            earned += policy.ByHours ? c.Hours : c.Count;
            if (earned >= policy.Required)
            {
                byCredits = c.Date;
                break;
            }
        }
        var byCertificate = certificates.Where(c => policy.MetBy?.Contains(c.Kind) == true && c.IssuedOn <= facts.AsOf)
            .Select(c => (DateOnly?)c.IssuedOn).Min();
        return byCredits is null ? byCertificate : byCertificate is null ? byCredits : byCredits < byCertificate ? byCredits : byCertificate;
    }

    private static List<TrainingCredit> Counted(ClockPolicy policy, IEnumerable<TrainingCredit> credits, DateOnly day) =>
        [.. credits.Where(c => c.Date <= day && policy.Counts(c)).OrderBy(c => c.Date).ThenBy(c => c.Key, StringComparer.Ordinal)];

    private static decimal Earned(ClockPolicy policy, IEnumerable<TrainingCredit> credits) =>
        policy.ByHours ? credits.Sum(c => c.Hours) : credits.Sum(c => c.Count);

    /// <summary>One clock on the facts' day; null when it does not apply to the teacher (or has not started).</summary>
    public static ClockResult? Judge(ClockPolicy policy, TeacherFacts facts, IReadOnlyList<TrainingCredit> credits, IReadOnlyList<CertificateHeld> certificates,
        DateOnly? afterMet = null)
    {
        if (!Applies(policy, facts)) return null;
        if (policy.After is not null && afterMet is null) return null; // the clock it follows runs first
        var day = facts.AsOf;
        var counted = Counted(policy, credits, day);
        var start = StartOf(policy, facts, afterMet);
        return policy.Kind switch
        {
            ClockKind.Once => Once(policy, facts, counted, certificates, start),
            ClockKind.Rolling => Rolling(policy, day, counted, start),
            ClockKind.Yearly => Yearly(policy, facts, counted, start),
            ClockKind.Cycle => Cycle(policy, facts, counted, start),
            ClockKind.Deadline => Deadline(policy, day, counted),
            _ => null,
        };
    }

    private static ClockResult Result(ClockPolicy p, ClockStatus status, decimal earned, DateOnly start, DateOnly due, DateOnly? metOn, string why,
        IEnumerable<TrainingCredit> counted, ClockWindow? previous = null) =>
        new(p.Code, p.Title, p.Source, p.Kind, status, p.Unit, p.Required, earned, Math.Max(0, p.Required - earned), start, due, metOn, why,
            [.. counted.Select(c => new ClockCredit(c.Key, c.Title, c.Date, c.Hours, c.Category, c.Level, c.Ref))], previous);

    private static string Amount(ClockPolicy p, decimal n) => p.ByHours ? $"{n:0.##} hours" : n == 1 ? "1 training" : $"{n:0} trainings";

    private static ClockResult Once(ClockPolicy p, TeacherFacts facts, List<TrainingCredit> counted, IReadOnlyList<CertificateHeld> certificates, DateOnly start)
    {
        var due = start.AddMonths(p.DueMonths);
        var earned = Earned(p, counted);
        var metOn = CompletedOn(p, facts, counted, certificates);
        if (metOn is { } met)
        {
            var why = earned >= p.Required
                ? $"Met on {met:yyyy-MM-dd}: {Amount(p, earned)} of {Amount(p, p.Required)}; it stays met."
                : $"Met on {met:yyyy-MM-dd} by the certificate of the passed training; it stays met.";
            return Result(p, ClockStatus.Met, earned, start, due, met, why, counted);
        }
        return facts.AsOf <= due
            ? Result(p, ClockStatus.Due, earned, start, due, null, $"{Amount(p, p.Required - earned)} still to take by {due:yyyy-MM-dd} (the clock started {start:yyyy-MM-dd}).", counted)
            : Result(p, ClockStatus.Overdue, earned, start, due, null, $"{Amount(p, p.Required - earned)} were due by {due:yyyy-MM-dd} (the clock started {start:yyyy-MM-dd}).", counted);
    }

    /// <summary>
    /// Within every N years: met while the most recent credits that together meet the requirement are less than N years
    /// old; the next is due N years after them (or after the clock started, when nothing counted since).
    /// </summary>
    private static ClockResult Rolling(ClockPolicy p, DateOnly day, List<TrainingCredit> counted, DateOnly start)
    {
        var since = counted.Where(c => c.Date >= start).ToList();
        var windowStart = day.AddYears(-p.Years).AddDays(1);
        if (windowStart < start) windowStart = start;
        var inWindow = since.Where(c => c.Date >= windowStart).ToList();
        var earned = Earned(p, inWindow);
        DateOnly? last = null;
        var sum = 0m;
        foreach (var c in Enumerable.Reverse(since))
        {
            sum += p.ByHours ? c.Hours : c.Count;
            if (sum >= p.Required)
            {
                last = c.Date;
                break;
            }
        }
        var due = (last ?? start).AddYears(p.Years);
        if (earned >= p.Required)
            return Result(p, ClockStatus.Met, earned, windowStart, due, last, $"Met: {Amount(p, earned)} within the last {p.Years} years; the next is due by {due:yyyy-MM-dd}.", inWindow);
        var from = last is { } l ? $"the last on {l:yyyy-MM-dd}" : $"the clock started {start:yyyy-MM-dd}";
        return day <= due
            ? Result(p, ClockStatus.Due, earned, windowStart, due, null, $"Due by {due:yyyy-MM-dd}, {p.Years} years after {from}.", inWindow)
            : Result(p, ClockStatus.Overdue, earned, windowStart, due, null, $"Was due by {due:yyyy-MM-dd}, {p.Years} years after {from}.", inWindow);
    }

    /// <summary>Each calendar year after the clock's first; a year missed leaves the clock overdue until the current year is met.</summary>
    private static ClockResult? Yearly(ClockPolicy p, TeacherFacts facts, List<TrainingCredit> counted, DateOnly start)
    {
        var day = facts.AsOf;
        var first = new DateOnly(day.Year, 1, 1);
        if (start > first) return null; // a clock started during a year runs from the next (one started on 1 January, from that year)
        var current = counted.Where(c => c.Date >= first).ToList();
        var earned = Earned(p, current);
        var due = new DateOnly(day.Year, 12, 31);
        ClockWindow? previous = null;
        var lastYear = first.AddYears(-1);
        if (start < lastYear && Served(p, facts, first.AddDays(-1)))
        {
            var before = Earned(p, counted.Where(c => c.Date >= lastYear && c.Date < first));
            previous = new ClockWindow(lastYear, first.AddDays(-1), before, before >= p.Required);
        }
        return Windowed(p, day, earned, first, due, current, previous, $"in {day.Year}");
    }

    /// <summary>Fixed cycles of N years from the clock's start; a cycle missed leaves the clock overdue until the current one is met.</summary>
    private static ClockResult Cycle(ClockPolicy p, TeacherFacts facts, List<TrainingCredit> counted, DateOnly start)
    {
        var day = facts.AsOf;
        var k = Growth.Service.FullYears(start, day) / p.Years;
        var windowStart = start.AddYears(k * p.Years);
        var due = windowStart.AddYears(p.Years).AddDays(-1);
        var current = counted.Where(c => c.Date >= windowStart).ToList();
        ClockWindow? previous = null;
        if (k >= 1)
        {
            var prevStart = start.AddYears((k - 1) * p.Years);
            var before = Earned(p, counted.Where(c => c.Date >= prevStart && c.Date < windowStart));
            previous = new ClockWindow(prevStart, windowStart.AddDays(-1), before, before >= p.Required);
        }
        return Windowed(p, day, Earned(p, current), windowStart, due, current, previous, $"in the cycle {windowStart:yyyy-MM-dd}–{due:yyyy-MM-dd}");
    }

    private static ClockResult Windowed(ClockPolicy p, DateOnly day, decimal earned, DateOnly windowStart, DateOnly due, List<TrainingCredit> current,
        ClockWindow? previous, string window)
    {
        if (earned >= p.Required)
            return Result(p, ClockStatus.Met, earned, windowStart, due, current.Count == 0 ? null : current[^1].Date, $"Met: {Amount(p, earned)} {window}.", current, previous);
        if (previous is { Met: false } missed)
            return Result(p, ClockStatus.Overdue, earned, windowStart, due, null,
                $"{Amount(p, p.Required - missed.Earned)} missing in {missed.Start:yyyy-MM-dd}–{missed.End:yyyy-MM-dd}; {Amount(p, p.Required - earned)} due {window} by {due:yyyy-MM-dd}.",
                current, previous);
        return Result(p, ClockStatus.Due, earned, windowStart, due, null, $"{Amount(p, p.Required - earned)} due {window} by {due:yyyy-MM-dd}.", current, previous);
    }

    /// <summary>Once within [From, Until]: due on Until.</summary>
    private static ClockResult? Deadline(ClockPolicy p, DateOnly day, List<TrainingCredit> counted)
    {
        if (p.From is not { } from || p.Until is not { } until || day < from) return null;
        var inWindow = counted.Where(c => c.Date >= from && c.Date <= until).ToList();
        var earned = Earned(p, inWindow);
        if (earned >= p.Required)
            return Result(p, ClockStatus.Met, earned, from, until, inWindow[^1].Date, $"Met: {Amount(p, earned)} between {from:yyyy-MM-dd} and {until:yyyy-MM-dd}.", inWindow);
        return day <= until
            ? Result(p, ClockStatus.Due, earned, from, until, null, $"{Amount(p, p.Required - earned)} due by {until:yyyy-MM-dd}.", inWindow)
            : Result(p, ClockStatus.Overdue, earned, from, until, null, $"{Amount(p, p.Required - earned)} were due by {until:yyyy-MM-dd}.", inWindow);
    }

    /// <summary>Was the teacher in the clock's role on a day (a previous window is judged only if they were at its end)?</summary>
    private static bool Served(ClockPolicy p, TeacherFacts facts, DateOnly day) =>
        Periods(p, facts).Any(x => x.From <= day && (x.To is null || x.To >= day));
}
