using Workshops.Core;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Teachers;

namespace Workshops.Programmes;

/// <summary>How a roster limit is applied: a hard limit refuses the member beyond it, an advisory one only warns.</summary>
[Codes("limit-kinds")]
public enum LimitKind
{
    [Label("硬性限制")] Hard,
    [Label("建议规模")] Advisory,
}

/// <summary>How a rung of a tier ladder is reached.</summary>
[Codes("rung-paths")]
public enum RungPath
{
    /// <summary>Read from the facts on the day, never granted (新任班主任).</summary>
    [Label("按条件自动认定")] Derived,
    /// <summary>Conferred when the teacher's workshop passes its assessment (seed 000 三.(二).3).</summary>
    [Label("工作坊考核合格认定")] Assessment,
    /// <summary>Granted by a reviewer to a teacher whose facts meet the conditions.</summary>
    [Label("审核认定")] Grant,
    /// <summary>Candidates are selected, trained and then recognised (seed 000 三.(二).4).</summary>
    [Label("遴选培养认定")] Selection,
    /// <summary>Held by itself while the conditions hold (视同).</summary>
    [Label("视同")] TreatedAs,
}

/// <summary>
/// The roster limits of a programme. Members are counted without the host, coordinator and trainees. A minimum is
/// always a warning (people join one by one); the maximum refuses only when it is hard.
/// </summary>
public sealed record RosterLimits(int? MinMembers, int? MaxMembers, LimitKind MaxKind, bool HomeSchoolCore, string Source);

/// <summary>
/// Something a teacher holds on the day: a rung of a ladder (by its code) or an honour of a kind, at a level or above,
/// optionally in the subject they teach (任教学科).
/// </summary>
public sealed record Held(string? Rung = null, HonourKind? Honour = null, HonourLevel? MinLevel = null, bool OwnSubject = false);

/// <summary>
/// The conditions of a rung, read from the teacher's facts on the day. Years as head teacher are the periods summed,
/// gaps excluded; <see cref="HeadTeacherYearsBelow"/> bounds the first years (新任). <see cref="Role"/> is the roster role
/// the assessment path needs (host or member).
/// </summary>
public sealed record Requirement(
    int? TeachingYears = null,
    int? HeadTeacherYears = null,
    int? HeadTeacherYearsBelow = null,
    bool StillServing = false,
    RosterRole? Role = null,
    IReadOnlyList<Held>? AnyOf = null,
    IReadOnlyList<Held>? AllOf = null);

/// <summary>
/// One rung of a programme's tier ladder: its code and label, the title as issued with the issuing authority
/// ("厦门市骨干班主任", 厦门市教育局), its step in the pyramid (1 新任 … 4 专家型), how it is reached and its conditions.
/// </summary>
public sealed record Rung(string Code, string Label, string Title, string? Issuer, int Step, RungPath Path, Requirement Needs, string Source);

/// <summary>seed 000 三.(二).1: young teachers take head-teacher work for a year within their first years, with a mentor.</summary>
public sealed record EntryDuty(int WithinTeachingYears, int HeadTeacherYears, bool MentorRequired, string Source);

/// <summary>
/// A target the programme sets, e.g. seed 000's 500 backbone head teachers by 2030. <see cref="Measure"/> is what is
/// counted: "studios", a rung code, or "trained" (head teachers trained); <see cref="Share"/> makes the count a percentage.
/// </summary>
public sealed record Target(string Code, string Label, string Measure, int Count, int ByYear, bool Rural, bool Share, string Source);

