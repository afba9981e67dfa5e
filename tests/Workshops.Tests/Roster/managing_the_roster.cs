using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Roster;

public sealed class managing_the_roster(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<Guid> Studio() => await Host.EstablishStudio(School());

    [Fact]
    public async Task a_host_three_members_and_trainees_make_up_the_roster()
    {
        var id = await Studio();
        (await Host.Post($"/api/studios/{id}/host", new { teacher = Teacher("T1", "陈美玲", since: "2008-09-01") }, School())).ShouldBe(200);
        var host = HostOf(id);
        await Host.AddMember(id, host, Teacher("T2", "林晓燕"));
        await Host.AddMember(id, host, Teacher("T3", "黄志强", "male"));
        var last = await Host.AddMember(id, host, Teacher("T4", "郑雅琴"));
        Assert.Equal(5, last["version"]!.GetValue<long>());
        (await Host.Post($"/api/studios/{id}/trainees", new { teacher = Teacher("T5", "吴思远", "male", rural: true) }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/mentorships", new { mentorId = "T1", menteeId = "T5" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/experts",
            new { expert = new { id = "E1", name = "王建华", kind = "researcher", organisation = "厦门市教育科学研究院" } }, host)).ShouldBe(200);

        var studio = (await Host.Get($"/api/studios/{id}", host)).ShouldBe(200).Json;
        Assert.Equal("陈美玲", studio["host"]!["teacher"]!["name"]!.GetValue<string>());
        Assert.Equal(["林晓燕", "黄志强", "郑雅琴"], studio["members"]!.AsArray().Select(m => m!["teacher"]!["name"]!.GetValue<string>()));
        Assert.Equal("吴思远", studio["trainees"]![0]!["teacher"]!["name"]!.GetValue<string>());
        Assert.Equal("T5", studio["mentorships"]![0]!["menteeId"]!.GetValue<string>());
        Assert.Equal("researcher", studio["experts"]![0]!["expert"]!["kind"]!.GetValue<string>());
        Assert.Empty(studio["warnings"]!.AsArray());
        Assert.Equal(8, studio["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task a_fifth_member_is_refused_with_members_max()
    {
        var id = await Studio();
        var host = HostOf(id);
        for (var i = 1; i <= 4; i++) await Host.AddMember(id, host, Teacher($"M{i}", $"成员{i}"));
        var refused = await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M5", "成员5") }, host);
        refused.ShouldBeProblem(422, "members.max");

        var studio = (await Host.Get($"/api/studios/{id}", host)).Json;
        Assert.Equal(4, studio["members"]!.AsArray().Count);
        Assert.Equal(5, studio["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task a_composition_below_two_members_is_allowed_but_warned()
    {
        var id = await Studio();
        var host = HostOf(id);
        await Host.AddMember(id, host, Teacher("M1", "成员1"));
        var studio = (await Host.Get($"/api/studios/{id}", host)).Json;
        var codes = studio["warnings"]!.AsArray().Select(w => w!["code"]!.GetValue<string>()).ToList();
        Assert.Contains("composition.members-below-min", codes);
        Assert.Contains("composition.no-host", codes);
    }

    [Fact]
    public async Task nobody_holds_two_roles_and_a_second_host_waits_for_the_first_to_step_down()
    {
        var id = await Studio();
        var host = HostOf(id);
        (await Host.Post($"/api/studios/{id}/host", new { teacher = Teacher("T1", "陈美玲") }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("T1", "陈美玲") }, host)).ShouldBeProblem(422, "roster.one-role");
        (await Host.Post($"/api/studios/{id}/host", new { teacher = Teacher("T9", "李老师") }, host)).ShouldBeProblem(422, "host.single");
        (await Host.Post($"/api/studios/{id}/host/step-down", new { reason = "调任" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/host", new { teacher = Teacher("T9", "李老师") }, host)).ShouldBe(200);

        var studio = (await Host.Get($"/api/studios/{id}", host)).Json;
        Assert.Equal("T9", studio["host"]!["teacher"]!["id"]!.GetValue<string>());
        Assert.Equal("T1", studio["formerRoles"]![0]!["teacherId"]!.GetValue<string>());
        Assert.Equal("host", studio["formerRoles"]![0]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_member_who_left_can_rejoin_later()
    {
        var id = await Studio();
        var host = HostOf(id);
        await Host.AddMember(id, host, Teacher("M1", "林晓燕"));
        (await Host.Post($"/api/studios/{id}/members/M1/leave", new { reason = "外出支教" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/members/M1/leave", new { }, host)).ShouldBeProblem(422, "members.unknown");
        await Host.AddMember(id, host, Teacher("M1", "林晓燕"));
        var studio = (await Host.Get($"/api/studios/{id}", host)).Json;
        Assert.Single(studio["members"]!.AsArray());
        Assert.Single(studio["formerRoles"]!.AsArray());
    }

    [Fact]
    public async Task trainees_complete_and_mentor_rules_hold()
    {
        var id = await Studio();
        var host = HostOf(id);
        await Host.AddMember(id, host, Teacher("M1", "林晓燕"));
        await Host.AddMember(id, host, Teacher("M2", "黄志强"));
        await Host.AddMember(id, host, Teacher("M3", "郑雅琴"));
        (await Host.Post($"/api/studios/{id}/trainees", new { teacher = Teacher("S1", "吴思远") }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/mentorships", new { mentorId = "S1", menteeId = "S1" }, host)).ShouldBeProblem(422, "mentorship.self");
        (await Host.Post($"/api/studios/{id}/mentorships", new { mentorId = "X9", menteeId = "S1" }, host)).ShouldBeProblem(422, "mentorship.mentor-not-on-roster");
        (await Host.Post($"/api/studios/{id}/mentorships", new { mentorId = "M1", menteeId = "S1" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/mentorships", new { mentorId = "M2", menteeId = "S1" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/mentorships", new { mentorId = "M3", menteeId = "S1" }, host)).ShouldBeProblem(422, "mentorship.max-mentors");
        (await Host.Post($"/api/studios/{id}/trainees/S1/complete", new { note = "结业" }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/trainees/S1/complete", new { }, host)).ShouldBeProblem(422, "trainees.unknown");
    }

    [Fact]
    public async Task roster_dates_in_the_future_or_before_founding_are_refused()
    {
        var id = await Studio();
        var host = HostOf(id);
        (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M1", "林晓燕"), on = "2026-12-01" }, host))
            .ShouldBeProblem(422, "roster.date-in-future");
        (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M1", "林晓燕"), on = "2020-01-01" }, host))
            .ShouldBeProblem(422, "roster.date-before-founding");
    }
}
