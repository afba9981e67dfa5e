using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Studios;

namespace Workshops.Applications;

/// <summary>Applications (申报), recommendation (推荐) and selection (遴选) in the contract.</summary>
public static class ApplicationsDocs
{
    private static readonly Region Xiamen = Demo.DemoData.Region;

    public static readonly ApiDocs Docs = new(
        [new TagDoc("Applications", "申报、推荐、遴选: a school applies for a district, municipal or provincial studio with its construction plan " +
                                    "(建设方案); its Party organisation's approval is attested; the levels below the one applied for recommend in " +
                                    "turn (district, then city) and that level selects, which establishes the studio. Each reviewer acts only at " +
                                    "their own level and turn; an application outside the caller's region is not found (404).", 2)],
        [
            new("ApplyForStudio", "Apply for a studio",
                "A school admin applies for a studio of a level (district, municipal or provincial; a school-level studio is established " +
                "directly) in their region, with the construction plan: positioning (定位), members (团队组成), build mode and goals (建设目标). " +
                "The plan is not an annual plan.",
                ["application.school-level"],
                new ApplyForStudio("厦门工商旅游学校班主任工作室", "厦门工商旅游学校", Xiamen, StudioLevel.Provincial, Track.Vocational, false,
                    new ConstructionPlan("立足中职学生特点，研究班级建设与学生管理。", "主持人陈美玲，成员林晓燕、黄志强、郑雅琴。",
                        BuildMode.Mentorship, "三年内形成班主任工作手册一部、典型案例十个。"))),
            new("AttestPartyApproval", "Attest the Party organisation's approval",
                "The school attests that its Party organisation approved the construction plan (学校党组织把关), once; nobody recommends or " +
                "selects before it.",
                ["application.party-approval-recorded", "application.closed"], new AttestPartyApproval(new DateOnly(2026, 2, 27), "校党委会议审议通过。")),
            new("RecommendApplication", "Recommend an application",
                "At their turn, the district's reviewer (then the city's) recommends (推荐) the application to the next level.",
                ["application."], new RecommendApplication("经区教育局评审，同意推荐。")),
            new("SelectApplication", "Select an application",
                "The reviewer of the level applied for selects (遴选) the application: the studio is established at that level from the " +
                "founding day (today unless given); the answer carries its id, and the studio's view its application.",
                ["application."], new SelectApplication(new DateOnly(2026, 3, 1), "经省级遴选，确定为省级班主任工作室。")),
            new("RefuseApplication", "Refuse an application",
                "The reviewer whose turn it is refuses the application with the reason (不予推荐 / 未予遴选); it is closed.",
                ["application."], new RefuseApplication("建设方案目标不够具体，暂不推荐。")),
            new("GetApplication", "Read an application",
                "The application with its plan, the Party organisation's approval, each level's decision with its note or reason, the " +
                "level whose turn it is (`awaiting`) and, once selected, the studio's id. School admins and reviewers of its region."),
            new("ListApplications", "List the applications of a region",
                "The applications in the caller's region (or `region` inside it), optionally in one `state`, newest first, a page at a time, " +
                "as summaries: the plan and each level's decision are in the application its `url` points to.",
                Parameters: [new ParameterDoc("state", "Only applications in this state.", Codes: typeof(ApplicationState))]),
        ],
        [
            new("application.school-level", "A school-level studio is not applied for.", "Establish it with POST /api/studios."),
            new("application.party-approval-recorded", "The Party organisation's approval is already recorded.", "Nothing to do."),
            new("application.party-approval-missing", "The school's Party organisation has not approved the construction plan yet.",
                "Let the school attest the approval first."),
            new("application.closed", "The application was selected or refused; nothing more is decided on it.", "Apply again if the school wishes."),
            new("application.not-your-turn", "The application awaits another level's decision (the detail names it); a reviewer acts only at their own level's turn.",
                "Let the level it awaits decide."),
            new("application.selection-due", "It is the level applied for: it selects or refuses, it does not recommend.", "Select or refuse it."),
            new("application.recommendation-due", "This level recommends or refuses; selection is for the level applied for.", "Recommend or refuse it."),
        ]);
}
