using Workshops.Core;
using Workshops.Core.Contract;

namespace Workshops.Roster;

[Codes("genders")]
public enum Gender
{
    [Label("女")] Female,
    [Label("男")] Male,
}

/// <summary>
/// A teacher as the studio knows them. Years of head-teacher service (班主任工作年限) count from
/// <see cref="HeadTeacherSince"/>, teaching years (教龄) from <see cref="TeachingSince"/>.
/// </summary>
public sealed record TeacherInfo(
    [Id] string Id,
    [Text(50)] string Name,
    Gender Gender,
    [Text(100)] string School,
    [Text(50)] string Subject,
    [Text(50)] string Title,
    DateOnly HeadTeacherSince,
    DateOnly TeachingSince,
    bool ServingAsHeadTeacher,
    bool Rural,
    int? BirthYear = null,
    bool? PartyMember = null,
    bool? CitySubjectLeader = null,
    DateOnly? PrincipalSince = null)
{
    public static void Check(Check check, TeacherInfo? teacher, string field, DateOnly today)
    {
        if (teacher is null)
        {
            check.Add(field, "is required");
            return;
        }
        // Lengths and the id's form are declared on the record and checked with the body (Core/Contract/Limits).
        check.When(teacher.HeadTeacherSince > today, $"{field}.headTeacherSince", "must not be in the future")
            .When(teacher.TeachingSince > today, $"{field}.teachingSince", "must not be in the future")
            .When(teacher.HeadTeacherSince < new DateOnly(1950, 1, 1), $"{field}.headTeacherSince", "must be after 1950")
            .When(teacher.TeachingSince < new DateOnly(1950, 1, 1), $"{field}.teachingSince", "must be after 1950")
            .When(teacher.PrincipalSince > today, $"{field}.principalSince", "must not be in the future")
            .When(teacher.BirthYear is < 1930 || teacher.BirthYear > today.Year - 16, $"{field}.birthYear",
                "must be a plausible year of birth");
    }
}

[Codes("expert-kinds")]
public enum ExpertKind
{
    [Label("校外专家")] OutsideExpert,
    [Label("心理健康教师")] MentalHealthTeacher,
    [Label("教研人员")] Researcher,
    [Label("其他")] Other,
}

/// <summary>An outside expert who supplements the team; experts count toward no quota (seed 001 二.(一)).</summary>
public sealed record Expert([Id] string Id, [Text(50)] string Name, ExpertKind Kind, [Text(100)] string Organisation, [Text(50)] string? Title = null);
