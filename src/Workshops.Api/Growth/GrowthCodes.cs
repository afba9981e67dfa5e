using Workshops.Core;

namespace Workshops.Growth;

[Codes("training-levels")]
public enum TrainingLevel
{
    [Label("校本")] School,
    [Label("区级")] District,
    [Label("市级")] Municipal,
    [Label("省级")] Provincial,
    [Label("国家级")] National,
}

/// <summary>What a training credit counts as, so hour policies can say which credits they accept.</summary>
[Codes("credit-categories")]
public enum CreditCategory
{
    /// <summary>Hours credited from attending the studio's activities (no second entry).</summary>
    [Label("工作坊研修")] StudioActivity,
    [Label("班主任专题培训")] HeadTeacherTraining,
    /// <summary>seed 003: general training on the head-teacher abilities for new teachers.</summary>
    [Label("班主任能力通识培训")] AbilityGeneral,
    [Label("校长培训")] PrincipalTraining,
    [Label("其他培训")] Other,
    /// <summary>seed 004 五: 新任校长或拟任校长 ≥300 学时 任职资格培训 — its own category, never counted toward the 360 hours.</summary>
    [Label("校长任职资格培训")] PrincipalQualification,
    /// <summary>seed 004 五: 在任校长 5年一周期 ≥360 学时 全员培训 (提高培训、高级研修、专题培训).</summary>
    [Label("在任校长培训")] PrincipalInService,
}

[Codes("award-kinds")]
public enum AwardKind
{
    [Label("名班主任")] FamousHeadTeacher,
    [Label("优秀班主任")] ExcellentHeadTeacher,
    [Label("十佳班主任")] TopTen,
    [Label("班主任能力比赛奖项")] CompetitionPrize,
    [Label("其他荣誉")] Other,
}

/// <summary>The head-teacher abilities (seed 003): rated 1–5 by the teacher and by the mentor.</summary>
[Codes("abilities")]
public enum Ability
{
    [Label("班级建设能力")] ClassBuilding,
    [Label("指导个体发展能力")] IndividualGuidance,
    [Label("课程育人领导力")] CurriculumLeadership,
    [Label("家校共育协同能力")] HomeSchoolCooperation,
    [Label("心理健康教育能力")] MentalHealthEducation,
    [Label("网络媒介育人能力")] MediaEducation,
    [Label("终身学习能力")] LifelongLearning,
    [Label("沟通能力")] Communication,
}

[Codes("raters")]
public enum Rater
{
    [Label("自评")] Self,
    [Label("导师评")] Mentor,
}

/// <summary>The growth pyramid of seed 000 三.(二): 新任 → 骨干 → 带头人 → 专家型.</summary>
[Codes("tiers")]
public enum Tier
{
    [Label("新任班主任")] New,
    [Label("骨干班主任")] Backbone,
    [Label("班主任带头人")] Leader,
    [Label("专家型班主任")] Expert,
}

/// <summary>Titles a qualified workshop confers (seed 000 三.(二).3).</summary>
[Codes("recognition-titles")]
public enum RecognitionTitle
{
    [Label("班主任带头人")] HeadTeacherLeader,
    [Label("德育学科带头人")] MoralEducationLeader,
    [Label("骨干班主任")] BackboneHeadTeacher,
}