/// <summary>
/// A programme's rules as data (a rule set), versioned like the standards: a later edition is a new code. A region
/// adopts one per track; the presets are seed 000's Xiamen K-12 rules, seed 001's vocational rules and a national
/// default. <see cref="Scope"/> is the region the issuer governs (null: national).
/// </summary>
public sealed record RuleSet(
    string Code,
    string Title,
    string Edition,
    string Source,
    string Issuer,
    Track Track,
    string? Scope,
    DateOnly EffectiveFrom,
    RosterLimits Roster,
    IReadOnlyList<Rung> Ladder,
    IReadOnlyList<Target> Targets,
    IReadOnlyList<string> HourPolicies,
    EntryDuty? EntryDuty = null)
{
    public string Id => Code;

    public Rung? RungOf(string code) => Ladder.FirstOrDefault(r => r.Code == code);

    /// <summary>Per-field problems of a rule set sent as data (codes, texts, limits, ladder references).</summary>
    public static IEnumerable<(string Field, string Message)> Problems(RuleSet? set)
    {
        if (set is null)
        {
            yield return ("body", "is required");
            yield break;
        }
        if (!IsCode(set.Code)) yield return ("code", "must be 1-50 lower-case ASCII letters, digits or '-'");
        foreach (var (value, field, max) in new[] { (set.Title, "title", 200), (set.Edition, "edition", 50), (set.Source, "source", 200), (set.Issuer, "issuer", 100) })
            if (string.IsNullOrWhiteSpace(value) || Check.Length(value) > max) yield return (field, $"is required, at most {max} characters");
        if (set.Scope is not null && !Region.IsCode(set.Scope)) yield return ("scope", "must be a six-digit region code, or null for national");
        if (set.EffectiveFrom < new DateOnly(1990, 1, 1) || set.EffectiveFrom > new DateOnly(2100, 12, 31))
            yield return ("effectiveFrom", "must be between 1990 and 2100");
        if (set.Roster is null) yield return ("roster", "is required");
        else
        {
            if (set.Roster.MinMembers is < 0 or > 100) yield return ("roster.minMembers", "must be between 0 and 100");
            if (set.Roster.MaxMembers is < 1 or > 100) yield return ("roster.maxMembers", "must be between 1 and 100");
            if (set.Roster.MinMembers > set.Roster.MaxMembers) yield return ("roster.minMembers", "must not exceed maxMembers");
            if (string.IsNullOrWhiteSpace(set.Roster.Source) || Check.Length(set.Roster.Source) > 300)
                yield return ("roster.source", "is required, at most 300 characters");
        }
        if (set.Ladder is null || set.Ladder.Count > 20) yield return ("ladder", "list 0-20 rungs");
        else
        {
            var codes = set.Ladder.Select(r => r?.Code).ToList();
            if (codes.Distinct().Count() != codes.Count) yield return ("ladder", "rung codes must be distinct");
            for (var i = 0; i < set.Ladder.Count; i++)
                foreach (var problem in RungProblems(set.Ladder[i], $"ladder[{i}]", codes)) yield return problem;
        }
        if (set.Targets is null || set.Targets.Count > 30) yield return ("targets", "list 0-30 targets");
        else
            for (var i = 0; i < set.Targets.Count; i++)
            {
                var t = set.Targets[i];
                if (t is null || !IsCode(t.Code) || !IsCode(t.Measure)) yield return ($"targets[{i}]", "needs an ASCII code and measure");
                else if (t.Count is < 1 or > 1_000_000 || t.ByYear is < 2000 or > 2100 || (t.Share && t.Count > 100))
                    yield return ($"targets[{i}]", "count must be 1-1000000 (1-100 for a share) and byYear 2000-2100");
                else if (string.IsNullOrWhiteSpace(t.Label) || Check.Length(t.Label) > 100 || string.IsNullOrWhiteSpace(t.Source) || Check.Length(t.Source) > 300)
                    yield return ($"targets[{i}]", "needs a label (at most 100 characters) and a source (at most 300)");
            }
        if (set.HourPolicies is null || set.HourPolicies.Count > 50 || set.HourPolicies.Any(p => !IsCode(p)))
            yield return ("hourPolicies", "list 0-50 policy codes");
        if (set.EntryDuty is { } duty && (duty.WithinTeachingYears is < 1 or > 10 || duty.HeadTeacherYears is < 1 or > 10 ||
                                          string.IsNullOrWhiteSpace(duty.Source)))
            yield return ("entryDuty", "years must be 1-10 and a source is required");
    }

    private static IEnumerable<(string Field, string Message)> RungProblems(Rung? rung, string field, IReadOnlyList<string?> codes)
    {
        if (rung is null)
        {
            yield return (field, "is required");
            yield break;
        }
        if (!IsCode(rung.Code)) yield return ($"{field}.code", "must be 1-50 lower-case ASCII letters, digits or '-'");
        if (string.IsNullOrWhiteSpace(rung.Label) || Check.Length(rung.Label) > 50) yield return ($"{field}.label", "is required, at most 50 characters");
        if (string.IsNullOrWhiteSpace(rung.Title) || Check.Length(rung.Title) > 100) yield return ($"{field}.title", "is required, at most 100 characters");
        if (rung.Issuer is not null && (string.IsNullOrWhiteSpace(rung.Issuer) || Check.Length(rung.Issuer) > 100))
            yield return ($"{field}.issuer", "at most 100 characters");
        if (rung.Step is < 1 or > 9) yield return ($"{field}.step", "must be between 1 and 9");
        if (string.IsNullOrWhiteSpace(rung.Source) || Check.Length(rung.Source) > 300) yield return ($"{field}.source", "is required, at most 300 characters");
        if (rung.Needs is not { } needs)
        {
            yield return ($"{field}.needs", "is required");
            yield break;
        }
        foreach (var (years, name) in new[] { (needs.TeachingYears, "teachingYears"), (needs.HeadTeacherYears, "headTeacherYears"), (needs.HeadTeacherYearsBelow, "headTeacherYearsBelow") })
            if (years is < 1 or > 50) yield return ($"{field}.needs.{name}", "must be between 1 and 50");
        if (rung.Path == RungPath.Assessment && needs.Role is not (RosterRole.Host or RosterRole.Member))
            yield return ($"{field}.needs.role", "the assessment path needs the role host or member");
        foreach (var held in (needs.AnyOf ?? []).Concat(needs.AllOf ?? []))
        {
            if (held is null || (held.Rung is null) == (held.Honour is null))
                yield return ($"{field}.needs", "each held item names a rung or an honour");
            else if (held.Rung is not null && (held.Rung == rung.Code || !codes.Contains(held.Rung)))
                yield return ($"{field}.needs", $"{held.Rung} is not another rung of this ladder");
        }
    }

    private static bool IsCode(string? code) =>
        !string.IsNullOrEmpty(code) && code.Length <= 50 && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
