using Workshops.Core;

namespace Workshops.Teachers;

/// <summary>Professional titles (职称) of primary, secondary and vocational teachers.</summary>
[Codes("professional-titles")]
public enum ProfessionalTitle
{
    [Label("未定级")] Unrated,
    [Label("三级教师")] Third,
    [Label("二级教师")] Second,
    [Label("一级教师")] First,
    [Label("高级教师")] Senior,
    [Label("正高级教师")] FullSenior,
}

/// <summary>Highest education (学历), part of a teacher's 学缘 with the institution and major.</summary>
[Codes("education-levels")]
public enum EducationLevel
{
    [Label("中专/高中")] Secondary,
    [Label("大专")] Associate,
    [Label("本科")] Bachelor,
    [Label("硕士研究生")] Master,
    [Label("博士研究生")] Doctor,
}

/// <summary>
/// Honours conferred on a teacher from outside this system (seed 000 三.(二), seed 001 附件1 二.(二).3, seed 003):
/// the tier rules read them, e.g. 市学科带头人 for the 视同 rule and 市德育学科带头人 / 优秀班主任 for expert selection.
/// </summary>
[Codes("honour-kinds")]
public enum HonourKind
{
    [Label("名班主任")] FamousHeadTeacher,
    [Label("优秀教师")] ExcellentTeacher,
    [Label("学科带头人")] SubjectLeader,
    [Label("德育学科带头人")] MoralEducationLeader,
    [Label("十佳班主任")] TopTenHeadTeacher,
    [Label("优秀班主任")] ExcellentHeadTeacher,
    [Label("骨干教师")] BackboneTeacher,
    [Label("班主任能力比赛奖项")] CompetitionPrize,
    [Label("其他荣誉")] Other,
}

/// <summary>The level of the authority that conferred an honour: 市学科带头人 is a subject leader at the municipal level.</summary>
[Codes("honour-levels")]
public enum HonourLevel
{
    [Label("校级")] School,
    [Label("区（县）级")] District,
    [Label("市级")] Municipal,
    [Label("省级")] Provincial,
    [Label("国家级")] National,
}

/// <summary>The kinds of dated fact on a teacher's record; a correction or retraction names the fact it concerns.</summary>
[Codes("teacher-facts")]
public enum FactKind
{
    [Label("担任班主任开始")] HeadTeacherStart,
    [Label("担任班主任结束")] HeadTeacherEnd,
    [Label("教龄起算")] TeachingStart,
    [Label("职称")] Title,
    [Label("荣誉")] Honour,
    [Label("农村任教开始")] RuralStart,
    [Label("农村任教结束")] RuralEnd,
    [Label("调动学校")] SchoolMove,
    [Label("担任校长开始")] PrincipalStart,
    [Label("担任校长结束")] PrincipalEnd,
    [Label("班主任导师")] Mentor,
    [Label("专家型班主任培养对象")] ExpertCandidacy,
    [Label("专家型班主任培养结业")] ExpertTraining,
}
