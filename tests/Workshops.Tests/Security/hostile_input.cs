using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Security;

/// <summary>
/// Property-based: thousands of malformed, oversized, wrongly typed, boundary and unicode-heavy requests against every
/// write endpoint. Never a 5xx, every refusal is problem+json, and a refused request leaves the stream unchanged.
/// </summary>
public sealed class hostile_input(AppFixture fixture) : ApiTest(fixture)
{
    private static readonly string[] Nasty =
    [
        "", " ", "\u0000", "\ud800", "\udfff", "😀", "👨‍👩‍👧‍👦", "\u202e反向", "e\u0301", "𠀀𠀁", "'; drop table mt_events; --", "<script>alert(1)</script>",
        "../../etc/passwd", "${jndi:ldap://x}", "null", "true", "-1", "1e309", "NaN", "2026-02-30", "9999-12-31", "0001-01-01",
        "T350203-0001", "famous-teacher", "demonstration-lesson", new string('林', 3001), new string('a', 70_000),
    ];

    private static readonly string[] Keys =
    [
        "teacher", "id", "name", "gender", "school", "subject", "title", "headTeacherSince", "teachingSince", "servingAsHeadTeacher", "rural",
        "on", "reason", "kind", "domains", "date", "hours", "start", "end", "attendees", "teacherId", "taskIds", "evidence", "summary",
        "goals", "tasks", "note", "percent", "activityIds", "changes", "category", "authors", "body", "links", "level", "result", "text",
        "code", "standard", "rater", "ratings", "mentorId", "menteeId", "expert", "region", "province", "city", "district", "foundedOn", "mode",
        "track", "url", "eventTypes", "secret", "policies", "standards", "semester", "year",
    ];

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.OneOf(Nasty),
        Gen.String[Gen.Char['\u4e00', '\u9fff'], 0, 40],
        Gen.String[Gen.Char, 0, 30]);

    /// <summary>A JSON value of any type, nested a little.</summary>
    private static readonly Gen<JsonNode?> Value = Gen.Recursive<JsonNode?>((depth, self) => depth >= 3
        ? Gen.OneOf(Text.Select(s => (JsonNode?)JsonValue.Create(s)), Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
            Gen.Double.Select(d => double.IsFinite(d) ? (JsonNode?)JsonValue.Create(d) : JsonValue.Create(0)),
            Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)), Gen.Const<JsonNode?>(() => null))
        : Gen.Frequency(
            (6, Gen.OneOf(Text.Select(s => (JsonNode?)JsonValue.Create(s)), Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
                Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)), Gen.Const<JsonNode?>(() => null))),
            (2, self.Array[0, 4].Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]))),
            (2, Gen.Select(Gen.OneOf(Keys).Array[0, 5], self.Array[5], (keys, values) =>
            {
                var o = new JsonObject();
                for (var i = 0; i < keys.Length; i++) o[keys[i]] = values[i]?.DeepClone();
                return (JsonNode?)o;
            }))));

    /// <summary>A request body: valid-looking JSON with hostile values, broken JSON, or bytes that are not UTF-8.</summary>
    private static readonly Gen<byte[]> Body = Gen.Frequency(
        (6, Value.Select(v => Encoding.UTF8.GetBytes(v?.ToJsonString() ?? "null"))),
        (2, Value.Select(v => Encoding.UTF8.GetBytes(v?.ToJsonString() ?? "{")).Select(b => b.Length > 1 ? b[..(b.Length / 2)] : b)),
        (1, Gen.Byte.Array[1, 64]),
        (1, Gen.OneOf("{\"teacher\":{\"id\":\"\\ud800\"}}", "{\"name\":\"\\u0000\"}", "{\"a\":1,\"a\":2}", "[]", "\"\"", "{}}", "{\"kind\":[]}")
            .Select(Encoding.UTF8.GetBytes)));

    private static readonly Gen<(string Name, string Value)[]> Headers = Gen.OneOf(
        new[] { ("If-Match", "\"-1\"") }, new[] { ("If-Match", "W/\"abc\"") }, new[] { ("If-Match", "*") },
        new[] { ("Idempotency-Key", new string('k', 300)) }, new[] { ("Idempotency-Key", "键") }, new[] { ("Content-Type", "text/plain") },
        new[] { ("Content-Type", "application/json; charset=latin1") }, Array.Empty<(string, string)>());

    [Fact]
    public async Task no_write_endpoint_answers_5xx_and_refusals_change_nothing()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio, "M1");
        var activity = await Host.LogActivity(studio, host, Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2)]));
        var task = (await Host.Post($"/api/studios/{studio}/tasks", new { title = "任务" }, host)).ShouldBe(201).Json["taskId"]!.GetValue<string>();
        var output = (await Host.Post($"/api/studios/{studio}/outputs", new { kind = "brand", title = "品牌", authors = new[] { "H1" }, date = "2026-04-01" }, host))
            .ShouldBe(201).Json["outputId"]!.GetValue<string>();
        var tokens = new Dictionary<Role, string>
        {
            [Role.Host] = host, [Role.Member] = MemberOf(studio, "M1"), [Role.School] = School(), [Role.Reviewer] = Reviewer(),
            [Role.Integration] = Token(Role.Integration, "平台", region: "350203"),
        };

        var writes = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m is "POST" or "PUT")
                .Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .Distinct().ToList();
        Assert.True(writes.Count > 40);

        async Task<long> Version() => (await Host.Get($"/api/studios/{studio}", School())).Json["version"]!.GetValue<long>();
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("HOSTILE_ITERATIONS"), out var n) ? n : 40;
        var total = 0;
        var failures = new List<string>();
        foreach (var (method, route) in writes)
        {
            var url = route.Replace("{id}", studio.ToString()).Replace("{year}", "2026").Replace("{taskId}", task)
                .Replace("{activityId}", activity.ToString()).Replace("{outputId}", output).Replace("{code}", "350203")
                .Replace("{deliveryId}", "none").Replace("{teacherId}", "M1");
            var gen = Gen.Select(Body, Headers, Gen.OneOf(tokens.Values.ToArray()));
            await gen.SampleAsync(async sample =>
            {
                var (body, headers, token) = sample;
                var before = await Version();
                var reply = await Host.Send(method, url, body, token, headers);
                total++;
                if (reply.Status >= 500) failures.Add($"{method} {url} → {reply.Status}: {reply.Text[..Math.Min(300, reply.Text.Length)]}");
                else if (reply.Status >= 400)
                {
                    if (!(reply.Header("content-type") ?? "").StartsWith("application/problem+json", StringComparison.Ordinal))
                        failures.Add($"{method} {url} → {reply.Status} without problem+json");
                    if (await Version() != before) failures.Add($"{method} {url} → {reply.Status} but the stream changed");
                }
                return true;
            }, iter: iterations, threads: 1);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} requests misbehaved:\n" + string.Join("\n", failures.Distinct().Take(30)));
        Assert.True(total >= writes.Count * iterations);
        TestContext.Current.TestOutputHelper?.WriteLine($"{total} generated requests over {writes.Count} write endpoints; {failures.Count} misbehaved");
    }

    // Reads: every GET with its path and query parameters (named in the OpenAPI document), filled with control
    // characters, integer edges, the all-zero id, impossible dates and plausible values so the checks behind them run.
    private const string ZeroId = "00000000-0000-0000-0000-000000000000";

    private static readonly string[] HostileValues =
    [
        "\u0000", "a\u0000b", "\u0001", "\u001b[31m", "\t", "\r\n", "\u007f", "\u0085", "\u2028", "", " ", "-1", "0", "1", "2147483647",
        "-2147483648", "2147483648", "9223372036854775807", "-9223372036854775808", "99999999999999999999", "1e309", "NaN", ZeroId,
        "9999-12-31", "0001-01-01", "2026-02-30", "1999-12-31", "2026-03-01T00:00:00Z", new string('家', 3000), "'; drop table mt_events; --",
        "../../etc/passwd", "%", "😀", "家校", "{\"account\":{\"name\":1}}", "[]",
    ];

    /// <summary>Already percent-encoded: NUL, bytes that are not UTF-8, an encoded lone surrogate, an encoded slash.</summary>
    private static readonly string[] RawValues = ["%00", "%FF%FE", "%C3%28", "%ED%A0%80", "%2F..%2F", "%E5%AE%B6%00"];

    private static readonly Dictionary<string, string[]> Plausible = new()
    {
        ["year"] = ["2026", "2000", "2100", "1999", "2101", "-1", "2147483647"],
        ["page"] = ["1", "2", "2147483647", "1000000", "21474837", "0"],
        ["pageSize"] = ["1", "20", "100", "101", "2147483647"],
        ["asOf"] = ["2026-03-01", "2026-04-30", "1999-12-31", "1900-01-01", "2000-01-01", "2026-13-01"],
        ["format"] = ["csv", "xlsx", "json", "pdf"],
        ["region"] = ["350203", "350200", "350000", "000000", "35", "999999"],
        ["standard"] = ["moe-2022", "k12-workshop", "none"],
        ["state"] = ["draft", "approved", "pending", "dead"],
        ["kind"] = ["typical-case", "brand", "lecture"],
        ["level"] = ["district", "city", "ministry"],
        ["category"] = ["class-culture"],
        ["domain"] = ["learning"],
        ["q"] = ["家校", "家\u0000校", "a", new string('q', 60)],
        ["agent"] = ["M1", "{\"account\":{\"homePage\":\"x\",\"name\":\"M1\"}}"],
        ["since"] = ["2026-01-01T00:00:00Z", "0001-01-01T00:00:00Z"],
        ["until"] = ["2026-12-31T00:00:00Z", "9999-12-31T23:59:59Z"],
        ["cursor"] = ["1.", "1.OjA6MA", "0", "9223372036854775807", "-1"],
        ["limit"] = ["1", "500", "501", "0"],
        ["teacherId"] = ["M1", "H1", "X9"],
        ["includeVoided"] = ["true", "maybe"],
        ["code"] = ["350203", "000000", "35"],
    };

    /// <summary>
    /// A value for a parameter. A path never holds NUL: servers refuse such a request line before any code of ours runs
    /// (and the in-memory test server cannot even build it), so NUL is tried in query strings and other control
    /// characters in paths.
    /// </summary>
    private static Gen<string> ValueFor(string name, IReadOnlyDictionary<string, string> real, bool inPath = false)
    {
        string[] Usable(IEnumerable<string> values) => [.. values.Where(v => !inPath || !v.Contains("%00", StringComparison.Ordinal))];
        return Gen.Frequency(
            (4, Gen.OneOf(Usable(HostileValues.Select(Uri.EscapeDataString)))),
            (1, Gen.OneOf(Usable(RawValues))),
            (4, Gen.OneOf(Usable((Plausible.GetValueOrDefault(name) ?? ["1"]).Select(Uri.EscapeDataString)))),
            (3, Gen.Const(Uri.EscapeDataString(real.GetValueOrDefault(name) ?? Plausible.GetValueOrDefault(name)?[0] ?? "1"))));
    }

    [Fact]
    public async Task no_read_answers_5xx_whatever_its_path_and_query_parameters_hold()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio, "H1");
        var activity = await Host.LogActivity(studio, host, Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2)]));
        var output = (await Host.Post($"/api/studios/{studio}/outputs", new { kind = "brand", title = "品牌", authors = new[] { "H1" }, date = "2026-04-01" }, host))
            .ShouldBe(201).Json["outputId"]!.GetValue<string>();
        var integration = Token(Role.Integration, "平台", region: "350200");
        var webhook = (await Host.Post("/api/webhooks", new
        {
            url = "http://127.0.0.1:9/none", eventTypes = new[] { "task.closed" }, region = "350200", secret = "sixteen-characters-secret",
        }, integration)).ShouldBe(201).Json["id"]!.GetValue<string>();
        await Settle();
        var real = new Dictionary<string, string>
        {
            ["id"] = studio.ToString(), ["year"] = "2026", ["outputId"] = output, ["activityId"] = activity.ToString(), ["code"] = "350203",
            ["teacherId"] = "M1", ["region"] = "350203",
        };

        var contract = (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;
        var reads = contract["paths"]!.AsObject().Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal) && p.Value!["get"] is not null)
            .Select(p => (Route: p.Key, Parameters: (p.Value!["get"]!["parameters"]?.AsArray() ?? [])
                .Select(x => (Name: x!["name"]!.GetValue<string>(), In: x["in"]!.GetValue<string>())).ToList()))
            .ToList();
        Assert.True(reads.Count >= 25);
        string[] TokensFor(string route) =>
            route.StartsWith("/api/feed", StringComparison.Ordinal) || route.StartsWith("/api/xapi", StringComparison.Ordinal) ||
            route.StartsWith("/api/webhooks", StringComparison.Ordinal) ? [integration]
            : route.StartsWith("/api/reviews", StringComparison.Ordinal) || route.StartsWith("/api/regions", StringComparison.Ordinal)
                ? [Reviewer(), Reviewer("000000"), School()]
            : [host, MemberOf(studio, "M1"), School(), Reviewer()];

        var iterations = int.TryParse(Environment.GetEnvironmentVariable("HOSTILE_ITERATIONS"), out var n) ? n : 40;
        var total = 0;
        var failures = new List<string>();
        foreach (var (route, parameters) in reads)
        {
            var fromWebhooks = route.StartsWith("/api/webhooks/", StringComparison.Ordinal);
            var pathValues = parameters.Where(p => p.In == "path").Select(p => p.Name).ToList();
            var queryValues = parameters.Where(p => p.In == "query").Select(p => p.Name).ToList();
            var path = pathValues.Aggregate(Gen.Const(route), (gen, name) => Gen.Select(gen,
                Gen.Frequency((3, Gen.Const(Uri.EscapeDataString(name == "id" && fromWebhooks ? webhook : real.GetValueOrDefault(name) ?? "x"))),
                    (2, ValueFor(name, real, inPath: true))), (r, v) => r.Replace("{" + name + "}", v)));
            var query = queryValues.Aggregate(Gen.Const(""), (gen, name) => Gen.Select(gen, Gen.Bool, ValueFor(name, real),
                (q, include, v) => include ? $"{q}{(q.Length == 0 ? "?" : "&")}{name}={v}" : q));
            var gen = Gen.Select(path, query, Gen.OneOf(TokensFor(route)));
            await gen.SampleAsync(async sample =>
            {
                var (url, queryString, token) = sample;
                var reply = await Host.Get(url + queryString, token);
                total++;
                var shown = (url + queryString)[..Math.Min(200, (url + queryString).Length)];
                if (reply.Status >= 500) failures.Add($"GET {shown} → {reply.Status}: {reply.Text[..Math.Min(300, reply.Text.Length)]}");
                else if (reply.Status >= 400 && !(reply.Header("content-type") ?? "").StartsWith("application/problem+json", StringComparison.Ordinal))
                    failures.Add($"GET {shown} → {reply.Status} without problem+json");
                return true;
            }, iter: iterations, threads: 1);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {total} reads misbehaved:\n" + string.Join("\n", failures.Distinct().Take(30)));
        Assert.True(total >= reads.Count * iterations);
        TestContext.Current.TestOutputHelper?.WriteLine($"{total} generated reads over {reads.Count} GET endpoints; {failures.Count} misbehaved");
    }

    [Theory]
    [InlineData("/api/reviews/outputs?q=%00")]
    [InlineData("/api/reviews/outputs?q=%E5%AE%B6%00%E6%A0%A1")]
    [InlineData("/api/reviews/cases?q=%00")]
    [InlineData("/api/reviews/cases?q=%01")]
    [InlineData("/api/studios?region=35%0A0203")]
    [InlineData("/api/teachers/M%011/growth-file")]
    [InlineData("/api/teachers/M1%0A/hours")]
    [InlineData("/api/regions/3502%0103/hour-policies")]
    public async Task a_control_character_in_a_query_or_path_value_is_400(string url)
    {
        var reply = (await Host.Get(url, Reviewer("000000"))).ShouldBeProblem(400);
        Assert.NotNull(reply.Json["errors"]);
    }

    [Theory]
    [InlineData("/api/studios?page=2147483647")]
    [InlineData("/api/studios?page=21474837&pageSize=100")]
    [InlineData("/api/reviews/outputs?page=2147483647")]
    [InlineData("/api/reviews/cases?page=2147483647")]
    [InlineData("/api/reviews/studios?page=2147483647")]
    [InlineData("/api/reviews/checklists?page=2147483647")]
    [InlineData("/api/studios/{id}/outputs?page=2147483647")]
    [InlineData("/api/studios/{id}/activities?page=2147483647")]
    public async Task a_page_whose_offset_overflows_is_400(string url)
    {
        var studio = await Host.EstablishStudio(School());
        (await Host.Get(url.Replace("{id}", studio.ToString()), Reviewer())).ShouldBeProblem(400);
    }

    [Theory]
    [InlineData("GET", "/api/studios/{zero}")]
    [InlineData("GET", "/api/studios/{zero}/outputs")]
    [InlineData("GET", "/api/studios/{zero}/years/2026")]
    [InlineData("GET", "/api/studios/{id}/outputs/{zero}")]
    [InlineData("GET", "/api/reviews/cases/{zero}")]
    [InlineData("POST", "/api/studios/{zero}/activities")]
    [InlineData("POST", "/api/studios/{zero}/members")]
    [InlineData("POST", "/api/studios/{zero}/outputs/{zero}/submit")]
    [InlineData("PUT", "/api/studios/{zero}/plans/2026")]
    [InlineData("POST", "/api/studios/{id}/outputs/{zero}/submit")]
    public async Task the_all_zero_id_is_404_for_reads_and_writes(string method, string route)
    {
        var studio = await Host.StaffedStudio(School());
        var url = route.Replace("{zero}", ZeroId).Replace("{id}", studio.ToString());
        var body = route.EndsWith("/activities", StringComparison.Ordinal)
            ? Activity("lecture", ["learning"], "2026-02-20", 2, [("M1", 2)])
            : route.EndsWith("/members", StringComparison.Ordinal) ? new { teacher = Teacher("M4", "苏雅") } : (object)new { goals = "目标", tasks = Array.Empty<object>() };
        var reply = await Host.Send(method, url, method == "GET" ? null : body, method == "GET" ? Reviewer() : HostOf(Guid.Empty));
        reply.ShouldBeProblem(404);
        Assert.DoesNotContain("   at ", reply.Text);
    }
}

/// <summary>No answer carries a stack trace or an exception's text, in Development or in production.</summary>
public sealed class failures_show_no_internals(AppFixture fixture) : ApiTest(fixture)
{
    private sealed class Throwing : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            next(app);
            // After every endpoint: a request no endpoint answered reaches this and fails, inside the exception handler.
            Microsoft.AspNetCore.Builder.RunExtensions.Run(app, _ => throw new InvalidOperationException("secret internal state: Host=db-7.corp;Password=hunter2"));
        };
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task an_unexpected_failure_is_a_bare_500_problem(string environment)
    {
        await using var host = await OtherHosts.Start(Fixture, environment, services: s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, Throwing>());
        var token = host.Services.GetRequiredService<TokenIssuer>().Mint(new TokenRequest(Role.Reviewer, "x", Region: "350200"));
        var reply = (await host.Get("/api/no-such-thing", token)).ShouldBeProblem(500);
        Assert.Null(reply.Json["exception"]);
        Assert.DoesNotContain("hunter2", reply.Text);
        Assert.DoesNotContain("InvalidOperationException", reply.Text);
        Assert.DoesNotContain(" at ", reply.Text);
        Assert.NotNull(reply.Json["correlationId"]);
    }
}

