using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Programmes;
using Workshops.Teachers;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Growth;

/// <summary>Years of service, eligibility and recognition (seed 000 三.(二)), as pure functions.</summary>
public static class Service
{
    /// <summary>
    /// Whole years from a start date to a day. A year is complete on the same month and day; a start on 29 February
    /// completes on 28 February in common years (the last day of that month).
    /// </summary>
    public static int FullYears(DateOnly since, DateOnly on)
    {
        if (on < since) return 0;
        var years = on.Year - since.Year;
        return since.AddYears(years) > on ? years - 1 : years;
    }
}

public sealed record Eligibility(string Code, string Label, bool Eligible, string Reason);

public static class Eligibilities
{
    /// <summary>
    /// What a teacher may be granted or is treated as under the rule set, judged on their facts on the day
    /// (<see cref="TierRules"/>): the rungs a reviewer grants (seed 000 三.(二).2 青年骨干班主任), the selection rung
    /// (eligible to be selected as a candidate, or held) and the rungs held by themselves (视同).
    /// </summary>
    public static IReadOnlyList<Eligibility> Of(RuleSet set, TeacherFacts f) =>
    [
        .. set.Ladder.Where(r => r.Path is RungPath.Grant or RungPath.Selection or RungPath.TreatedAs).Select(rung =>
        {
            var check = TierRules.Check(set, rung, f);
            if (rung.Path != RungPath.Selection || check.Held) return new Eligibility(rung.Code, rung.Label, check.Held || check.Met, check.Held ? $"已认定。{check.Reason}" : check.Reason);
            var refusal = TierRules.MaySelect(set, f);
            return new Eligibility(rung.Code, rung.Label, refusal is null,
                refusal is null ? $"可遴选参加培养：{check.Reason}" : refusal.Detail);
        }),
    ];

    /// <summary>
    /// seed 000 三.(二).4: the expert tier of a studio's growth file mirrors the teacher's record: it is granted to a
    /// teacher whose record holds the selection rung (selected, trained, then recognised), never from years and
    /// titles alone (being a 市学科带头人 with 8 years is the 视同 rule, which only applies to an expert already).
    /// </summary>
    public static Eligibility ExpertTier(RuleSet set, TeacherFacts? f)
    {
        if (set.Ladder.FirstOrDefault(r => r.Path == RungPath.Selection) is not { } rung)
            return new("expert", "专家型班主任", false, $"{set.Title}无专家型班主任的遴选培养。");
        if (f is null) return new("expert", rung.Label, false, $"未建立教师档案：{rung.Label}经遴选、培养后认定（{rung.Source}）。");
        return TierRules.Holds(f, rung.Code)
            ? new("expert", rung.Label, true, $"教师档案已认定为{rung.Title}。")
            : new("expert", rung.Label, false, $"教师档案未认定为{rung.Title}：须经遴选、培养后认定（{rung.Source}）。");
    }
}

/// <summary>One person's outcome of a qualified assessment: the titles they get, or why not.</summary>
public sealed record RecognitionDecision(
    string TeacherId,
    bool Rural,
    string Name,
    RosterRole Role,
    int HeadTeacherYears,
    bool Serving,
    IReadOnlyList<RecognitionTitle> Titles,
    string Rule,
    string Reason,
    Tier? Tier,
    IReadOnlyList<string>? Rungs = null);

public static class Recognition
{
    /// <summary>Xiamen's years for the assessment rungs (seed 000 三.(二).3), the checklist's default parameters.</summary>
    public const int HostYears = 5;
    public const int MemberYears = 2;

    public static bool Qualifies(AssessmentResult result) => result is AssessmentResult.Qualified or AssessmentResult.Excellent;

    /// <summary>The studio titles (and tier) a rung of an assessment path stands for in the growth file and the reports.</summary>
    public static (RecognitionTitle Title, Tier Tier)? TitleOf(string rung) => rung switch
    {
        "leader" => (RecognitionTitle.HeadTeacherLeader, Tier.Leader),
        "moral-education-leader" => (RecognitionTitle.MoralEducationLeader, Tier.Leader),
        "backbone" => (RecognitionTitle.BackboneHeadTeacher, Tier.Backbone),
        _ => null,
    };

