using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Years;

namespace Workshops.Studios;

/// <summary>
/// A studio's term and what ends it. The seeds name no term length: seed 001 三.1 leaves the cultivation of studios to
/// the provinces, so the term is a programme default of three years from the founding day, renewed by a reviewer for
/// another term (three years unless given). At the term's end a reviewer assesses it with the words of the annual
/// assessment (优秀/合格/不合格, as seed 000 三.(二).3 uses 考核合格); 不合格 opens a rectification (整改) with a due date,
/// and only a passing assessment of the term allows a renewal. A dissolved (撤销) studio accepts no further writes.
/// </summary>
public interface ILifecycleEvent : IStudioEvent;

/// <summary>A reviewer assessed the studio's term ending <paramref name="TermEnds"/>; 不合格 opens a rectification due by <paramref name="RectifyBy"/>.</summary>
public sealed record TermAssessed(DateOnly TermEnds, AssessmentResult Result, string? Note, DateOnly On, DateOnly? RectifyBy, Actor By, DateTimeOffset At)
    : ILifecycleEvent;

/// <summary>A reviewer renewed the studio for a new term, from the day after the old one ended to <paramref name="TermEnds"/>.</summary>
public sealed record StudioRenewed(DateOnly TermStarts, DateOnly TermEnds, string Reason, Actor By, DateTimeOffset At) : ILifecycleEvent;

/// <summary>A reviewer dissolved (撤销) the studio on a day, with the reason; its record stays readable.</summary>
public sealed record StudioDissolved(DateOnly On, string Reason, Actor By, DateTimeOffset At) : ILifecycleEvent;

/// <summary>Where a studio stands in its term.</summary>
[Codes("studio-standings")]
public enum StudioStanding
{
    [Label("建设中")] Active,
    [Label("整改中")] Rectifying,
    [Label("已撤销")] Dissolved,
}

/// <summary>The lifecycle's part of the decision state: the level, the current term's end, its assessment, the rectification's due date, dissolution.</summary>
public sealed record LifecycleState
{
    public StudioLevel Level { get; init; }
    public DateOnly TermEnds { get; init; }
    public AssessmentResult? TermResult { get; init; }
    public DateOnly? RectifyBy { get; init; }
    public DateOnly? DissolvedOn { get; init; }

    public static readonly Type[] Events = [typeof(TermAssessed), typeof(StudioRenewed), typeof(StudioDissolved)];

    public static LifecycleState Start(StudioEstablished x) => new() { Level = x.Level, TermEnds = Lifecycle.TermEnd(x.FoundedOn, Lifecycle.DefaultTermYears) };

    public static LifecycleState Fold(LifecycleState state, object data) => data switch
    {
        TermAssessed x when x.TermEnds == state.TermEnds => state with { TermResult = x.Result, RectifyBy = x.RectifyBy },
        StudioRenewed x => state with { TermEnds = x.TermEnds, TermResult = null, RectifyBy = null },
        StudioDissolved x => state with { DissolvedOn = x.On },
        _ => state,
    };
}

public sealed record TermAssessment(DateOnly TermEnds, AssessmentResult Result, string ResultLabel, string? Note, DateOnly On, DateOnly? RectifyBy, EventRef Ref);

public sealed record TermRenewal(DateOnly TermStarts, DateOnly TermEnds, string Reason, EventRef Ref);

public sealed record Dissolution(DateOnly On, string Reason, EventRef Ref);

/// <summary>
/// The lifecycle in the studio view: the current term, where the studio stands (derived, never stored apart), every term
/// assessment, renewal and the dissolution. <see cref="RectificationOverdue"/> is a fact of the day read (<see cref="On"/>).
/// </summary>
public sealed record StudioLifecycle
{
    public StudioStanding Standing => Dissolution is not null ? StudioStanding.Dissolved : RectifyBy is not null ? StudioStanding.Rectifying : StudioStanding.Active;
    public string StandingLabel => Standing.Label();
    public DateOnly TermStarts { get; init; }
    public DateOnly TermEnds { get; init; }
    /// <summary>The due date of the open rectification (整改), after a 不合格 term assessment.</summary>
    public DateOnly? RectifyBy { get; init; }
    /// <summary>The rectification is still open after its due date, as of the day read (整改逾期).</summary>
    public bool RectificationOverdue { get; init; }
    /// <summary>
    /// The term has ended and no reviewer has assessed it, as of the day read (期满未考核): the studio stands as it did
    /// until a reviewer assesses the term and renews it or dissolves the studio.
    /// </summary>
    public bool AssessmentOverdue { get; init; }
    /// <summary>The application (申报) the studio was selected from, when it came from one.</summary>
    public Guid? ApplicationId { get; init; }
    /// <summary>Why a bureau registered the studio directly at its level, when it did (<see cref="Establishing"/>).</summary>
    public string? RegisteredBecause { get; init; }
    public IReadOnlyList<TermAssessment> Assessments { get; init; } = [];
    public IReadOnlyList<TermRenewal> Renewals { get; init; } = [];
    public Dissolution? Dissolution { get; init; }

    public static StudioLifecycle Start(StudioEstablished x) => new()
    {
        TermStarts = x.FoundedOn, TermEnds = Lifecycle.TermEnd(x.FoundedOn, Lifecycle.DefaultTermYears), ApplicationId = x.ApplicationId,
        RegisteredBecause = x.RegisteredBecause,
    };

