using Workshops.Core;
using Workshops.Roster;
using Workshops.Studios;

namespace Workshops.Growth;

[Codes("policy-audiences")]
public enum Audience
{
    /// <summary>Teachers serving as head teachers.</summary>
    [Label("在岗班主任")] HeadTeachers,
    /// <summary>Teachers who started teaching on or after the policy's date.</summary>
    [Label("新入职教师")] NewTeachers,
    [Label("校长")] Principals,
    [Label("全体教师")] AllTeachers,
}

[Codes("policy-windows")]
public enum PolicyWindow
{
    /// <summary>Everything since the anchor date; due some months after it.</summary>
    [Label("累计")] Cumulative,
    /// <summary>Each calendar year; due 31 December.</summary>
    [Label("每年")] CalendarYear,
    /// <summary>Cycles of N years from the anchor date; due at the end of the current cycle.</summary>
    [Label("周期")] Cycle,
}

[Codes("policy-anchors")]
public enum PolicyAnchor
{
    [Label("担任班主任起")] HeadTeacherSince,
    [Label("任教起")] TeachingSince,
    [Label("任校长起")] PrincipalSince,
}

[Codes("policy-statuses")]
public enum PolicyStatus
{
    [Label("已达标")] Met,
    [Label("待完成")] AtRisk,
    [Label("已逾期")] Overdue,
}

