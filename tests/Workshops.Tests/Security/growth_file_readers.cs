using Workshops.Core.Auth;

namespace Workshops.Tests.Security;

/// <summary>Who reads a teacher's growth file and hours, as a pure function over the caller and where the teacher has been.</summary>
public sealed class growth_file_readers
{
    private static readonly Guid Was = Guid.NewGuid();
    private static readonly TeacherScope M1 = new([Was], ["350000", "350200", "350203"]);

    private static Caller Who(Role role, string? region = null, string? teacher = null, Guid? studio = null) =>
        new("x", "x", role, studio is { } s ? new HashSet<Guid> { s } : [], region, teacher);

    [Theory]
    [InlineData(Role.Host)]
    [InlineData(Role.Member)]
    public void the_teachers_own_host_or_member_login_reads_it_from_any_studio(Role role) =>
        Assert.True(TeacherRequirementCheck.Allows(Who(role, teacher: "M1", studio: Guid.NewGuid()), "M1", M1));

    [Theory]
    [InlineData(Role.School, "350206")]
    [InlineData(Role.Reviewer, "350100")]
    [InlineData(Role.Integration, "350203")]
    [InlineData(Role.Integration, "440300")]
    public void the_teacher_claim_gives_other_roles_nothing(Role role, string region) =>
        Assert.False(TeacherRequirementCheck.Allows(Who(role, region, teacher: "M1"), "M1", M1));

    [Fact]
    public void a_host_of_a_studio_they_were_in_reads_it_a_fellow_member_does_not()
    {
        Assert.True(TeacherRequirementCheck.Allows(Who(Role.Host, studio: Was), "M1", M1));
        Assert.False(TeacherRequirementCheck.Allows(Who(Role.Member, teacher: "M2", studio: Was), "M1", M1));
        Assert.False(TeacherRequirementCheck.Allows(Who(Role.Host, studio: Guid.NewGuid()), "M1", M1));
    }

    [Theory]
    [InlineData(Role.School, "350203", true)]
    [InlineData(Role.School, "350200", true)]
    [InlineData(Role.School, "350206", false)]
    [InlineData(Role.Reviewer, "350000", true)]
    [InlineData(Role.Reviewer, "000000", true)]
    [InlineData(Role.Reviewer, "350100", false)]
    public void schools_and_reviewers_read_it_where_their_region_covers_a_studio_of_the_teacher(Role role, string region, bool reads) =>
        Assert.Equal(reads, TeacherRequirementCheck.Allows(Who(role, region), "M1", M1));
}
