using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Contract;

/// <summary>One answer names every problem of a request, in words a person can act on, and never a .NET type.</summary>
public sealed partial class telling_people_how_to_fix_it(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<(Guid Studio, string Host)> Studio()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        return (studio, HostOf(studio, "H1"));
    }

    private static IReadOnlyList<string> Fields(Reply reply) => [.. reply.Json["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"Workshops\.|System\.|Microsoft\.|JsonException|deserializ", RegexOptions.IgnoreCase)]
    private static partial Regex DotNet();

    [Fact]
    public async Task an_empty_object_names_every_missing_field_and_no_type()
    {
        var (studio, host) = await Studio();
        var reply = (await Host.Post($"/api/studios/{studio}/activities", "{}", host)).ShouldBeProblem(400);
        Assert.Equal(["date", "domains", "kind", "title"], Fields(reply));
        Assert.All(reply.Json["errors"]!.AsObject(), e => Assert.Equal("is required", e.Value![0]!.GetValue<string>()));
        Assert.DoesNotMatch(DotNet(), reply.Text);
    }

    [Fact]
    public async Task the_detail_tells_each_problem_in_a_sentence_of_its_own()
    {
        var (studio, host) = await Studio();
        var reply = (await Host.Post($"/api/studios/{studio}/activities", new { kind = "教研会", domains = new[] { "研究" }, title = "班会课研讨", date = "2026-04-20", hours = 2 }, host))
            .ShouldBeProblem(400);
        var detail = reply.Json["detail"]!.GetValue<string>();
        Assert.Contains("head-teacher-salon (班主任沙龙). domains[0]: ", detail);
        Assert.EndsWith("growth (成长).", detail);
    }

    [Fact]
    public async Task every_problem_of_a_body_comes_in_one_answer_under_its_json_path()
    {
        var (studio, host) = await Studio();
        var body = $$"""
            {"kind":"教研会","domains":["研究",7],"title":" ","date":"2026-13-01","hours":"2","place":"{{new string('坊', 201)}}",
             "attendees":[{"teacherId":"M1"},{"teacherId":"bad id!","hours":1}],"evidence":["ftp://x"],"bogus":1}
            """;
        var reply = (await Host.Post($"/api/studios/{studio}/activities", body, host)).ShouldBeProblem(400);
        Assert.Equal(["attendees[0].hours", "attendees[1].teacherId", "bogus", "date", "domains[0]", "domains[1]", "evidence[0]", "hours", "kind", "place", "title"],
            Fields(reply));
        Assert.Contains("at most 200", reply.Json["errors"]!["place"]![0]!.GetValue<string>());
        Assert.Contains("JSON number", reply.Json["errors"]!["hours"]![0]!.GetValue<string>());
        Assert.Contains("is not a field of this request", reply.Json["errors"]!["bogus"]![0]!.GetValue<string>());
        Assert.DoesNotMatch(DotNet(), reply.Text);
    }

    [Fact]
    public async Task a_field_sent_twice_is_refused_not_read_as_its_last_value()
    {
        var (studio, host) = await Studio();
        var body = """
            {"kind":"lecture","domains":["research"],"title":"研讨","date":"2026-04-20","hours":2,"Kind":"survey",
             "attendees":[{"teacherId":"M1","hours":1,"hours":2}]}
            """;
        var reply = (await Host.Post($"/api/studios/{studio}/activities", body, host)).ShouldBeProblem(400);
        Assert.Equal(["attendees[0].hours", "kind"], Fields(reply));
        Assert.Contains("2 times", reply.Json["errors"]!["kind"]![0]!.GetValue<string>());
        Assert.Contains("send each field once", reply.Json["errors"]!["attendees[0].hours"]![0]!.GetValue<string>());
        var list = await Host.Get($"/api/studios/{studio}/activities", host);
        Assert.DoesNotContain("研讨", list.Text);
    }

    [Theory]
    [InlineData("教研会", "teaching-research-meeting")]
    [InlineData("示范课", "demonstration-lesson")]
    [InlineData("Thematic_Seminar", "thematic-seminar")]
    public async Task a_label_or_a_misspelt_code_gets_the_code_it_means_with_every_code_and_its_label(string given, string meant)
    {
        var (studio, host) = await Studio();
        var reply = (await Host.Post($"/api/studios/{studio}/activities",
            new { kind = given, domains = new[] { "research" }, title = "研讨", date = "2026-04-20", hours = 2 }, host)).ShouldBeProblem(400);
        Assert.Equal(["kind"], Fields(reply));
        var help = reply.Json["codes"]!["kind"]!;
        Assert.Equal(meant, help["suggested"]!.GetValue<string>());
        Assert.Equal("activity-kinds", help["list"]!.GetValue<string>());
        Assert.Contains(help["allowed"]!.AsArray(), c => c!["code"]!.GetValue<string>() == "teaching-research-meeting" && c["label"]!.GetValue<string>() == "教研会");
        Assert.Contains($"send \"{meant}\"", reply.Json["errors"]!["kind"]![0]!.GetValue<string>());
        Assert.Contains("teaching-research-meeting (教研会)", reply.Json["errors"]!["kind"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task a_code_in_the_query_given_its_label_gets_the_code_it_means_with_every_code_and_its_label()
    {
        var (studio, host) = await Studio();
        var reply = (await Host.Get($"/api/studios/{studio}/activities?kind={Uri.EscapeDataString("教研会")}&domain={Uri.EscapeDataString("研究")}", host))
            .ShouldBeProblem(400);
        Assert.Equal(["domain", "kind"], Fields(reply));
        Assert.Equal("teaching-research-meeting", reply.Json["codes"]!["kind"]!["suggested"]!.GetValue<string>());
        Assert.Equal("research", reply.Json["codes"]!["domain"]!["suggested"]!.GetValue<string>());
        Assert.Contains(reply.Json["codes"]!["kind"]!["allowed"]!.AsArray(),
            c => c!["code"]!.GetValue<string>() == "lecture" && c["label"]!.GetValue<string>() == "报告会");
        Assert.Contains("teaching-research-meeting (教研会)", reply.Json["errors"]!["kind"]![0]!.GetValue<string>());

        var state = (await Host.Get($"/api/studios/{studio}/outputs?state={Uri.EscapeDataString("已提交")}", host)).ShouldBeProblem(400);
        Assert.Equal("submitted", state.Json["codes"]!["state"]!["suggested"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("includeVoided=maybe", "includeVoided", "must be true or false")]
    [InlineData("page=99999999999999999999", "page", "is out of range")]
    [InlineData("page=99999999999", "page", "is out of range")]
    [InlineData("page=12x", "page", "must be a whole number, in digits")]
    [InlineData("pageSize=2.5", "pageSize", "must be a whole number")]
    public async Task a_query_value_of_the_wrong_type_is_told_in_words_under_its_name(string query, string field, string words)
    {
        var (studio, host) = await Studio();
        var reply = (await Host.Get($"/api/studios/{studio}/activities?{query}", host)).ShouldBeProblem(400);
        Assert.Equal([field], Fields(reply));
        Assert.StartsWith(words, reply.Json["errors"]![field]![0]!.GetValue<string>());
        Assert.DoesNotContain("expected type", reply.Text);
        Assert.Null(reply.Json["parameter"]);
    }

    [Fact]
    public async Task a_body_that_is_not_json_is_told_what_to_send()
    {
        var (studio, host) = await Studio();
        var reply = (await Host.Post($"/api/studios/{studio}/reflections", Encoding.UTF8.GetBytes("text=本月反思"), host,
            ("Content-Type", "application/x-www-form-urlencoded"))).ShouldBeProblem(415);
        Assert.Contains("Content-Type: application/json", reply.Json["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_value_of_the_wrong_type_where_text_goes_is_told_to_be_a_json_string()
    {
        var (studio, host) = await Studio();
        var reply = (await Host.Post($"/api/studios/{studio}/reflections", "{\"text\":123}", host)).ShouldBeProblem(400);
        Assert.Contains("a JSON string", reply.Json["errors"]!["text"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1]")]
    [InlineData("{\"kind\":")]
    [InlineData("{\"kind\":\"lecture\",\"domains\":\"research\",\"title\":1,\"date\":20260420}")]
    public async Task a_malformed_body_is_told_in_words(string body)
    {
        var (studio, host) = await Studio();
        var reply = (await Host.Post($"/api/studios/{studio}/activities", body, host)).ShouldBeProblem(400);
        Assert.NotEmpty(reply.Json["errors"]!.AsObject());
        Assert.DoesNotMatch(DotNet(), reply.Text);
    }

    [Fact]
    public void a_type_name_that_reaches_an_answer_is_rewritten_in_plain_words()
    {
        Assert.Equal("JSON deserialization for the request was missing required properties including: 'kind'.",
            ProblemShape.Plain("JSON deserialization for type 'Workshops.Activities.LogActivity' was missing required properties including: 'kind'."));
        Assert.Equal(["kind", "title"], ProblemShape.Missing("… was missing required properties including: 'kind', 'title'."));
        Assert.DoesNotMatch(DotNet(), ProblemShape.Plain("could not convert System.Collections.Generic.List`1[System.String] here")!);
    }

    [Fact]
    public async Task the_note_sent_with_a_submission_is_kept_in_the_output_history()
    {
        var (studio, host) = await Studio();
        var output = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "class-culture", title = "案例", authors = new[] { "H1" }, date = "2026-04-01", body = "正文",
        }, host)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/submit", new { note = "请学校审核" }, host)).ShouldBe(200);
        var record = (await Host.Get($"/api/studios/{studio}/outputs/{output}", host)).ShouldBe(200).Json;
        Assert.Equal("请学校审核", record["history"]!.AsArray().Single(s => s!["step"]!.GetValue<string>() == "submitted")!["note"]!.GetValue<string>());
        Assert.Equal("已提交", record["stateLabel"]!.GetValue<string>());
        Assert.Null(record["searchTerms"]);
        Assert.Null(record["stateCode"]);
    }

    [Fact]
    public async Task a_refusal_names_the_role_and_the_studio_or_region_that_would_be_allowed()
    {
        var (studio, _) = await Studio();
        var outsider = (await Host.Get($"/api/studios/{studio}", School("350206"))).ShouldBeProblem(403).Json["detail"]!.GetValue<string>();
        Assert.Contains($"host (坊主/主持人) or member (成员) token whose studio claim lists {studio}", outsider);
        Assert.Contains("region claim covers the studio (350203, 350200 or 350000)", outsider);
        Assert.Contains("the caller is school of region 350206", outsider);

        var member = (await Host.Post($"/api/studios/{studio}/tasks", new { title = "任务" }, MemberOf(studio, "M1"))).ShouldBeProblem(403);
        Assert.Contains($"a host (坊主/主持人) token whose studio claim lists {studio}", member.Json["detail"]!.GetValue<string>());

        var region = (await Host.Send("PUT", "/api/regions/350206/hour-policies", new { policies = new[] { "x" } }, Reviewer("350203"))).ShouldBeProblem(403);
        Assert.Contains("region claim covering 350206", region.Json["detail"]!.GetValue<string>());
        var role = (await Host.Get("/api/feed", School())).ShouldBeProblem(403);
        Assert.Contains("This needs an integration (集成客户端) token", role.Json["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task members_log_activities_add_reflections_and_draft_outputs_for_their_own_studio()
    {
        var (studio, _) = await Studio();
        var member = MemberOf(studio, "M1");
        await Host.LogActivity(studio, member, Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2)]));
        (await Host.Post($"/api/studios/{studio}/reflections", new { text = "本月反思" }, member)).ShouldBe(201);
        var output = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "class-culture", title = "案例", authors = new[] { "M1" }, date = "2026-04-01", body = "正文",
        }, member)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{studio}/outputs/{output}/submit", new { }, member)).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{studio}/reflections", new { text = "外坊" }, MemberOf(Guid.CreateVersion7(), "M1"))).ShouldBeProblem(403);
    }
}
