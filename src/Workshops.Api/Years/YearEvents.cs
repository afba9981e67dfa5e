using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Years;

[Codes("semesters")]
public enum Semester
{
    /// <summary>February to July.</summary>
    [Label("春季学期")] Spring,
    /// <summary>September to January (August, the summer break, goes with the term it prepares).</summary>
    [Label("秋季学期")] Autumn,
}

[Codes("assessment-results")]
public enum AssessmentResult
{
    [Label("优秀")] Excellent,
    [Label("合格")] Qualified,
    [Label("不合格")] Unqualified,
}

/// <summary>
/// School terms. seed 001 附件1 一.(一).1 asks for a hearing 每学期 without naming the months; a Chinese school year
/// (学年) runs in two terms: the autumn term (第一学期) from September to January and the spring term (第二学期) from
/// February to July. A hearing in August, between them, prepares the autumn term and counts for it.
/// </summary>
public static class Semesters
{
    public static Semester Of(DateOnly date) => date.Month is >= 2 and <= 7 ? Semester.Spring : Semester.Autumn;

    /// <summary>
    /// The calendar year whose checklist a day's term counts for: the year the term begins in. The autumn term that
    /// spans the year's end belongs to the year it starts in (as 2026-2027学年第一学期 is the autumn of 2026), so a
    /// hearing in January counts for the previous year's autumn term; the spring term lies within its year.
    /// </summary>
    public static int YearOf(DateOnly date) => date.Month == 1 ? date.Year - 1 : date.Year;

    /// <summary>The first day of a year's term: spring from 1 February, autumn from 1 September.</summary>
    public static DateOnly Begins(int year, Semester semester) =>
        semester == Semester.Spring ? new DateOnly(year, 2, 1) : new DateOnly(year, 9, 1);
}

/// <summary>The year-end summary (年终总结); writing it again revises it.</summary>
public sealed record YearSummaryWritten(int Year, string Text, int Revision, Actor By, DateTimeOffset At) : IStudioEvent;

/// <summary>A periodic reflection and the strategy adjustments it led to (定期反思，调整策略).</summary>
public sealed record ReflectionRecorded(Guid ReflectionId, DateOnly Date, string Text, string? Adjustments, Actor By, DateTimeOffset At)
    : IStudioEvent;

/// <summary>School leadership heard head-teacher work (seed 001 Annex 1, 1.1.1: at least once a semester).</summary>
public sealed record LeadershipHearingHeld(Guid HearingId, DateOnly Date, Semester Semester, string? Note, Actor By, DateTimeOffset At)
    : IStudioEvent;

/// <summary>The annual assessment (优秀 / 合格 / 不合格); recording it again for the same year supersedes it.</summary>
public sealed record AssessmentRecorded(int Year, AssessmentResult Result, string? Note, DateOnly On, Actor By, DateTimeOffset At)
    : IStudioEvent;
