using Workshops.Core.Contract;
using Workshops.Demo;

namespace Workshops.Growth;

/// <summary>The growth files' and the hour policies' part of the contract.</summary>
public static class GrowthDocs
{
    public static readonly ApiDocs Docs = new(
        [
            new TagDoc("Growth files", "成长档案 (growth files): one teacher across every studio they were ever in — the intake profile, " +
                                       "outside training and its hours (学时), awards and honours, ability ratings, mentors' notes, reflections, " +
                                       "and the tiers (骨干、带头人、专家型班主任) conferred on them. Personal: read by the teacher, their hosts, and " +
                                       "the school admins and reviewers of their studios' regions.", 7),
            new TagDoc("Hour policies", "学时 (hour) requirements as data: which credits count, how many hours by when, for which teachers. " +
                                        "Reviewers add policies and choose a region's set; a teacher's hours are judged against the set in effect.", 8),
        ],
        [
            new("RecordProfile", "Record a teacher's intake profile",
                "The intake profile (知识储备 knowledge base, 实践基础 practice base, 个性特点 personality, 工作理念 philosophy, 发展诉求 aspirations); " +
                "revisable, each revision kept. The host for anyone on the roster, a member for their own file.",
                ["growth."], new RecordProfile("熟悉班级管理与家校沟通的基本方法。", "担任班主任六年，带过两届毕业班。", "耐心细致，善于倾听。",
                    "以爱育爱，以心育心。", "希望提升主题班会设计与心理健康教育能力。")),
            new("RecordTraining", "Record outside training",
                "Training outside the studio with its level, credit category, hours (学时), date and certificate; it counts toward the hour policies.",
                ["growth."], new RecordTraining("厦门市中小学班主任专题培训（第二期）", TrainingLevel.Municipal, CreditCategory.HeadTeacherTraining, 24m,
                    new DateOnly(2025, 7, 18), "XM-BZR-2025-0312")),
            new("RecordAward", "Record an award or honour", "Awards and honours (名班主任、优秀班主任、十佳、比赛奖项) with their level and date.",
                ["growth."], new RecordAward(AwardKind.ExcellentHeadTeacher, "思明区优秀班主任", TrainingLevel.District, new DateOnly(2024, 9, 10))),
            new("RateAbilities", "Rate head-teacher abilities",
                "Self or mentor ratings from 1 to 5 on the head-teacher abilities (班级建设、指导个体发展、课程育人、家校共育、心理健康教育、网络媒介育人).",
                ["growth."], new RateAbilities(Rater.Mentor, new Dictionary<Ability, int> { [Ability.ClassBuilding] = 4, [Ability.HomeSchoolCooperation] = 3 },
                    new DateOnly(2025, 6, 30), "家校沟通方式需更加多样。")),
            new("AddGrowthReflection", "Add a teacher's reflection", "The teacher's own reflection in their growth file.", ["growth."],
                new AddGrowthReflection("本学期尝试“班级议事会”，学生参与班级管理的积极性明显提高。", new DateOnly(2025, 6, 28))),
            new("AddMentorNote", "Add a mentor's note", "A mentor's (or the host's) note on a mentee's growth.", ["growth."],
                new AddMentorNote("主题班会设计思路清晰，建议增加学生分享环节。", new DateOnly(2025, 5, 16))),
            new("GrantExpertTier", "Grant the expert tier (专家型班主任)",
                "A reviewer grants the expert tier to an eligible teacher (seed 000); the backbone and leader tiers come with recognition after an assessment.",
                ["growth.not-on-roster", "tier."], new GrantExpertTier("连续三年考核优秀，主持市级课题一项。")),
            new("GetGrowthFile", "Read a teacher's growth file",
                "One teacher across every studio they were ever in; `teacherNames` names each note's author (`notes[].authorId`). With a database per province, a national token (or a host's or member's) " +
                "reads every province the teacher served in, merged: hours summed by year and kind, entries in time order; a province's " +
                "token reads that province's part."),
            new("GetHours", "Read a teacher's hours (学时)",
                "Each hour policy that applies to the teacher: hours required, earned, remaining, the due date and the status; `asOf` judges a past day. " +
                "With a database per province, a national token (or a host's or member's) counts the credits of every province the teacher served in."),
            new("GetRecognitions", "Read a studio's recognition report",
                "For the host and each member, the titles the year's assessment conferred, or why not; `asOf` gives it as recorded then."),
            new("ListHourPolicies", "List the hour policies", "The preset policies (from the seeds) and those reviewers added."),
            new("GetHourPolicy", "Read an hour policy", "One policy by its code (`policy`), a preset or one a reviewer added; where adding one points."),
            new("AddHourPolicy", "Add an hour policy", "A reviewer adds a policy as data under a new code; policies are never redefined.",
                ["policy."], HourPolicies.Presets[0] with { Code = "xm-2026-annual", Title = "厦门市2026年起班主任年度学时要求" }),
            new("GetRegionHourPolicies", "Read a region's hour policies", "The set of hour policies in effect for a region (its own choice, or the nearest region above that chose)."),
            new("ChooseRegionHourPolicies", "Choose a region's hour policies", "A reviewer chooses the set of hour policies in effect in their region.",
                ["policy."], new ChoosePolicies([HourPolicies.Presets[0].Code])),
        ],
        [
            new("growth.not-on-roster", "The teacher is not on this studio's roster.", "Add to the growth file through a studio the teacher is in."),
            new("tier.already-granted", "The teacher holds the expert tier already.", "Nothing to do."),
            new("tier.expert-not-eligible", "The teacher does not meet the expert tier's conditions (seed 000); the answer says which.", "Grant it once the conditions hold."),
            new("policy.exists", "A policy with this code exists; policies are not redefined.", "Add the new version under a new code."),
            new("policy.unknown", "A chosen policy code is not a known policy.", "Choose codes from GET /api/hour-policies."),
        ]);
}
