using Workshops.Core;

namespace Workshops.Activities;

/// <summary>Carriers of the studio's work (工作载体), as listed in seed 001 三.(二) and seed 000.</summary>
[Codes("activity-kinds")]
public enum ActivityKind
{
    [Label("教研会")] TeachingResearchMeeting,
    [Label("示范课/公开课")] DemonstrationLesson,
    [Label("资源库建设")] ResourceBuilding,
    [Label("典型学生会诊")] StudentCaseConsultation,
    [Label("情感沙龙")] EmotionSalon,
    [Label("沟通交流")] Communication,
    [Label("政策传导")] PolicyBriefing,
    [Label("理论学习")] TheoryStudy,
    [Label("课题研究")] ResearchProject,
    [Label("专题研讨")] ThematicSeminar,
    [Label("跟班见习")] Shadowing,
    [Label("带班实践")] ClassPractice,
    [Label("专项培训")] SpecialTraining,
    [Label("观摩展示")] ObservationShowcase,
    [Label("互评互鉴")] PeerReview,
    [Label("压力疏导")] StressRelief,
    [Label("报告会")] Lecture,
    [Label("对话座谈")] DialogueForum,
    [Label("案例分析研讨")] CaseAnalysis,
    [Label("调研活动")] Survey,
    [Label("网上论坛")] OnlineForum,
    [Label("基本功比赛/技能大赛")] SkillsCompetition,
    [Label("班主任沙龙")] HeadTeacherSalon,
}

/// <summary>The five domains carriers must cover (seed 001 Annex 1, 3.2.1: 交流、学习、研究、实践、成长).</summary>
[Codes("domains")]
public enum Domain
{
    [Label("交流")] Exchange,
    [Label("学习")] Learning,
    [Label("研究")] Research,
    [Label("实践")] Practice,
    [Label("成长")] Growth,
}
