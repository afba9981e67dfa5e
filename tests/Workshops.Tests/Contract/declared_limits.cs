using System.Text.Json.Nodes;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Contract;

/// <summary>
/// The limits the document declares are the ones the API enforces: for every limited field of every request body
/// (maxLength, minLength, maxItems, minItems, minimum, maximum, exclusiveMinimum) and every limited route or query
/// parameter, the value at the limit draws no complaint about that field, and the value one past it is a 400 naming it.
/// </summary>
public sealed class declared_limits(AppFixture fixture) : ApiTest(fixture)
{
    private sealed record World(Guid Studio, string Task, Guid Activity, string Output, string Webhook);

    private async Task<World> Build()
    {
        Clock.Set(2026, 5, 1);
        var studio = await Host.StaffedStudio(School());
        var host = HostOf(studio, "H1");
        var activity = await Host.LogActivity(studio, host, Activity("lecture", ["learning"], "2026-04-20", 2, [("M1", 2)]));
        var task = (await Host.Post($"/api/studios/{studio}/tasks", new { title = "任务" }, host)).ShouldBe(201).Json["taskId"]!.GetValue<string>();
        var output = (await Host.Post($"/api/studios/{studio}/outputs", new
        {
            kind = "typical-case", category = "class-culture", title = "案例", authors = new[] { "H1" }, date = "2026-04-01", body = "正文",
        }, host)).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        var webhook = (await Host.Post("/api/webhooks", new
        {
            url = "http://127.0.0.1:9/none", eventTypes = new[] { "task.closed" }, region = "350203", secret = "sixteen-characters-secret",
        }, Integration())).ShouldBe(201).Json["id"]!.GetValue<string>();
        return new World(studio, task, activity, output, webhook);
    }

    private string Integration() => Token(Role.Integration, "本区平台", region: "350203");

    /// <summary>
    /// A token the operation lets in, from its x-roles: the first role, or the one judged by the region in the body (the
    /// example's region, which the school and reviewer tokens here cover; a host would need the new teacher on a roster).
    /// </summary>
    private string TokenFor(JsonNode operation, World w)
    {
        var roles = operation["x-roles"]?.AsArray().ToList() ?? [];
        var chosen = roles.FirstOrDefault(r => r!["scope"]?.GetValue<string>().Contains("in the body", StringComparison.Ordinal) == true) ?? roles.FirstOrDefault();
        return (chosen?["role"]?.GetValue<string>() ?? "host") switch
        {
            "host" => HostOf(w.Studio, "H1"),
            "member" => MemberOf(w.Studio, "M1"),
            "school" => School(),
            "reviewer" => Reviewer("350203"),
            _ => Integration(),
        };
    }

    private static string Url(string path, World w) =>
        path.Replace("{id}", path.StartsWith("/api/webhooks/", StringComparison.Ordinal) ? w.Webhook : w.Studio.ToString())
            .Replace("{year}", "2026").Replace("{taskId}", w.Task).Replace("{activityId}", w.Activity.ToString())
            .Replace("{outputId}", w.Output).Replace("{teacherId}", "M1").Replace("{code}", "350203").Replace("{deliveryId}", "none");

    private static JsonNode Resolve(JsonNode doc, JsonNode schema) =>
        schema["$ref"] is { } reference ? Resolve(doc, doc["components"]!["schemas"]![reference.GetValue<string>().Split('/')[^1]]!)
        : schema["oneOf"] is JsonArray options ? Resolve(doc, options.First(o => o!["type"]?.ToString() != "null")!)
        : schema;

