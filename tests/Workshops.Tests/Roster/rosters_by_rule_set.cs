using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Roster;

/// <summary>The roster's size and 本校 under the studio's rule set, through HTTP: Xiamen refuses a fifth member, the vocational set warns.</summary>
public sealed class rosters_by_rule_set(AppFixture fixture) : ApiTest(fixture)
{
    private static object Vocational() => StudioBody("厦门市工商旅游学校班主任工作室", track: "vocational");

    [Fact]
    public async Task a_vocational_studio_accepts_a_fifth_member_with_a_warning()
    {
        var id = await Host.EstablishStudio(School(), Vocational());
        var host = HostOf(id);
        for (var i = 1; i <= 4; i++)
        {
            var answer = await Host.AddMember(id, host, Teacher($"M{i}", $"成员{i}"));
            Assert.Equal("moe-vocational-2022", answer["ruleSet"]!.GetValue<string>());
            Assert.DoesNotContain(answer["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "composition.members-above-advised");
        }
        var fifth = await Host.AddMember(id, host, Teacher("M5", "成员5"));
        Assert.Equal(6, fifth["version"]!.GetValue<long>());
        var warning = Assert.Single(fifth["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "composition.members-above-advised");
        Assert.Contains("规模适宜", warning!["message"]!.GetValue<string>());

        var studio = (await Host.Get($"/api/studios/{id}", host)).ShouldBe(200).Json;
        Assert.Equal(5, studio["members"]!.AsArray().Count);
    }

    [Fact]
    public async Task a_xiamen_k12_studio_refuses_the_fifth_member_that_a_vocational_one_accepts()
    {
        var k12 = await Host.EstablishStudio(School());
        for (var i = 1; i <= 4; i++)
            Assert.Equal("xiamen-k12-2022", (await Host.AddMember(k12, HostOf(k12), Teacher($"M{i}", $"成员{i}")))["ruleSet"]!.GetValue<string>());
        (await Host.Post($"/api/studios/{k12}/members", new { teacher = Teacher("M5", "成员5") }, HostOf(k12))).ShouldBeProblem(422, "members.max");
    }

    [Fact]
    public async Task a_k12_studio_outside_xiamen_has_no_size_cap()
    {
        var id = await Host.EstablishStudio(School("350102"),
            StudioBody("福州市第一中学班主任工作坊", district: "350102", city: "350100"));
        for (var i = 1; i <= 5; i++) await Host.AddMember(id, HostOf(id), Teacher($"M{i}", $"成员{i}"));
        var answer = await Host.AddMember(id, HostOf(id), Teacher("M6", "成员6"));
        Assert.Equal("national-k12-default", answer["ruleSet"]!.GetValue<string>());
    }

    [Fact]
    public async Task home_school_is_read_from_the_teachers_record_on_the_day()
    {
        var school = School();
        var id = await Host.EstablishStudio(school, Vocational());
        // Two members whose records put them at another school: the roster's own school is no longer the core (本校).
        foreach (var teacher in new[] { "M1", "M2" })
            (await Host.Post("/api/teachers", new
            {
                id = teacher, name = "外校教师", gender = "female", school = "厦门市集美职业技术学校", region = "350203", track = "vocational",
                subject = "语文", teachingSince = "2014-09-01", headTeacherSince = "2016-09-01",
            }, school)).ShouldBe(201);
        var first = await Host.AddMember(id, HostOf(id), Teacher("M1", "外校教师"));
        Assert.Contains(first["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "composition.home-school-minority");
        // The roster entry says 厦门市第一中学 for M2, but the record is what counts.
        var second = await Host.AddMember(id, HostOf(id), Teacher("M2", "外校教师"));
        Assert.Contains(second["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "composition.home-school-minority");
        var third = await Host.AddMember(id, HostOf(id), Teacher("M3", "本校教师"));
        Assert.Contains(third["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "composition.home-school-minority");
        var fourth = await Host.AddMember(id, HostOf(id), Teacher("M4", "本校教师"));
        Assert.Contains(fourth["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "composition.home-school-minority");
        var fifth = await Host.AddMember(id, HostOf(id), Teacher("M5", "本校教师"));
        Assert.DoesNotContain(fifth["warnings"]!.AsArray(), w => w!["code"]!.GetValue<string>() == "composition.home-school-minority");
    }
}
