using Workshops.Teachers;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// A write whose body places a new record (a studio established in a region, a teacher registered at a school of a
/// region) goes to that region's province, and only a token reaching that province may send it: a province's token its
/// own province, a host's token (no region) the provinces of its studios. The refusal is a 403 naming the province needed
/// and the ones the token reaches; nothing is written anywhere.
/// </summary>
public sealed class writes_stay_in_the_tokens_province(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    private static object Record(string id, string region, string school) => new
    {
        id, name = "黄志强", gender = "male", school, region, subject = "数学", birthYear = 1984, teachingSince = "2007-09-01",
    };

    private const string Stream = "select count(*) from workshops.mt_events where stream_id = $1";

    private async Task NothingWritten(string teacher)
    {
        foreach (var code in Codes) Assert.Equal(0, await Fixture.Count(code, Stream, TeacherStreams.IdOf(teacher)));
    }

    private static void NamesTheProvince(Reply reply, string needed, string reaches)
    {
        reply.ShouldBeProblem(403, "tenancy.province");
        Assert.Equal(needed, reply.Json["province"]!.GetValue<string>());
        Assert.Equal([reaches], reply.Json["reaches"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Contains($"token of province {needed}", reply.Json["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_provinces_school_admin_is_refused_registering_a_teacher_at_a_school_of_another_province()
    {
        const string teacher = "T22-ACROSS-SCHOOL";
        var reply = await Host.Post("/api/teachers", Record(teacher, "110105", "北京市朝阳区实验中学"), Fixture.FujianSchool);

        NamesTheProvince(reply, Beijing, Fujian);
        await NothingWritten(teacher);
        // The same admin registers at a school of its own district.
        (await Host.Post("/api/teachers", Record(teacher, "350203", "厦门市第一中学"), Fixture.FujianSchool)).ShouldBe(201);
        Assert.Equal(2, await Fixture.Count(Fujian, Stream, TeacherStreams.IdOf(teacher)));
    }

    [Fact]
    public async Task a_host_is_refused_registering_a_teacher_in_a_province_none_of_its_studios_is_in()
    {
        const string teacher = "T22-ACROSS-HOST";
        var studio = await Host.EstablishStudio(Fixture.JimeiSchool, StudioBody("厦门市集美区第五班主任工作坊", district: "350211"));
        (await Host.Post($"/api/studios/{studio}/members", new { teacher = Teacher(teacher, "黄志强", since: "2012-09-01", teaching: "2007-09-01"), on = "2022-10-16" },
            Fixture.JimeiSchool)).ShouldBe(200);
        var host = Fixture.HostOf(studio);

        NamesTheProvince(await Host.Post("/api/teachers", Record(teacher, "110105", "北京市朝阳区实验中学"), host), Beijing, Fujian);
        // A region in the query does not move a write its body places.
        NamesTheProvince(await Host.Post($"/api/teachers?region={Fujian}", Record(teacher, "110105", "北京市朝阳区实验中学"), host), Beijing, Fujian);
        await NothingWritten(teacher);
        // At a school of the studio's province the host registers the teacher on its roster.
        (await Host.Post("/api/teachers", Record(teacher, "350211", "厦门市集美区实验学校"), host)).ShouldBe(201);
        Assert.Equal(2, await Fixture.Count(Fujian, Stream, TeacherStreams.IdOf(teacher)));
    }

    [Theory]
    [InlineData("110000", "110100", "110101", "350200", Beijing, Fujian)] // a Fujian city's reviewer, a Beijing studio
    [InlineData("350000", "350200", "350203", "110000", Fujian, Beijing)] // Beijing's reviewer, a Fujian studio
    public async Task a_provinces_reviewer_is_refused_establishing_a_studio_in_another_province(string province, string city, string district,
        string reviewerRegion, string needed, string reaches)
    {
        var name = $"越权设立的班主任工作坊{district}";
        var reviewer = Fixture.Token(Workshops.Core.Auth.Role.Reviewer, "评审", reviewerRegion);
        var body = StudioBody(name, district: district, city: city, province: province, level: "municipal", reason: "市级评审直接认定");

        const string named = "select count(*) from workshops.mt_events where data ->> 'name' = $1";

        NamesTheProvince(await Host.Post("/api/studios", body, reviewer), needed, reaches);
        foreach (var code in Codes) Assert.Equal(0, await Fixture.Count(code, named, name));
        // The city's own reviewer establishes it, in its province's database.
        (await Host.Post("/api/studios", body, Fixture.Token(Workshops.Core.Auth.Role.Reviewer, "评审", city))).ShouldBe(201);
        Assert.Equal(1, await Fixture.Count(needed, named, name));
    }
}
