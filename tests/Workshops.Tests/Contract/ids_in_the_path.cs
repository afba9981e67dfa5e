using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Contract;

/// <summary>An id in the path that is not a UUID is told so under its name; a path nothing answers is still a 404.</summary>
public sealed class ids_in_the_path(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_studio_id_that_is_not_a_uuid_is_a_400_naming_the_parameter()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var reply = (await Host.Get("/api/studios/not-a-guid", HostOf(studio, "H1"))).ShouldBeProblem(400);
        Assert.Equal(["id"], reply.Json["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("must be a UUID", reply.Json["errors"]!["id"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task an_activity_id_that_is_not_a_uuid_is_a_400_naming_the_parameter()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var reply = (await Host.Get($"/api/studios/{studio}/activities/xyz", HostOf(studio, "H1"))).ShouldBeProblem(400);
        Assert.Equal(["activityId"], reply.Json["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task a_well_formed_unknown_id_and_an_unknown_path_are_still_404_and_a_caller_without_a_token_still_401()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio, "H1");
        (await Host.Get($"/api/studios/{studio}/activities/{Guid.CreateVersion7()}", host)).ShouldBeProblem(404);
        (await Host.Get("/api/no-such-thing/xyz", host)).ShouldBe(404);
        (await Host.Get("/api/studios/not-a-guid", null)).ShouldBe(401);
    }

    [Fact]
    public async Task a_write_to_a_studio_id_that_is_not_a_uuid_is_a_400_naming_the_parameter()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var reply = (await Host.Post("/api/studios/xyz/reflections", new { text = "本月反思" }, HostOf(studio, "H1"))).ShouldBeProblem(400);
        Assert.Equal(["id"], reply.Json["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task a_write_with_a_malformed_id_and_a_wrong_body_is_told_both_in_one_answer()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var reply = (await Host.Post("/api/studios/xyz/reflections", "{\"text\":123}", HostOf(studio, "H1"))).ShouldBeProblem(400);
        Assert.Equal(["id", "text"], reply.Json["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal));
    }
}