    /// <summary>A roster person's facts on a day: from their teacher record, or from what the roster entry said when they joined.</summary>
    public static TeacherFacts FactsOf(RosterEntry entry, TeacherRecord? record, Studio studio, DateOnly day) =>
        record is { Schools.Count: > 0 }
            ? TeacherFacts.AsOfDay(record, day)
            : TeacherFacts.FromJoinFacts(entry.Teacher, entry.Since, day, studio.Region.Code, studio.Track);

    /// <summary>
    /// seed 000 三.(二).3 through the studio's rule set: when a workshop passes its assessment, the assessment rungs its
    /// rule set gives the host (班主任带头人, 德育学科带头人: ≥5 years, still serving) and the members (骨干班主任: ≥2 years,
    /// still serving), judged by <see cref="TierRules.Assessed"/> on each teacher's facts as of the assessment day (the
    /// record's periods, gaps excluded; the join facts for teachers without a record). A rule set without such rungs
    /// (the vocational and national sets) confers nothing with an assessment.
    /// </summary>
    public static IReadOnlyList<RecognitionDecision> Decide(Studio studio, RuleSet set, IReadOnlyDictionary<string, TeacherRecord> records,
        AssessmentResult result, DateOnly assessedOn)
    {
        var people = (studio.Host is { } host ? new[] { host } : []).Concat(studio.Members);
        return [.. people.Select(entry => Decide(entry, FactsOf(entry, records.GetValueOrDefault(entry.Teacher.Id), studio, assessedOn), set, result))];
    }

    private static RecognitionDecision Decide(RosterEntry entry, TeacherFacts f, RuleSet set, AssessmentResult result)
    {
        var checks = TierRules.Assessed(set, f, entry.Role, result);
        var met = checks.Where(c => c.Met).ToList();
        var titles = met.Select(c => TitleOf(c.Rung)).OfType<(RecognitionTitle Title, Tier Tier)>().ToList();
        var rule = checks.Count == 0 ? $"{set.Code}.no-assessment-rung" : checks[0].Rule;
        var reason = checks.Count == 0 ? $"{set.Title}不因工作坊考核认定称号。"
            : met.Count > 0 ? $"工作坊考核{result.Label()}，{met[0].Reason}"
            : checks[0].Reason;
        return new(f.TeacherId, f.Rural, entry.Teacher.Name, entry.Role, f.HeadTeacherYears, f.ServingAsHeadTeacher,
            [.. titles.Select(t => t.Title)], rule, reason, titles.Count == 0 ? null : titles.Max(t => t.Tier), [.. met.Select(c => c.Rung)]);
    }

    /// <summary>
    /// The recognitions an assessment confers, as facts on the teachers' own streams: one per rung met and not yet held
    /// on the day, for teachers who have a record (the studio's own events keep the titles of those who have none).
    /// </summary>
    public static IReadOnlyList<RecognitionConferred> OnTeacherRecords(IReadOnlyList<RecognitionDecision> decisions, RuleSet set,
        IReadOnlyDictionary<string, TeacherRecord> records, Guid studioId, DateOnly day, Actor by, DateTimeOffset at)
    {
        var conferred = new List<RecognitionConferred>();
        foreach (var d in decisions)
        {
            if (!records.TryGetValue(d.TeacherId, out var record) || record.Schools.Count == 0) continue;
            var held = TeacherFacts.AsOfDay(record, day);
            foreach (var code in d.Rungs ?? [])
                if (!TierRules.Holds(held, code) && set.RungOf(code) is { } rung)
                    conferred.Add(new RecognitionConferred(d.TeacherId, set.Code, rung.Code, rung.Title, rung.Issuer, rung.Path,
                        TierRules.RuleOf(set, rung), d.Reason, day, studioId, by, at));
        }
        return conferred;
    }
}
