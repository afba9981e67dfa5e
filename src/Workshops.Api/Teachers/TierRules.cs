using Workshops.Core;
using Workshops.Growth;
using Workshops.Programmes;
using Workshops.Roster;
using Workshops.Years;

namespace Workshops.Teachers;

/// <summary>One rung judged on a day: whether its conditions hold, whether the teacher holds it, and why.</summary>
public sealed record RungCheck(
    string Rung,
    string Label,
    string Title,
    string? Issuer,
    int Step,
    RungPath Path,
    bool Met,
    bool Held,
    IReadOnlyList<string> Unmet,
    string Reason,
    string Rule,
    string Source);

[Codes("duty-states")]
public enum DutyState
{
    [Label("不适用")] NotApplicable,
    [Label("进行中")] InProgress,
    [Label("已完成")] Met,
    [Label("未完成")] Missed,
}

/// <summary>seed 000 三.(二).1 for one teacher: head-teacher days within the first years of teaching, and the mentor.</summary>
public sealed record EntryDutyStatus(DutyState State, DateOnly? WindowStart, DateOnly? WindowEnd, int HeadTeacherDays, bool MentorPaired,
    string Reason, string Source);

/// <summary>A teacher's place on a rule set's ladder on a day: every rung judged, the highest held, the entry duty.</summary>
public sealed record TierStanding(string RuleSet, DateOnly AsOf, RungCheck? Tier, IReadOnlyList<RungCheck> Rungs, EntryDutyStatus? EntryDuty);

/// <summary>
/// The tier ladder and recognition as pure functions of a teacher's facts on a day and a rule set (seed 000 三.(二),
/// seed 001 附件1 四.(二).2). Each path is judged on its own: derived rungs (新任) and 视同 hold by themselves while their
/// conditions hold; assessment rungs come with a workshop's qualified assessment; grant rungs are granted by a
/// reviewer when the conditions hold; the selection rung needs a candidate who completed the training.
/// </summary>
public static class TierRules
{
    public static string RuleOf(RuleSet set, Rung rung) => $"{set.Code}.{rung.Code}";

    /// <summary>Does the teacher hold a recognition of this rung code on the day (under any edition)?</summary>
    public static bool Holds(TeacherFacts f, string rung) => f.Recognitions.Any(r => r.Rung == rung);

    /// <summary>The conditions of a rung that do not hold on the day, in words (empty: all hold).</summary>
    public static IReadOnlyList<string> Unmet(RuleSet set, Requirement needs, TeacherFacts f)
    {
        var unmet = new List<string>();
        if (needs.TeachingYears is { } teaching && (f.TeachingYears ?? -1) < teaching)
            unmet.Add(f.TeachingYears is null ? "未记录教龄起算日。" : $"任教{f.TeachingYears}年，不足{teaching}年。");
        if (needs.HeadTeacherYears is { } years && f.HeadTeacherYears < years)
            unmet.Add($"班主任工作{f.HeadTeacherYears}年，不足{years}年。");
        if (needs.HeadTeacherYearsBelow is { } below && f.HeadTeacherYears >= below)
            unmet.Add($"班主任工作{f.HeadTeacherYears}年，已满{below}年。");
        if (needs.StillServing && !f.ServingAsHeadTeacher)
            unmet.Add(f.HeadTeacherDays == 0 ? "未担任班主任工作。" : "已不再从事班主任工作。");
        foreach (var held in needs.AllOf ?? [])
            if (!Satisfies(held, f)) unmet.Add($"未持有{Describe(set, held)}。");
        if (needs.AnyOf is { Count: > 0 } any && !any.Any(h => Satisfies(h, f)))
            unmet.Add($"未持有以下任一：{string.Join("、", any.Select(h => Describe(set, h)))}。");
        return unmet;
    }

    /// <summary>A rung judged on the facts alone (the assessment path's role and result are judged by <see cref="Assessed"/>).</summary>
    public static RungCheck Check(RuleSet set, Rung rung, TeacherFacts f)
    {
        var unmet = Unmet(set, rung.Needs, f);
        var met = unmet.Count == 0;
        var held = rung.Path is RungPath.Derived or RungPath.TreatedAs ? met : Holds(f, rung.Code);
        var reason = met ? $"符合条件：{Summary(f)}" : string.Join("", unmet);
        return new RungCheck(rung.Code, rung.Label, rung.Title, rung.Issuer, rung.Step, rung.Path, met, held, unmet, reason, RuleOf(set, rung), rung.Source);
    }

    /// <summary>Every rung of the ladder on the day, the highest held (by step) and the entry duty.</summary>
    public static TierStanding Standing(RuleSet set, TeacherFacts f)
    {
        var rungs = set.Ladder.Select(r => Check(set, r, f)).ToList();
        var tier = rungs.Where(r => r.Held).OrderBy(r => r.Step).LastOrDefault();
        return new TierStanding(set.Code, f.AsOf, tier, rungs, set.EntryDuty is null ? null : EntryDuty(set, f));
    }

    /// <summary>
    /// seed 000 三.(二).3 for one person of a workshop whose assessment is recorded: the assessment rungs of the rule set
    /// that their role names, each met when the result is 合格 or 优秀 and the facts on the assessment day hold.
    /// </summary>
    public static IReadOnlyList<RungCheck> Assessed(RuleSet set, TeacherFacts f, RosterRole role, AssessmentResult result) =>
        [.. set.Ladder.Where(r => r.Path == RungPath.Assessment && r.Needs.Role == role).Select(rung =>
        {
            var check = Check(set, rung, f);
            if (Recognition.Qualifies(result)) return check;
            var why = $"工作坊考核结果为{result.Label()}，未达合格。";
            return check with { Met = false, Unmet = [why, .. check.Unmet], Reason = why };
        })];

