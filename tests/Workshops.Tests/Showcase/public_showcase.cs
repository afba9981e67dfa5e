using System.Text.Json.Nodes;
using Workshops.Outputs;
using Workshops.Showcase;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Showcase;

/// <summary>The public showcase read without a token: only what a studio published, only while approved, names but nothing personal.</summary>
public sealed class public_showcase(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<string> Output(Guid studio, string title, string body, string state)
    {
        var host = HostOf(studio);
        var id = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "class-culture", title, authors = new[] { "H1", "M1" }, date = "2026-04-01",
            summary = "以班级文化建设促进学生成长", body,
        }, host)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        if (state == "draft") return id;
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/submit", new { }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{id}/approve", new { note = "同意（校内意见，不公开）" }, School())).ShouldBe(200);
        return id;
    }

    private static IEnumerable<string> Titles(JsonNode page) => page["items"]!.AsArray().Select(i => i!["title"]!.GetValue<string>());

    [Fact]
    public async Task an_anonymous_reader_sees_a_published_approved_output_and_nothing_else()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio);
        var shown = await Output(studio, "班级文化墙的故事", "我们以“一班一品”为抓手，开展班级文化建设。", "approved");
        var kept = await Output(studio, "未公开的案例", "正文", "approved");
        var draft = await Output(studio, "草稿案例", "正文", "draft");
        (await Host.Post($"/api/studios/{studio}/showcase/outputs/{shown}", new { published = true }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/showcase/outputs/{draft}", new { published = true }, host))
            .ShouldBeProblem(422, "showcase.output-not-approved");
        await Settle();

        var page = (await Host.Get("/api/showcase/outputs", null)).ShouldBe(200).Json;
        Assert.Equal(["班级文化墙的故事"], Titles(page));
        Assert.Equal(1, page["total"]!.GetValue<long>());
        // The list carries summaries: no text or links, the url of the output that has them.
        var listed = page["items"]![0]!;
        Assert.Null(listed["body"]);
        Assert.Null(listed["links"]);
        Assert.Equal(("以班级文化建设促进学生成长", "学校已审核"), (listed["summary"]!.GetValue<string>(), listed["stateLabel"]!.GetValue<string>()));
        Assert.Equal(["陈美玲", "林晓燕"], listed["authors"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal($"/api/showcase/outputs/{shown}", listed["url"]!.GetValue<string>());
        var one = (await Host.Get(listed["url"]!.GetValue<string>(), null)).ShouldBe(200);
        Assert.Equal(["陈美玲", "林晓燕"], one.Json["authors"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("我们以“一班一品”为抓手，开展班级文化建设。", one.Json["body"]!.GetValue<string>());
        Assert.Equal("厦门市", one.Json["cityName"]!.GetValue<string>());
        // Nothing personal beyond names: no teacher ids, no review notes or reviewers, no roster.
        foreach (var secret in new[] { "H1", "M1", "同意（校内意见，不公开）", "厦门市第一中学管理员", "history", "teacherId" })
            Assert.DoesNotContain(secret, one.Text);
        (await Host.Get($"/api/showcase/outputs/{kept}", null)).ShouldBeProblem(404);
        (await Host.Get($"/api/showcase/outputs/{draft}", null)).ShouldBeProblem(404);
        (await Host.Get($"/api/showcase/outputs/{Guid.NewGuid()}", null)).ShouldBeProblem(404);
    }

    [Fact]
    public async Task the_host_publishes_and_withdraws_the_profile_and_its_outputs()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio);
        var output = await Output(studio, "家校共育案例", "正文", "approved");
        await Settle();
        (await Host.Get($"/api/showcase/studios/{studio}", null)).ShouldBeProblem(404);
        Assert.Empty((await Host.Get("/api/showcase/studios", null)).ShouldBe(200).Json["items"]!.AsArray());

        (await Host.Post($"/api/studios/{studio}/showcase", new { published = true }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/showcase/outputs/{output}", new { published = true }, host)).ShouldBe(200);
        await Settle();
        var listed = (await Host.Get("/api/showcase/studios", null)).ShouldBe(200).Json["items"]!.AsArray().Single()!;
        Assert.Equal(($"/api/showcase/studios/{studio}", "陈美玲"), (listed["url"]!.GetValue<string>(), listed["hostName"]!.GetValue<string>()));
        Assert.Null(listed["outputs"]);
        var profile = (await Host.Get(listed["url"]!.GetValue<string>(), null)).ShouldBe(200);
        Assert.Equal("厦门市第一中学班主任工作坊", profile.Json["name"]!.GetValue<string>());
        Assert.Equal("厦门市第一中学", profile.Json["school"]!.GetValue<string>());
        Assert.Equal("陈美玲", profile.Json["hostName"]!.GetValue<string>());
        Assert.Equal("school", profile.Json["level"]!.GetValue<string>());
        Assert.Equal("famous-teacher", profile.Json["mode"]!.GetValue<string>());
        Assert.Equal(["家校共育案例"], profile.Json["outputs"]!.AsArray().Select(o => o!["title"]!.GetValue<string>()));
        foreach (var personal in new[] { "林晓燕", "H1", "headTeacherSince", "gender" }) Assert.DoesNotContain(personal, profile.Text);

        (await Host.Post($"/api/studios/{studio}/showcase/outputs/{output}", new { published = false }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/showcase", new { published = false }, host)).ShouldBe(200);
        await Settle();
        (await Host.Get($"/api/showcase/studios/{studio}", null)).ShouldBeProblem(404);
        (await Host.Get($"/api/showcase/outputs/{output}", null)).ShouldBeProblem(404);
        Assert.Empty((await Host.Get("/api/showcase/outputs", null)).ShouldBe(200).Json["items"]!.AsArray());
    }

    [Fact]
    public async Task only_the_studios_own_host_publishes()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var output = await Output(studio, "案例", "正文", "approved");
        var other = await Host.EstablishStudio(School("350206"), StudioBody(name: "湖里区工作坊", district: "350206"));
        (await Host.Post($"/api/studios/{studio}/showcase", new { published = true }, MemberOf(studio))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{studio}/showcase", new { published = true }, School())).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{studio}/showcase", new { published = true }, null)).ShouldBe(401);
        // Another studio's output is not this studio's to publish.
        (await Host.Post($"/api/studios/{other}/showcase/outputs/{output}", new { published = true }, HostOf(other)))
            .ShouldBeProblem(404, "showcase.output-unknown");
    }

    [Fact]
    public async Task a_recommended_output_stays_published_with_its_level()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio);
        var output = await Output(studio, "班会课案例", "正文", "approved");
        (await Host.Post($"/api/studios/{studio}/showcase/outputs/{output}", new { published = true }, host)).ShouldBe(200);
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/recommend", new { level = "city" }, Reviewer("350203"))).ShouldBe(200);
        await Settle();
        var recommended = (await Host.Get($"/api/showcase/outputs/{output}", null)).ShouldBe(200).Json;
        Assert.Equal("recommended", recommended["state"]!.GetValue<string>());
        Assert.Equal("city", recommended["level"]!.GetValue<string>());
    }

    [Fact]
    public async Task outputs_are_searched_by_chinese_text_and_studios_by_name()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio);
        foreach (var (title, body) in new[] { ("班级文化建设案例", "一班一品"), ("家校共育实践", "家长学校"), ("心理健康教育案例", "朋辈互助") })
        {
            var id = await Output(studio, title, body, "approved");
            (await Host.Post($"/api/studios/{studio}/showcase/outputs/{id}", new { published = true }, host)).ShouldBe(200);
        }
        (await Host.Post($"/api/studios/{studio}/showcase", new { published = true }, host)).ShouldBe(200);
        var other = await Host.StaffedStudio(School("350206"), StudioBody(name: "湖里区德育工作坊", district: "350206"));
        (await Host.Post($"/api/studios/{other}/showcase", new { published = true }, HostOf(other))).ShouldBe(200);
        await Settle();

        Assert.Equal(["家校共育实践"], Titles((await Host.Get("/api/showcase/outputs?q=家长", null)).ShouldBe(200).Json));
        Assert.Equal(2, (await Host.Get("/api/showcase/outputs?q=案例", null)).ShouldBe(200).Json["total"]!.GetValue<long>());
        var paged = (await Host.Get("/api/showcase/outputs?pageSize=2&page=2", null)).ShouldBe(200).Json;
        Assert.Single(paged["items"]!.AsArray());
        Assert.Equal(3, paged["total"]!.GetValue<long>());
        Assert.Empty((await Host.Get("/api/showcase/outputs?region=350206", null)).ShouldBe(200).Json["items"]!.AsArray());
        var studios = (await Host.Get("/api/showcase/studios?q=德育", null)).ShouldBe(200).Json;
        Assert.Equal(["湖里区德育工作坊"], studios["items"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal(2, (await Host.Get("/api/showcase/studios", null)).ShouldBe(200).Json["total"]!.GetValue<long>());
        (await Host.Get($"/api/showcase/outputs?q={new string('班', 51)}", null)).ShouldBeProblem(400);
        (await Host.Get("/api/showcase/outputs?kind=poem", null)).ShouldBeProblem(400);
        (await Host.Get("/api/showcase/studios?pageSize=1000", null)).ShouldBeProblem(400);
    }

    [Theory]
    [InlineData(OutputState.Draft, false)]
    [InlineData(OutputState.Submitted, false)]
    [InlineData(OutputState.Returned, false)]
    [InlineData(OutputState.Approved, true)]
    [InlineData(OutputState.Recommended, true)]
    public void only_approved_or_recommended_outputs_are_publishable(OutputState state, bool publishable)
    {
        Assert.Equal(publishable, ShowcaseRules.Publishable(state));
        var studio = Guid.NewGuid();
        var output = new OutputStanding { Id = Guid.NewGuid(), StudioId = studio, State = state, Year = 2026, Kind = OutputKind.TypicalCase };
        Assert.Equal(publishable ? null : "showcase.output-not-approved", ShowcaseRules.PublishOutput(studio, output.Id, output, true)?.Rule);
        // Withdrawing is always allowed; another studio's output is unknown here.
        Assert.Null(ShowcaseRules.PublishOutput(studio, output.Id, output, false));
        Assert.Equal("showcase.output-unknown", ShowcaseRules.PublishOutput(Guid.NewGuid(), output.Id, output, true)?.Rule);
    }
}