    public StudioLifecycle Fold(ILifecycleEvent e, EventRef at) => e switch
    {
        TermAssessed x => this with
        {
            Assessments = [.. Assessments, new TermAssessment(x.TermEnds, x.Result, x.Result.Label(), x.Note, x.On, x.RectifyBy, at)],
            RectifyBy = x.TermEnds == TermEnds ? x.RectifyBy : RectifyBy,
        },
        StudioRenewed x => this with { TermStarts = x.TermStarts, TermEnds = x.TermEnds, RectifyBy = null, Renewals = [.. Renewals, new TermRenewal(x.TermStarts, x.TermEnds, x.Reason, at)] },
        StudioDissolved x => this with { Dissolution = new Dissolution(x.On, x.Reason, at) },
        _ => this,
    };

    /// <summary>The lifecycle as read on <paramref name="day"/>: a rectification still open after its due date is overdue.</summary>
    public StudioLifecycle On(DateOnly day) => this with
    {
        RectificationOverdue = Lifecycle.Overdue(RectifyBy, Dissolution is not null, day),
        AssessmentOverdue = Lifecycle.Unassessed(TermEnds, Assessments.Select(a => a.TermEnds), Dissolution is not null, day),
    };
}

/// <summary>The lifecycle's rules as pure functions of the decision state, the command, the caller's jurisdiction and the day.</summary>
public static class Lifecycle
{
    public const int DefaultTermYears = 3;

    /// <summary>A term of <paramref name="years"/> from a day ends the day before its anniversary that many years later (a 29 February's is 1 March).</summary>
    public static DateOnly TermEnd(DateOnly starts, int years)
    {
        var anniversary = starts.AddYears(years);
        if (starts is { Month: 2, Day: 29 } && anniversary.Day == 28) anniversary = anniversary.AddDays(1);
        return anniversary.AddDays(-1);
    }

    /// <summary>A rectification is overdue when it is still open (not closed by a passing reassessment or a renewal) after its due day.</summary>
    public static bool Overdue(DateOnly? rectifyBy, bool dissolved, DateOnly day) => !dissolved && rectifyBy is { } due && due < day;

    /// <summary>A term is overdue for its assessment once it has ended with no assessment of it, unless the studio is dissolved.</summary>
    public static bool Unassessed(DateOnly termEnds, IEnumerable<DateOnly> assessedTerms, bool dissolved, DateOnly day) =>
        !dissolved && termEnds < day && !assessedTerms.Contains(termEnds);

    /// <summary>The rule every write to a dissolved studio answers.</summary>
    public const string Dissolved = "studio.dissolved";

    /// <summary>Every write to a dissolved studio is refused (the shared write policy asks this of the decision state).</summary>
    public static Refusal? Writable(LifecycleState state) => state.DissolvedOn is { } on
        ? new(Dissolved, $"The studio was dissolved on {on:yyyy-MM-dd}; its record can be read, not written.")
        : null;

    /// <summary>
    /// The reviewer acts at the studio's level or above: a district's reviewer on school and district studios, a city's
    /// also on municipal ones, a province's (or the ministry's) on all, provincial studios included.
    /// </summary>
    public static Refusal? ActsAt(string? jurisdiction, StudioLevel level) =>
        jurisdiction == Region.National || Applications.ApplicationRules.LevelOf(jurisdiction) >= level
            ? null
            : new("studio.level-above-reviewer", $"A {level.Code()} ({level.Label()}) studio's term is decided by a reviewer of its level or above, not of {jurisdiction ?? "no region"}.");

    /// <summary>A term is assessed within its last year or after it ended, by a reviewer of the studio's level.</summary>
    public static Refusal? Assess(LifecycleState state, string? jurisdiction, DateOnly on, DateOnly today) =>
        on > today ? new("term.date-in-future", $"The date {on:yyyy-MM-dd} is in the future.")
        : on <= state.TermEnds.AddYears(-1) ? new("term.not-ending", $"The term ends on {state.TermEnds:yyyy-MM-dd}; it is assessed from {state.TermEnds.AddYears(-1).AddDays(1):yyyy-MM-dd} on.")
        : ActsAt(jurisdiction, state.Level);

    /// <summary>Only a term assessed 合格 or 优秀 (a rectified one reassessed so) is renewed.</summary>
    public static Refusal? Renew(LifecycleState state, string? jurisdiction) =>
        state.TermResult is AssessmentResult.Qualified or AssessmentResult.Excellent
            ? ActsAt(jurisdiction, state.Level)
            : new("term.renewal-needs-pass", state.TermResult is null
                ? $"The term ending {state.TermEnds:yyyy-MM-dd} has not been assessed; assess it first."
                : $"The term ending {state.TermEnds:yyyy-MM-dd} was assessed 不合格; rectify it and reassess it first (due {state.RectifyBy:yyyy-MM-dd}).");

    public static Refusal? Dissolve(LifecycleState state, DateOnly foundedOn, string? jurisdiction, DateOnly on, DateOnly today) =>
        on > today ? new("term.date-in-future", $"The date {on:yyyy-MM-dd} is in the future.")
        : on < foundedOn ? new("term.date-before-founding", $"The studio was founded on {foundedOn:yyyy-MM-dd}.")
        : ActsAt(jurisdiction, state.Level);
}
