using Workshops.Core.Contract;
using Workshops.Studios;

namespace Workshops.Programmes;

/// <summary>The rule sets' part of the contract.</summary>
public static class ProgrammesDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Programmes", "Rule sets (培训培养方案): each programme's rules as data — roster limits, the tier ladder with the conditions " +
                                  "of each rung, targets and hour policies — from seed 000's Xiamen K-12 rules, seed 001's vocational rules and a " +
                                  "national default; a region adopts one per track (普通中小学 or 职业学校) from a day, and a studio or teacher is " +
                                  "judged by the one in effect for its region and track on the day.", 15)],
        [
            new("ListRuleSets", "List the rule sets", "Every programme's rule set: the presets and the editions added as data."),
            new("GetRuleSet", "Read a rule set", "One rule set by its code (`ruleSet`), a preset or an edition added as data; where adding one points."),
            new("AddRuleSet", "Add a rule set edition",
                "A reviewer adds a later or local edition as data under a new code; editions are never redefined.",
                ["rule-set.exists"],
                RuleSetPresets.Xiamen with
                {
                    Code = "xiamen-k12-2026", Edition = "2026", EffectiveFrom = new DateOnly(2026, 9, 1),
                    // The example shows the rungs an authority confers (an issuer is sent, null or not; the example writer leaves nulls out).
                    Ladder = [.. RuleSetPresets.Xiamen.Ladder.Where(r => r.Issuer is not null)],
                }),
            new("AdoptRuleSet", "Adopt a rule set for a region (采用)",
                "A reviewer of the region adopts a rule set for a track from a day (today unless given). Adoptions are added, never replaced: " +
                "the days before keep the rule set they had. Answers the region's rule sets on that day.",
                ["rule-set.unknown", "rule-set.track"],
                new AdoptRuleSet(Track.K12, RuleSetPresets.XiamenK12, new DateOnly(2022, 10, 16))),
            new("GetRegionRuleSets", "Read a region's rule sets on a day",
                "Which rule set applies in a region per track on the day (`on`, today unless given), why, and the adoptions along the region's chain."),
            new("GetStudioRuleSet", "Read the rule set a studio is judged by",
                "The rule set that applies to a studio (its region and track) on the day (`on`, today unless given), and why."),
        ],
        [
            new("rule-set.exists", "A rule set with that code exists.", "Add a new edition under a new code."),
            new("rule-set.unknown", "No rule set with that code.", "Use a code from GET /api/rule-sets."),
            new("rule-set.track", "The rule set is written for another track.", "Adopt it for its own track, or choose a rule set of this track."),
        ]);
}
