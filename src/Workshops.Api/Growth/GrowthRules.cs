using Workshops.Core;
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
    /// <summary>seed 000 三.(二).2: youth backbone — teaching ≥5 years, ≥2 years as head teacher, still serving.</summary>
    public static Eligibility YouthBackbone(TeacherInfo t, DateOnly on)
    {
        var teaching = Service.FullYears(t.TeachingSince, on);
        var head = Service.FullYears(t.HeadTeacherSince, on);
        var ok = teaching >= 5 && head >= 2 && t.ServingAsHeadTeacher;
        return new("youth-backbone", "青年骨干班主任", ok,
            ok ? $"任教{teaching}年，班主任工作{head}年，仍从事班主任工作。"
               : !t.ServingAsHeadTeacher ? "已不再从事班主任工作。"
               : teaching < 5 ? $"任教{teaching}年，不足5年。" : $"班主任工作{head}年，不足2年。");
    }

    /// <summary>seed 000 三.(二).4: expert — a city subject leader with ≥8 years as head teacher, still serving.</summary>
    public static Eligibility Expert(TeacherInfo t, DateOnly on)
    {
        var head = Service.FullYears(t.HeadTeacherSince, on);
        var ok = t.CitySubjectLeader == true && head >= 8 && t.ServingAsHeadTeacher;
        return new("expert", "专家型班主任", ok,
            ok ? $"市学科带头人，班主任工作{head}年，仍从事班主任工作。"
               : !t.ServingAsHeadTeacher ? "已不再从事班主任工作。"
               : t.CitySubjectLeader != true ? "未认定为任教学科市学科带头人。" : $"班主任工作{head}年，不足8年。");
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
    Tier? Tier);

public static class Recognition
{
    public const int HostYears = 5;
    public const int MemberYears = 2;

    public static bool Qualifies(AssessmentResult result) => result is AssessmentResult.Qualified or AssessmentResult.Excellent;

    /// <summary>
    /// seed 000 三.(二).3: when a workshop passes its assessment, a host with at least 5 years as head teacher who still
    /// serves is recognised as 班主任带头人 and 德育学科带头人; a member with at least 2 years who still serves as 骨干班主任.
    /// Years count from the service start to the assessment date.
    /// </summary>
    public static IReadOnlyList<RecognitionDecision> Decide(Studio studio, AssessmentResult result, DateOnly assessedOn)
    {
        var decisions = new List<RecognitionDecision>();
        if (studio.Host is { } host)
            decisions.Add(Decide(host.Teacher, RosterRole.Host, result, assessedOn, HostYears,
                [RecognitionTitle.HeadTeacherLeader, RecognitionTitle.MoralEducationLeader], "seed000.host-5-years", Tier.Leader));
        foreach (var member in studio.Members)
            decisions.Add(Decide(member.Teacher, RosterRole.Member, result, assessedOn, MemberYears,
                [RecognitionTitle.BackboneHeadTeacher], "seed000.member-2-years", Tier.Backbone));
        return decisions;
    }

    private static RecognitionDecision Decide(TeacherInfo t, RosterRole role, AssessmentResult result, DateOnly on, int needed,
        RecognitionTitle[] titles, string rule, Tier tier)
    {
        var years = Service.FullYears(t.HeadTeacherSince, on);
        string? why = !Qualifies(result) ? $"工作坊考核结果为{result.Label()}，未达合格。"
            : !t.ServingAsHeadTeacher ? "已不再从事班主任工作。"
            : years < needed ? $"班主任工作{years}年，不足{needed}年（自{t.HeadTeacherSince:yyyy-MM-dd}起算至{on:yyyy-MM-dd}）。"
            : null;
        return why is null
            ? new(t.Id, t.Rural, t.Name, role, years, t.ServingAsHeadTeacher, titles, rule,
                $"工作坊考核{result.Label()}，班主任工作{years}年，仍从事班主任工作。", tier)
            : new(t.Id, t.Rural, t.Name, role, years, t.ServingAsHeadTeacher, [], rule, why, null);
    }
}
