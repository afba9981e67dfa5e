using Workshops.Core;
using Workshops.Roster;
using Workshops.Studios;

namespace Workshops.Programmes;

/// <summary>Someone on a studio's roster on the day judged, with the school their record (or their join facts) gives.</summary>
public sealed record RosterPerson(string TeacherId, RosterRole Role, string School);

/// <summary>
/// The roster rules of a rule set, as pure functions: a hard maximum refuses a member beyond it (seed 000's 2–4), an
/// advisory one only warns (seed 001's 规模适宜), and 本校 (seed 001 附件1 二.(一).1) warns when fewer than half of the
/// roster teach at the studio's school.
/// </summary>
public static class RosterLimitRules
{
    public static int Members(IEnumerable<RosterPerson> roster) => roster.Count(p => p.Role == RosterRole.Member);

    /// <summary>May one more member join? Null, or the refusal members.max naming the rule set's clause.</summary>
    public static Refusal? AddMember(RuleSet set, IReadOnlyList<RosterPerson> roster)
    {
        var members = Members(roster);
        return set.Roster is { MaxMembers: { } max, MaxKind: LimitKind.Hard } && members >= max
            ? new Refusal("members.max", $"The studio already has {members} members; {set.Code} allows at most {max} ({set.Roster.Source}).")
            : null;
    }

    /// <summary>What the roster shows as warnings under the rule set: allowed, but visible.</summary>
    public static IReadOnlyList<Warning> Warnings(RuleSet set, string studioSchool, IReadOnlyList<RosterPerson> roster)
    {
        var warnings = new List<Warning>();
        var members = Members(roster);
        var limits = set.Roster;
        if (!roster.Any(p => p.Role == RosterRole.Host) && !roster.Any(p => p.Role == RosterRole.Coordinator))
            warnings.Add(new("composition.no-host", "尚未任命坊主（主持人）或负责人。"));
        if (limits.MinMembers is { } min && members < min)
            warnings.Add(new("composition.members-below-min", $"成员{members}人，少于{min}人（{set.Title}）。"));
        if (limits is { MaxMembers: { } max, MaxKind: LimitKind.Advisory } && members > max)
            warnings.Add(new("composition.members-above-advised", $"成员{members}人，超过建议规模{max}人（规模适宜，不作限制）。"));
        if (limits.HomeSchoolCore && roster.Count > 0)
        {
            var own = roster.Count(p => SameSchool(p.School, studioSchool));
            if (own * 2 <= roster.Count)
                warnings.Add(new("composition.home-school-minority",
                    $"本校教师{own}人，占{roster.Count}人中的少数（应以本校班主任教师和培育对象为主体）。"));
        }
        return warnings;
    }

    private static bool SameSchool(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.Ordinal);
}
