using Workshops.Core.Auth;
using Workshops.Teachers;

namespace Workshops.Tests.Teachers;

/// <summary>Who may read, record and recognise on a teacher's record, as the pure rule the policies apply.</summary>
public sealed class teacher_access
{
    private static Caller As(Role role, string? region = null, string? teacher = null) =>
        new("sub", "名字", role, new HashSet<Guid>(), region, teacher);

    [Theory]
    [InlineData(Role.Member, null, "T1", false, false, true)]
    [InlineData(Role.Host, null, "T1", false, false, true)]
    [InlineData(Role.Integration, "350203", "T1", false, false, false)]
    [InlineData(Role.School, "350206", "T1", false, false, false)]
    [InlineData(Role.School, "350203", null, false, false, true)]
    [InlineData(Role.School, "350200", null, false, false, true)]
    [InlineData(Role.School, "000000", null, false, false, false)]
    [InlineData(Role.Reviewer, "000000", null, false, false, true)]
    [InlineData(Role.Reviewer, "350100", null, false, false, false)]
    [InlineData(Role.Host, null, null, false, true, true)]
    [InlineData(Role.Member, null, "T2", true, true, false)]
    public void reads(Role role, string? region, string? teacher, bool hostsNow, bool hostedEver, bool allowed) =>
        Assert.Equal(allowed, TeacherAccess.Allows(TeacherAct.Read, As(role, region, teacher), "T1", "350203", hostsNow, hostedEver));

    [Theory]
    [InlineData(Role.School, "350203", false, false, true)]
    [InlineData(Role.School, "000000", false, false, false)]
    [InlineData(Role.Host, null, true, true, true)]
    [InlineData(Role.Host, null, false, true, false)]
    [InlineData(Role.Member, null, true, true, false)]
    [InlineData(Role.Reviewer, "350203", false, false, false)]
    public void records(Role role, string? region, bool hostsNow, bool hostedEver, bool allowed) =>
        Assert.Equal(allowed, TeacherAccess.Allows(TeacherAct.Record, As(role, region, "T1"), "T1", "350203", hostsNow, hostedEver));

    [Theory]
    [InlineData(Role.Reviewer, "350200", true)]
    [InlineData(Role.Reviewer, "350206", false)]
    [InlineData(Role.School, "350203", false)]
    [InlineData(Role.Host, "350203", false)]
    public void recognises(Role role, string region, bool allowed) =>
        Assert.Equal(allowed, TeacherAccess.Allows(TeacherAct.Recognise, As(role, region), "T1", "350203", true, true));
}