    /// <summary>May a reviewer grant this rung now? Null, or the refusal (a rung already held is not refused: granting is idempotent).</summary>
    public static Refusal? MayGrant(RuleSet set, string code, TeacherFacts f)
    {
        if (set.RungOf(code) is not { } rung)
            return new("recognition.not-in-rule-set", $"The rule set {set.Code} has no rung {code}.");
        if (Holds(f, code)) return null;
        return rung.Path switch
        {
            RungPath.Derived => new("recognition.derived", $"{rung.Label} is read from the facts on the day, not granted."),
            RungPath.TreatedAs => new("recognition.treated-as", $"{rung.Label} holds by itself while its conditions hold (视同); nothing is granted."),
            RungPath.Assessment => new("recognition.by-assessment", $"{rung.Title} is conferred when the teacher's workshop passes its assessment ({rung.Source})."),
            RungPath.Selection when f.ExpertCandidateSince is null =>
                new("expert.not-candidate", $"{rung.Label} is recognised after selection and training; the teacher was not selected as a candidate."),
            RungPath.Selection when f.ExpertTrainedOn is null =>
                new("expert.not-trained", $"{rung.Label} is recognised after the training; the candidate has not completed it."),
            RungPath.Grant when Unmet(set, rung.Needs, f) is { Count: > 0 } unmet => new("recognition.not-eligible", string.Join("", unmet)),
            _ => null,
        };
    }

    /// <summary>seed 000 三.(二).4: may the teacher be selected as a candidate for the selection rung?</summary>
    public static Refusal? MaySelect(RuleSet set, TeacherFacts f)
    {
        if (set.Ladder.FirstOrDefault(r => r.Path == RungPath.Selection) is not { } rung)
            return new("expert.no-selection", $"The rule set {set.Code} selects no candidates for training.");
        if (f.ExpertCandidateSince is not null) return new("expert.already-candidate", "The teacher is already a candidate.");
        if (Holds(f, rung.Code)) return new("expert.already-recognised", $"The teacher already holds {rung.Label}.");
        var unmet = Unmet(set, rung.Needs, f);
        return unmet.Count > 0 ? new("expert.not-eligible", string.Join("", unmet)) : null;
    }

    public static Refusal? MayRevoke(TeacherFacts f, string code) =>
        Holds(f, code) ? null : new("recognition.not-held", $"The teacher does not hold {code} on {f.AsOf:yyyy-MM-dd}.");

    /// <summary>
    /// seed 000 三.(二).1: within the first years of teaching (from 教龄 start), at least the required years as head
    /// teacher, with a head-teacher mentor paired. In progress while the window is open, missed once it closed unmet;
    /// not applicable to teachers whose window closed before the rule set took effect.
    /// </summary>
    public static EntryDutyStatus EntryDuty(RuleSet set, TeacherFacts f)
    {
        if (set.EntryDuty is not { } duty) return new(DutyState.NotApplicable, null, null, 0, false, "本规则集无此要求。", "");
        if (f.TeachingSince is not { } start) return new(DutyState.NotApplicable, null, null, 0, false, "未记录教龄起算日。", duty.Source);
        var end = start.AddYears(duty.WithinTeachingYears); // the first day after the window
        if (end <= set.EffectiveFrom)
            return new(DutyState.NotApplicable, start, end.AddDays(-1), 0, false, $"入职{duty.WithinTeachingYears}年期满早于本规则生效。", duty.Source);
        var cap = f.AsOf < end ? f.AsOf : end;
        var days = f.HeadTeacherPeriods.Sum(p =>
        {
            var from = p.From > start ? p.From : start;
            var until = p.To is { } to && to.AddDays(1) < cap ? to.AddDays(1) : cap;
            return Math.Max(0, until.DayNumber - from.DayNumber);
        });
        var served = TeacherFacts.YearsOf(days, cap) >= duty.HeadTeacherYears;
        var mentor = f.Mentors.Count > 0;
        var ok = served && (mentor || !duty.MentorRequired);
        var state = ok ? DutyState.Met : f.AsOf < end ? DutyState.InProgress : DutyState.Missed;
        var mentorText = mentor ? $"已配备班主任导师（{string.Join("、", f.Mentors.Select(m => m.MentorName))}）。"
            : duty.MentorRequired ? "尚未配备班主任导师。" : "";
        return new(state, start, end.AddDays(-1), days, mentor,
            $"入职{duty.WithinTeachingYears}年内（{start:yyyy-MM-dd}至{end.AddDays(-1):yyyy-MM-dd}）担任班主任{days}天，" +
            (served ? $"已满{duty.HeadTeacherYears}年。" : $"须满{duty.HeadTeacherYears}年。") + mentorText, duty.Source);
    }

    private static bool Satisfies(Held held, TeacherFacts f) =>
        held.Rung is { } rung ? Holds(f, rung)
        : f.Honours.Any(h => h.Honour == held.Honour && (held.MinLevel is null || h.Level >= held.MinLevel)
                             && (!held.OwnSubject || h.Subject is null || h.Subject == f.Subject));

    private static string Describe(RuleSet set, Held held) =>
        held.Rung is { } rung ? set.RungOf(rung)?.Title ?? rung
        : $"{(held.MinLevel is { } level ? level.Label() + "及以上" : "")}{(held.OwnSubject ? "任教学科" : "")}{held.Honour!.Value.Label()}";

    private static string Summary(TeacherFacts f) =>
        $"班主任工作{f.HeadTeacherYears}年" + (f.TeachingYears is { } t ? $"，任教{t}年" : "") +
        (f.ServingAsHeadTeacher ? "，仍从事班主任工作。" : "。");
}
