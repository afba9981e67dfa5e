using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Roster;

/// <summary>Bad input, wrong callers and stale writes: every one a named problem+json, and nothing stored changes.</summary>
public sealed class roster_refusals(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task without_a_token_the_answer_is_401()
    {
        var id = await Host.EstablishStudio(School());
        (await Host.Get($"/api/studios/{id}", null)).ShouldBeProblem(401);
        (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M1", "林晓燕") }, null)).ShouldBeProblem(401);
        (await Host.Get($"/api/studios/{id}", "not-a-jwt")).ShouldBeProblem(401);
    }

    [Fact]
    public async Task the_host_of_another_studio_cannot_touch_this_one()
    {
        var mine = await Host.EstablishStudio(School());
        var theirs = await Host.EstablishStudio(School());
        (await Host.Post($"/api/studios/{theirs}/members", new { teacher = Teacher("M1", "林晓燕") }, HostOf(mine))).ShouldBeProblem(403);
        (await Host.Get($"/api/studios/{theirs}", HostOf(mine))).ShouldBeProblem(403);
        var studio = (await Host.Get($"/api/studios/{theirs}", School())).Json;
        Assert.Empty(studio["members"]!.AsArray());
    }

    [Fact]
    public async Task members_read_but_do_not_write_and_reviewers_do_not_manage_rosters()
    {
        var id = await Host.EstablishStudio(School());
        (await Host.Get($"/api/studios/{id}", MemberOf(id))).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M1", "林晓燕") }, MemberOf(id))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M1", "林晓燕") }, Reviewer())).ShouldBeProblem(403);
        (await Host.Get($"/api/studios/{id}", Reviewer())).ShouldBe(200);
    }

    [Fact]
    public async Task a_school_admin_of_another_region_is_refused()
    {
        var id = await Host.EstablishStudio(School());
        (await Host.Get($"/api/studios/{id}", School("350206"))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/host", new { teacher = Teacher("T1", "陈美玲") }, School("350206"))).ShouldBeProblem(403);
        (await Host.Post("/api/studios", StudioBody(district: "350206"), School("350203"))).ShouldBeProblem(403);
        (await Host.Post("/api/studios", StudioBody(), HostOf(id))).ShouldBeProblem(403);
    }

    [Fact]
    public async Task a_stale_if_match_is_412_and_a_current_one_passes()
    {
        var id = await Host.EstablishStudio(School());
        var host = HostOf(id);
        await Host.AddMember(id, host, Teacher("M1", "林晓燕"));
        (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M2", "黄志强") }, host, ("If-Match", "\"1\"")))
            .ShouldBeProblem(412, "if-match");
        var ok = (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M2", "黄志强") }, host, ("If-Match", "\"2\"")))
            .ShouldBe(200);
        Assert.Equal("\"3\"", ok.Header("etag"));
    }

    [Fact]
    public async Task malformed_json_is_400_with_the_field()
    {
        var id = await Host.EstablishStudio(School());
        (await Host.Post($"/api/studios/{id}/members", "{\"teacher\": {", HostOf(id))).ShouldBeProblem(400);
        var wrongType = (await Host.Post("/api/studios", "{\"name\": 12}", School())).ShouldBeProblem(400);
        Assert.True(wrongType.Json["errors"]?["name"] is not null, wrongType.Text);
    }

    [Fact]
    public async Task an_unknown_code_is_400_naming_the_allowed_codes()
    {
        var body = Api.ToJson(StudioBody()).Replace("\"famous-teacher\"", "\"celebrity\"");
        var reply = (await Host.Post("/api/studios", body, School())).ShouldBeProblem(400);
        var message = reply.Json["errors"]!["mode"]![0]!.GetValue<string>();
        Assert.Contains("famous-teacher", message);
        Assert.Contains("modular-team", message);
    }

    [Fact]
    public async Task missing_fields_are_400_with_per_field_errors()
    {
        var id = await Host.EstablishStudio(School());
        var noTeacher = (await Host.Post($"/api/studios/{id}/members", new { }, HostOf(id))).ShouldBeProblem(400);
        Assert.NotNull(noTeacher.Json["errors"]);
        var blank = (await Host.Post("/api/studios", new
        {
            name = " ", school = "厦门市第一中学", region = new { province = "35", city = "350200", district = "350203" },
            level = "municipal", track = "k12", rural = false, foundedOn = "2022-10-16", mode = "other",
        }, School())).ShouldBeProblem(400);
        Assert.NotNull(blank.Json["errors"]!["name"]);
        Assert.NotNull(blank.Json["errors"]!["region.province"]);
    }

    [Fact]
    public async Task an_oversize_body_is_413()
    {
        var id = await Host.EstablishStudio(School());
        var huge = new { teacher = Teacher("M1", new string('林', 200_000)) };
        (await Host.Post($"/api/studios/{id}/members", huge, HostOf(id))).ShouldBeProblem(413);
    }

    [Fact]
    public async Task an_unknown_studio_is_404()
    {
        (await Host.Get($"/api/studios/{Guid.NewGuid()}", School())).ShouldBeProblem(404);
        (await Host.Post($"/api/studios/{Guid.NewGuid()}/members", new { teacher = Teacher("M1", "林晓燕") }, School())).ShouldBe(404);
    }

    [Fact]
    public async Task a_retry_with_the_same_idempotency_key_returns_the_first_answer_and_appends_nothing()
    {
        var id = await Host.EstablishStudio(School());
        var host = HostOf(id);
        var body = new { teacher = Teacher("M1", "林晓燕") };
        var first = (await Host.Post($"/api/studios/{id}/members", body, host, ("Idempotency-Key", "add-M1"))).ShouldBe(200);
        var again = (await Host.Post($"/api/studios/{id}/members", body, host, ("Idempotency-Key", "add-M1"))).ShouldBe(200);
        Assert.Equal(first.Text, again.Text);
        Assert.Equal("true", again.Header("idempotent-replayed"));
        (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M2", "黄志强") }, host, ("Idempotency-Key", "add-M1")))
            .ShouldBeProblem(422, "idempotency.key-reused");
        var studio = (await Host.Get($"/api/studios/{id}", host)).Json;
        Assert.Equal(2, studio["version"]!.GetValue<long>());
        Assert.Single(studio["members"]!.AsArray());
    }

    [Fact]
    public async Task chinese_text_round_trips_exactly()
    {
        const string name = "厦门市第一中学“立德树人”班主任工作坊（2022—2025）·𠀀";
        var id = await Host.EstablishStudio(School(), StudioBody(name: name));
        var studio = (await Host.Get($"/api/studios/{id}", School())).Json;
        Assert.Equal(name, studio["name"]!.GetValue<string>());
        (await Host.Post("/api/studios", StudioBody(name: "坏\u0000字"), School())).ShouldBeProblem(400);
    }

    [Fact]
    public async Task a_token_with_an_unknown_role_is_401()
    {
        var id = await Host.EstablishStudio(School());
        var forged = Fixture.Tokens.Mint(new TokenRequest(Role.Host, "x", [id])).Replace("x", "y");
        (await Host.Get($"/api/studios/{id}", forged)).ShouldBeProblem(401);
    }
}