/// <summary>
/// An hour policy is data: who it applies to, what it requires (hours or a number of trainings), over which window,
/// and which credits count. A region adopts a set of policies; a new policy needs no code.
/// </summary>
public sealed record HourPolicy(
    string Code,
    string Title,
    string Source,
    Audience Audience,
    PolicyWindow Window,
    PolicyAnchor Anchor,
    IReadOnlyList<CreditCategory> Categories,
    decimal? RequiredHours = null,
    int? RequiredTrainings = null,
    IReadOnlyList<TrainingLevel>? Levels = null,
    int CycleYears = 1,
    int DueMonths = 12,
    DateOnly? AudienceSince = null)
{
    public string Id => Code;

    public bool Counts(Credit credit) =>
        Categories.Contains(credit.Category) && (Levels is not { Count: > 0 } || Levels.Contains(credit.Level));

    public static IEnumerable<(string Field, string Message)> Problems(HourPolicy? p)
    {
        if (p is null)
        {
            yield return ("body", "is required");
            yield break;
        }
        if (string.IsNullOrEmpty(p.Code) || p.Code.Length > 50 || !p.Code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            yield return ("code", "must be 1-50 lower-case ASCII letters, digits or '-'");
        if (string.IsNullOrWhiteSpace(p.Title) || p.Title.Length > 200) yield return ("title", "is required, at most 200 characters");
        if (string.IsNullOrWhiteSpace(p.Source) || p.Source.Length > 200) yield return ("source", "is required, at most 200 characters");
        if (p.Categories is not { Count: > 0 }) yield return ("categories", "needs at least one credit category");
        if ((p.RequiredHours is null) == (p.RequiredTrainings is null)) yield return ("requiredHours", "give requiredHours or requiredTrainings");
        if (p.RequiredHours is <= 0 or > 10_000) yield return ("requiredHours", "must be between 0 and 10000");
        if (p.RequiredTrainings is <= 0 or > 100) yield return ("requiredTrainings", "must be between 1 and 100");
        if (p.CycleYears is < 1 or > 10) yield return ("cycleYears", "must be between 1 and 10");
        if (p.DueMonths is < 0 or > 120) yield return ("dueMonths", "must be between 0 and 120");
    }
}

public sealed record CountedCredit(string Key, string Title, DateOnly Date, decimal Hours, CreditCategory Category, TrainingLevel Level, Guid StudioId,
    EventRef? Ref = null)
{
    /// <summary>How many trainings this counts for: 1, or more for a year's summary (never listed to callers; see TeacherFiles.Summarized).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public int Count { get; init; } = 1;
}

public sealed record PolicyResult(
    string Code,
    string Title,
    string Source,
    string Unit,
    decimal Required,
    decimal Earned,
    decimal Remaining,
    DateOnly WindowStart,
    DateOnly Due,
    PolicyStatus Status,
    IReadOnlyList<CountedCredit> Counted);

/// <summary>The presets, from the seeds, and the evaluator: a pure function of the policy, the teacher and their credits.</summary>
public static class HourPolicies
{
    public static readonly IReadOnlyList<HourPolicy> Presets =
    [
        // seed 002: serving and new head teachers receive at least 30 hours of head-teacher training.
        new("head-teacher-30", "班主任专题培训不少于30学时", "seed 002 二.2(2)", Audience.HeadTeachers, PolicyWindow.Cumulative,
            PolicyAnchor.HeadTeacherSince, [CreditCategory.StudioActivity, CreditCategory.HeadTeacherTraining, CreditCategory.AbilityGeneral],
            RequiredHours: 30, DueMonths: 12),
        // seed 003: from 2021 new teachers take 48 hours of general training on the head-teacher abilities.
        new("new-teacher-48", "新入职教师48学时班主任能力通识性培训", "seed 003", Audience.NewTeachers, PolicyWindow.Cumulative,
            PolicyAnchor.TeachingSince, [CreditCategory.AbilityGeneral], RequiredHours: 48, DueMonths: 12,
            AudienceSince: new DateOnly(2021, 1, 1)),
        // seed 002: certified head teachers take a municipal or district training every three years ...
        new("rotation-3-years", "每三年参加一次市级或区级班主任培训", "seed 002 二.2(3)", Audience.HeadTeachers, PolicyWindow.Cycle,
            PolicyAnchor.HeadTeacherSince, [CreditCategory.HeadTeacherTraining, CreditCategory.AbilityGeneral], RequiredTrainings: 1,
            Levels: [TrainingLevel.District, TrainingLevel.Municipal], CycleYears: 3),
        // ... and at least one school-based training every year.
        new("school-based-yearly", "每年至少参加一次校本培训", "seed 002 二.2(3)", Audience.HeadTeachers, PolicyWindow.CalendarYear,
            PolicyAnchor.HeadTeacherSince,
            [CreditCategory.StudioActivity, CreditCategory.HeadTeacherTraining, CreditCategory.AbilityGeneral, CreditCategory.Other],
            RequiredTrainings: 1, Levels: [TrainingLevel.School]),
        // seed 004: new or prospective principals take at least 300 hours of qualification training ...
        new("principal-300", "校长任职资格培训不少于300学时", "seed 004 五", Audience.Principals, PolicyWindow.Cumulative,
            PolicyAnchor.PrincipalSince, [CreditCategory.PrincipalTraining], RequiredHours: 300, DueMonths: 12),
        // ... and serving principals at least 360 hours in every five-year cycle.
        new("principal-360-per-5-years", "在任校长每5年不少于360学时", "seed 004 五", Audience.Principals, PolicyWindow.Cycle,
            PolicyAnchor.PrincipalSince, [CreditCategory.PrincipalTraining], RequiredHours: 360, CycleYears: 5),
    ];

    public static bool Applies(HourPolicy policy, TeacherInfo teacher) => policy.Audience switch
    {
        Audience.HeadTeachers => teacher.ServingAsHeadTeacher,
        Audience.NewTeachers => policy.AudienceSince is not { } since || teacher.TeachingSince >= since,
        Audience.Principals => teacher.PrincipalSince is not null,
        _ => true,
    };

    public static DateOnly AnchorOf(HourPolicy policy, TeacherInfo teacher) => policy.Anchor switch
    {
        PolicyAnchor.TeachingSince => teacher.TeachingSince,
        PolicyAnchor.PrincipalSince => teacher.PrincipalSince ?? teacher.TeachingSince,
        _ => teacher.HeadTeacherSince,
    };

    /// <summary>The window that holds <paramref name="asOf"/> and its due date.</summary>
    public static (DateOnly Start, DateOnly Due) Window(HourPolicy policy, TeacherInfo teacher, DateOnly asOf)
    {
        var anchor = AnchorOf(policy, teacher);
        switch (policy.Window)
        {
            case PolicyWindow.CalendarYear:
                return (new DateOnly(asOf.Year, 1, 1), new DateOnly(asOf.Year, 12, 31));
            case PolicyWindow.Cycle:
                var cycles = Math.Max(0, Service.FullYears(anchor, asOf) / policy.CycleYears);
                var start = anchor.AddYears(cycles * policy.CycleYears);
                return (start, start.AddYears(policy.CycleYears).AddDays(-1));
            default:
                return (anchor, anchor.AddMonths(policy.DueMonths));
        }
    }

    public static PolicyResult Evaluate(HourPolicy policy, TeacherInfo teacher, IEnumerable<Credit> standing, DateOnly asOf)
    {
        var (start, due) = Window(policy, teacher, asOf);
        var counted = standing.Where(c => c.Date >= start && c.Date <= asOf && policy.Counts(c))
            .OrderBy(c => c.Date).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new CountedCredit(c.Key, c.Title, c.Date, c.Hours, c.Category, c.Level, c.StudioId, c.Ref) { Count = c.Count })
            .ToList();
        var byHours = policy.RequiredHours is not null;
        var required = policy.RequiredHours ?? policy.RequiredTrainings ?? 0;
        var earned = byHours ? counted.Sum(c => c.Hours) : counted.Sum(c => c.Count);
        var status = earned >= required ? PolicyStatus.Met : asOf > due ? PolicyStatus.Overdue : PolicyStatus.AtRisk;
        return new PolicyResult(policy.Code, policy.Title, policy.Source, byHours ? "hours" : "trainings", required, earned,
            Math.Max(0, required - earned), start, due, status, counted);
    }
}
