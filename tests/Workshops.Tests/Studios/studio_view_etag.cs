using Workshops.Tests.Support;

namespace Workshops.Tests.Studios;

/// <summary>
/// The studio view's ETag covers what it shows from the teachers' records, not only its stream, while writes keep
/// taking the stream version in If-Match, as a write answered it or as the view's ETag carries it.
/// </summary>
public sealed class studio_view_etag(AppFixture fixture) : ApiTest(fixture)
{
    private static object Registration => new
    {
        id = "H1", name = "陈美玲", gender = "female", school = "厦门市第一中学", region = "350203", subject = "语文",
        teachingSince = "2005-09-01", headTeacherSince = "2008-09-01", title = "first", titleSince = "2015-09-01",
    };

    [Fact]
    public async Task a_record_change_is_not_answered_304_on_the_old_etag()
    {
        Clock.Set(2026, 3, 1);
        var id = await Host.StaffedStudio(School());
        (await Host.Post("/api/teachers", Registration, School())).ShouldBe(201);
        var host = HostOf(id);
        var before = (await Host.Get($"/api/studios/{id}", host)).ShouldBe(200);
        var etag = before.Header("ETag")!;
        (await Host.Get($"/api/studios/{id}", host, ("If-None-Match", etag))).ShouldBe(304);

        // The studio's stream is untouched; the host's record is not.
        (await Host.Post("/api/teachers/H1/titles", new { title = "senior", on = "2026-02-15" }, School())).ShouldBe(200);
        var after = (await Host.Get($"/api/studios/{id}", host, ("If-None-Match", etag))).ShouldBe(200);
        Assert.Equal(before.Json["version"]!.GetValue<long>(), after.Json["version"]!.GetValue<long>());
        Assert.NotEqual(etag, after.Header("ETag"));
        Assert.Equal("高级教师", after.Json["rosterFacts"]!.AsArray().Single(f => f!["teacherId"]!.GetValue<string>() == "H1")!["title"]!.GetValue<string>());
        (await Host.Get($"/api/studios/{id}", host, ("If-None-Match", after.Header("ETag")!))).ShouldBe(304);
    }

    [Fact]
    public async Task writes_take_the_views_etag_or_the_plain_version_in_if_match()
    {
        Clock.Set(2026, 3, 1);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        var view = (await Host.Get($"/api/studios/{id}", host)).ShouldBe(200);
        var version = view.Json["version"]!.GetValue<long>();
        Assert.StartsWith($"\"{version}.", view.Header("ETag"));

        var first = (await Host.Post($"/api/studios/{id}/reflections", new { text = "期中反思", date = "2026-02-20" }, host, ("If-Match", view.Header("ETag")!)))
            .ShouldBe(201);
        Assert.Equal($"\"{version + 1}\"", first.Header("ETag"));
        // The version a write answered, plain, is what the next write sends.
        (await Host.Post($"/api/studios/{id}/reflections", new { text = "学期反思", date = "2026-02-27" }, host, ("If-Match", first.Header("ETag")!)))
            .ShouldBe(201);
        // The view's ETag from before those writes is stale for a write too.
        (await Host.Post($"/api/studios/{id}/reflections", new { text = "再次反思", date = "2026-02-28" }, host, ("If-Match", view.Header("ETag")!)))
            .ShouldBeProblem(412);
    }
}