    /// <summary>Each limited field under a body: its JSON path, its schema, and where in the example it sits.</summary>
    private static IEnumerable<(string Path, JsonNode Schema, Action<JsonNode, JsonNode?> Set)> Limited(JsonNode doc, JsonNode schema, JsonNode example,
        string path = "")
    {
        var resolved = Resolve(doc, schema);
        foreach (var (name, property) in resolved["properties"]?.AsObject() ?? [])
        {
            var at = path.Length == 0 ? name : $"{path}.{name}";
            var field = Resolve(doc, property!);
            if (field["maxLength"] is not null || field["minLength"] is not null || field["maxItems"] is not null || field["minItems"] is not null ||
                field["minimum"] is not null || field["maximum"] is not null || field["exclusiveMinimum"] is not null)
                yield return (at, field, (body, value) => body[name] = value);
            if (example[name] is JsonObject inner && field["properties"] is not null)
                foreach (var nested in Limited(doc, field, inner, at))
                    yield return (nested.Path, nested.Schema, (body, value) => nested.Set(body[name]!, value));
            if (example[name] is JsonArray { Count: > 0 } list && list[0] is JsonObject first && field["items"] is { } items)
                foreach (var nested in Limited(doc, items, first, $"{at}[0]"))
                    yield return (nested.Path, nested.Schema, (body, value) => nested.Set(body[name]![0]!, value));
            if (example[name] is JsonObject map && field["additionalProperties"] is { } values && map.Count > 0 &&
                Resolve(doc, values) is var entry && (entry["minimum"] is not null || entry["maximum"] is not null))
            {
                var key = map.First().Key;
                yield return ($"{at}.{key}", entry, (body, value) => body[name]![key] = value);
            }
        }
    }

    /// <summary>A value of the field's schema with <paramref name="size"/> characters, items or magnitude.</summary>
    private static JsonNode? Sized(JsonNode doc, JsonNode field, int size, JsonNode? sample)
    {
        if (field["type"]?.ToJsonString().Contains("array") == true)
        {
            var items = Resolve(doc, field["items"]!);
            var codes = items["enum"]?.AsArray().Select(c => c!.GetValue<string>()).ToList();
            return new JsonArray([.. Enumerable.Range(0, size).Select(i => (JsonNode?)(
                codes is not null ? JsonValue.Create(codes[i % codes.Count])
                : items["format"]?.GetValue<string>() == "uuid" ? JsonValue.Create(Guid.CreateVersion7().ToString())
                : items["format"]?.GetValue<string>() == "uri" ? JsonValue.Create($"https://www.xmyz.xm.cn/e/{i}")
                : items["pattern"] is not null ? JsonValue.Create($"T{i}")
                : sample is JsonArray { Count: > 0 } given ? Distinct(given[0]!.DeepClone(), i)
                : JsonValue.Create($"第{i}项")))]);
        }
        if (field["format"]?.GetValue<string>() == "uri") return JsonValue.Create("https://x.cn/" + new string('a', Math.Max(0, size - 13)));
        if (field["pattern"] is not null) return JsonValue.Create(new string('A', size));
        return JsonValue.Create(string.Concat(Enumerable.Repeat("字", size)));
    }

    /// <summary>An item made distinct from the others where items carry a code (standard items' codes must differ).</summary>
    private static JsonNode Distinct(JsonNode item, int i)
    {
        if (item is JsonObject o && o["code"] is JsonValue code) o["code"] = $"{code.GetValue<string>()}.{i}";
        return item;
    }

    private static readonly System.Text.Json.JsonSerializerOptions Chinese = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>(value at the limit, value one past it) for each limit of the field.</summary>
    private static IEnumerable<(string Limit, JsonNode? At, JsonNode? Past)> Probes(JsonNode doc, JsonNode field, JsonNode? sample)
    {
        if (field["maxLength"]?.GetValue<int>() is { } maxLength) yield return ($"maxLength {maxLength}", Sized(doc, field, maxLength, sample), Sized(doc, field, maxLength + 1, sample));
        if (field["minLength"]?.GetValue<int>() is { } minLength and > 0) yield return ($"minLength {minLength}", Sized(doc, field, minLength, sample), Sized(doc, field, minLength - 1, sample));
        if (field["maxItems"]?.GetValue<int>() is { } maxItems) yield return ($"maxItems {maxItems}", Sized(doc, field, maxItems, sample), Sized(doc, field, maxItems + 1, sample));
        if (field["minItems"]?.GetValue<int>() is { } minItems and > 0) yield return ($"minItems {minItems}", Sized(doc, field, minItems, sample), Sized(doc, field, minItems - 1, sample));
        var integer = field["type"]?.ToJsonString().Contains("integer") == true;
        if (field["minimum"]?.GetValue<decimal>() is { } minimum) yield return ($"minimum {minimum}", JsonValue.Create(minimum), JsonValue.Create(minimum - 1));
        if (field["maximum"]?.GetValue<decimal>() is { } maximum) yield return ($"maximum {maximum}", JsonValue.Create(maximum), JsonValue.Create(maximum + 1));
        if (field["exclusiveMinimum"]?.GetValue<decimal>() is { } above)
            yield return ($"exclusiveMinimum {above}", JsonValue.Create(integer ? above + 1 : above + 0.5m), JsonValue.Create(above));
    }

