using System.Text.Json.Nodes;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Contract;

/// <summary>
/// Every Location and every link the API gives back in the main workflows (a studio, its activity, task, output, a
/// webhook, a teacher's record, a province's package, rule sets, standards and hour policies added as data, the feed
/// and the xAPI pages) answers 200 when followed with the token of whoever received it.
/// </summary>
public sealed class every_link_resolves(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] LinkFields = ["url", "href", "location", "self", "more", "next"];

    /// <summary>Links of this API in a JSON answer: link-named fields and any text that is a path under /api/.</summary>
    private static IEnumerable<string> Links(JsonNode? node, string? name = null) => node switch
    {
        JsonObject o => o.SelectMany(p => Links(p.Value, p.Key)),
        JsonArray a => a.SelectMany(item => Links(item, name)),
        JsonValue v when v.TryGetValue<string>(out var text) && (text.StartsWith("/api/", StringComparison.Ordinal) ||
                                                                 (LinkFields.Contains(name) && text.StartsWith('/'))) => [text],
        _ => [],
    };

    [Fact]
    public async Task every_location_and_link_of_the_main_workflows_answers()
    {
        Clock.Set(2026, 5, 1);
        var doc = (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;
        JsonNode Example(string path) => doc["paths"]![path]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!.DeepClone();

        var school = School();
        var created = (await Host.Post("/api/studios", StudioBody(name: "思明区班主任工作室"), school)).ShouldBe(201);
        var replies = new List<(Reply Reply, string Token)> { (created, school) };
        var studio = await Host.StaffedStudio(school);
        var host = HostOf(studio, "H1");
        var integration = Token(Role.Integration, "本区平台", region: "350203");
        var province = Reviewer("350000");
        var reviewer = Reviewer();

        async Task<Reply> Keep(Task<Reply> call, string token, int status)
        {
            var reply = (await call).ShouldBe(status);
            replies.Add((reply, token));
            return reply;
        }

        var task = (await Keep(Host.Post($"/api/studios/{studio}/tasks", new { title = "开展家校共育专题研讨" }, host), host, 201)).Json["taskId"]!.GetValue<string>();
        var activity = (await Keep(Host.Post($"/api/studios/{studio}/activities",
            Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2), ("M2", 2)], [Guid.Parse(task)]), host), host, 201)).Json["activityId"]!.GetValue<string>();
        await Keep(Host.Post($"/api/studios/{studio}/activities/{activity}/corrections", new { changes = new { title = "家校共育专题讲座" }, reason = "标题笔误" }, host), host, 200);
        var output = (await Keep(Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "class-culture", title = "班级文化建设案例", authors = new[] { "H1" }, date = "2026-04-01", body = "正文",
        }, host), host, 201)).Json["outputId"]!.GetValue<string>();
        await Keep(Host.Post($"/api/studios/{studio}/outputs/{output}/submit", new { }, host), host, 200);
        await Keep(Host.Post($"/api/studios/{studio}/outputs/{output}/approve", new { }, school), school, 200);
        await Keep(Host.Post($"/api/studios/{studio}/tasks/{task}/close", new { reason = "已完成", activityIds = new[] { activity } }, host), host, 200);
        await Keep(Host.Post("/api/webhooks", new
        {
            url = "http://127.0.0.1:9/none", eventTypes = new[] { "task.closed" }, region = "350203", secret = "sixteen-characters-secret",
        }, integration), integration, 201);
        await Keep(Host.Post("/api/teachers", new
        {
            id = "T350203-0100", name = "林晓燕", gender = "female", school = "厦门市第一中学", region = "350203", subject = "语文", headTeacherSince = "2019-09-01",
        }, school), school, 201);
        await Keep(Host.Post("/api/regions/350000/submissions/2026", new { deadline = "2026-11-30" }, province), province, 200);
        await Keep(Host.Post("/api/rule-sets", Example("/api/rule-sets"), reviewer), reviewer, 201);
        await Keep(Host.Post("/api/standards", Example("/api/standards"), reviewer), reviewer, 201);
        await Keep(Host.Post("/api/hour-policies", Example("/api/hour-policies"), reviewer), reviewer, 201);
        await Settle();
        await Keep(Host.Get("/api/feed?limit=1", integration), integration, 200);
        await Keep(Host.Get("/api/xapi/statements?limit=1", integration), integration, 200);
        await Keep(Host.Get($"/api/studios/{studio}", host), host, 200);
        await Keep(Host.Get($"/api/studios/{studio}/activities", host), host, 200);
        await Keep(Host.Get($"/api/studios/{studio}/outputs", host), host, 200);
        await Keep(Host.Get($"/api/studios/{studio}/tasks?year=2026", host), host, 200);
        await Keep(Host.Get("/api/webhooks", integration), integration, 200);

        var followed = new HashSet<string>();
        var failures = new List<string>();
        foreach (var (reply, token) in replies)
        foreach (var link in new[] { reply.Header("Location") }.OfType<string>().Concat(Links(reply.Body)).Distinct())
        {
            if (!followed.Add(link)) continue;
            var answer = await Host.Get(link, token);
            if (answer.Status is not (200 or 304)) failures.Add($"{link}: {answer.Status} {answer.Text[..Math.Min(200, answer.Text.Length)]}");
        }
        Assert.True(followed.Count >= 10, $"only {followed.Count} links followed: {string.Join(", ", followed)}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
