using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Years;

[Codes("semesters")]
public enum Semester
{
    /// <summary>January to July.</summary>
    [Label("春季学期")] Spring,
    /// <summary>August to December.</summary>
    [Label("秋季学期")] Autumn,
}

[Codes("assessment-results")]
public enum AssessmentResult
{
    [Label("优秀")] Excellent,
    [Label("合格")] Qualified,
    [Label("不合格")] Unqualified,
}

public static class Semesters
{
    public static Semester Of(DateOnly date) => date.Month <= 7 ? Semester.Spring : Semester.Autumn;
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