    /// <summary>
    /// Limits the document declares for a field that another field of the body narrows, and the words of the narrower
    /// one: an output's body is at most 50,000 characters, a typical case's (the kind the example drafts) at most 3,000
    /// (seed 001 四), told with the body's other problems.
    /// </summary>
    private static readonly Dictionary<string, string> Narrowed = new()
    {
        ["POST /api/studios/{id}/outputs body"] = "a case has at most 3000",
        ["POST /api/studios/{id}/outputs/{outputId}/revision changes.body"] = "a case has at most 3000",
    };

    [Fact]
    public async Task every_declared_body_limit_is_the_one_the_api_enforces()
    {
        var w = await Build();
        var doc = (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;
        var failures = new List<string>();
        var probed = 0;
        foreach (var (path, operations) in doc["paths"]!.AsObject())
        foreach (var (method, operation) in operations!.AsObject())
        {
            if (operation!["requestBody"]?["content"]?["application/json"] is not { } json || json["example"] is not JsonObject example) continue;
            foreach (var (field, schema, set) in Limited(doc, json["schema"]!, example).ToList())
            foreach (var (limit, at, past) in Probes(doc, schema, Lookup(example, field)))
            {
                probed++;
                foreach (var (value, refused) in new[] { (at, false), (past, true) })
                {
                    var body = example.DeepClone();
                    set(body, value?.DeepClone());
                    var reply = await Host.Send(method.ToUpperInvariant(), Url(path, w), body.ToJsonString(Chinese), TokenFor(operation, w));
                    var named = reply.Status == 400 && reply.Json["errors"]?[field] is not null;
                    // At a declared limit that another field narrows, the only complaint allowed is the narrower limit's.
                    if (!refused && named && Narrowed.TryGetValue($"{method.ToUpperInvariant()} {path} {field}", out var narrower) &&
                        reply.Json["errors"]![field]!.AsArray().All(m => m!.GetValue<string>().Contains(narrower, StringComparison.Ordinal)))
                        named = false;
                    if (reply.Status is 401 or 403 or 413 || named != refused)
                        failures.Add($"{method.ToUpperInvariant()} {path} {field} {limit} {(refused ? "past" : "at")} the limit: {reply.Status} {reply.Text[..Math.Min(300, reply.Text.Length)]}");
                }
            }
        }
        Assert.True(probed > 100, $"only {probed} limits probed");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task every_write_refuses_a_field_it_does_not_have()
    {
        var w = await Build();
        var doc = (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;
        var failures = new List<string>();
        foreach (var (path, operations) in doc["paths"]!.AsObject())
        foreach (var (method, operation) in operations!.AsObject())
        {
            if (operation!["requestBody"]?["content"]?["application/json"]?["example"] is not JsonObject example) continue;
            var body = example.DeepClone();
            body["remark"] = "多写的字段";
            var reply = await Host.Send(method.ToUpperInvariant(), Url(path, w), body.ToJsonString(), TokenFor(operation, w));
            if (reply.Status != 400 || reply.Json["errors"]?["remark"] is null)
                failures.Add($"{method.ToUpperInvariant()} {path}: {reply.Status} {reply.Text[..Math.Min(200, reply.Text.Length)]}");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static JsonNode? Lookup(JsonNode example, string path)
    {
        JsonNode? node = example;
        foreach (var part in path.Replace("[0]", ".0").Split('.'))
            node = node is JsonArray array && int.TryParse(part, out var i) ? (i < array.Count ? array[i] : null) : node?[part];
        return node;
    }

    [Fact]
    public async Task every_declared_parameter_limit_is_the_one_the_api_enforces()
    {
        var w = await Build();
        var doc = (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;
        var failures = new List<string>();
        var probed = 0;
        foreach (var (path, operations) in doc["paths"]!.AsObject())
        foreach (var (method, operation) in operations!.AsObject())
        {
            if (method != "get") continue;
            foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
            {
                var name = parameter!["name"]!.GetValue<string>();
                var schema = parameter["schema"]!;
                var bounds = new List<(decimal At, decimal Past)>();
                if (schema["minimum"]?.GetValue<decimal>() is { } min) bounds.Add((min, min - 1));
                if (schema["maximum"]?.GetValue<decimal>() is { } max) bounds.Add((max, max + 1));
                foreach (var (at, past) in bounds)
                {
                    probed++;
                    foreach (var (value, refused) in new[] { (at, false), (past, true) })
                    {
                        var url = parameter["in"]!.GetValue<string>() == "path"
                            ? Url(path.Replace($"{{{name}}}", value.ToString()), w)
                            : Url(path, w) + $"?{name}={value}" + (path.StartsWith("/api/reviews/", StringComparison.Ordinal) ? "&region=350203" : "");
                        var reply = await Host.Get(url, TokenFor(operation, w));
                        var named = reply.Status == 400 && reply.Json["errors"]?[name] is not null;
                        if (reply.Status is 401 or 403 || named != refused)
                            failures.Add($"GET {path} {name}={value} ({(refused ? "past" : "at")} the limit): {reply.Status} {reply.Text[..Math.Min(200, reply.Text.Length)]}");
                    }
                }
            }
        }
        Assert.True(probed > 20, $"only {probed} parameter limits probed");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// Every day parameter (format date: asOf, on) declares the range 2000-01-01 to today in its description, and the
    /// API takes both ends and refuses the day before and the day after, naming the parameter.
    /// </summary>
    [Fact]
    public async Task every_day_parameter_takes_the_declared_range()
    {
        var w = await Build();
        var doc = (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;
        var failures = new List<string>();
        var probed = new HashSet<string>();
        foreach (var (path, operations) in doc["paths"]!.AsObject())
        foreach (var (method, operation) in operations!.AsObject())
        {
            if (method != "get") continue;
            foreach (var parameter in operation!["parameters"]?.AsArray() ?? [])
            {
                if (parameter!["schema"]?["format"]?.GetValue<string>() != "date") continue;
                var name = parameter["name"]!.GetValue<string>();
                probed.Add(name);
                if (parameter["description"]?.GetValue<string>().Contains("from 2000-01-01 to today", StringComparison.Ordinal) != true)
                    failures.Add($"GET {path} {name}: the description does not declare the range");
                foreach (var (value, refused) in new[] { ("2000-01-01", false), ("1999-12-31", true), ("2026-05-01", false), ("2026-05-02", true) })
                {
                    var url = Url(path, w) + $"?{name}={value}" + (path.StartsWith("/api/reviews/", StringComparison.Ordinal) ? "&region=350203" : "");
                    var reply = await Host.Get(url, TokenFor(operation, w));
                    var named = reply.Status == 400 && reply.Json["errors"]?[name] is not null;
                    if (reply.Status is 401 or 403 || named != refused)
                        failures.Add($"GET {path} {name}={value}: {reply.Status} {reply.Text[..Math.Min(200, reply.Text.Length)]}");
                }
            }
        }
        Assert.Superset(new HashSet<string> { "asOf", "on" }, probed);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
