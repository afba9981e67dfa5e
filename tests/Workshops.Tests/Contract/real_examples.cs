using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Workshops.Core.Auth;
using Workshops.Core.Contract;
using Workshops.Demo;
using Workshops.Tests.Support;

namespace Workshops.Tests.Contract;

/// <summary>
/// The contract's response examples are what the API answers: the demo studio is loaded, every write is sent its own
/// request example (the one the document shows) with real ids in its route, then every read is called, and each answer
/// is kept by operationId and status (long lists cut to two items, a CSV to its header and two rows). ops/openapi
/// (UPDATE_OPENAPI=1) writes them to Core/Contract/Examples.json, which the API embeds and shows; otherwise an answer that
/// no longer matches its committed example fails here.
/// </summary>
public sealed class real_examples(AppFixture fixture) : ApiTest(fixture)
{
    private static string ExamplesPath => Path.Combine(OpenApiContract.Root(), "src", "Workshops.Api", "Core", "Contract", "Examples.json");

    private static readonly JsonSerializerOptions Written = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes that change what the reads show in a way a reader of the examples would not expect (a voided activity, a
    /// dissolved studio, a host who stepped down): sent after the reads.
    /// </summary>
    private static readonly HashSet<string> Afterwards =
    [
        "voidActivity", "dissolveStudio", "deleteWebhook", "stepDownHost", "stepDownCoordinator", "leaveMember", "cancelTask",
        "withdrawCertificate", "retractOutsideCredit", "retractTeacherFact", "revokeRecognition", "refuseApplication",
        "dropSubmissionCase", "returnOutput", "reopenTask", "endHeadTeacherService", "endRuralPosting", "endPrincipalService",
        "completeTrainee", "rotateWebhookSecret", "recordSchoolMove", "carryOverTask",
    ];

    [Fact]
    public async Task every_example_is_what_the_api_answers_for_the_demo_studio()
    {
        var captured = await Capture();
        var text = captured.ToJsonString(Written) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(ExamplesPath, text);
        // EXAMPLES_MISSED=file: why each operation without an example was refused, for whoever extends the walk.
        if (Environment.GetEnvironmentVariable("EXAMPLES_MISSED") is { Length: > 0 } missed) await File.WriteAllLinesAsync(missed, Missed);

        var committed = JsonNode.Parse(await File.ReadAllTextAsync(ExamplesPath))!;
        var differ = new List<string>();
        foreach (var part in new[] { "operations", "problems" })
        {
            var now = captured[part]!.AsObject();
            var then = committed[part]?.AsObject() ?? [];
            foreach (var key in now.Select(k => k.Key).Union(then.Select(k => k.Key)).Order(StringComparer.Ordinal))
                if (!JsonNode.DeepEquals(now[key], then[key])) differ.Add($"{part}.{key}");
        }
        Assert.True(differ.Count == 0,
            "The committed response examples are not what the API answers now (run ops/openapi and commit Examples.json and v1.json): " + string.Join(", ", differ));
    }

    private sealed record Operation(string Id, string Method, string Path, JsonNode Doc);

    private async Task<JsonObject> Capture()
    {
        await new DemoData(Fixture.Store, Clock, NullLogger<DemoData>.Instance).StartAsync(CancellationToken.None);
        var doc = (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;
        var operations = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => new Operation(m.Value!["operationId"]!.GetValue<string>(), m.Key.ToUpperInvariant(), p.Key, m.Value!)))
            .ToList();
        var answers = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>();

        // Writes in the document's order, again while one more succeeds: a task needs its plan, an approval its draft.
        var writes = operations.Where(o => o.Method != "GET" && !Afterwards.Contains(o.Id)).ToList();
        for (var pass = 0; pass < 3 && writes.Count > 0; pass++)
        {
            var done = new List<Operation>();
            foreach (var write in writes)
                if (await Call(write, ids, answers)) done.Add(write);
            if (done.Count == 0) break;
            writes = [.. writes.Except(done)];
        }
        await Settle();
        foreach (var read in operations.Where(o => o.Method == "GET")) await Call(read, ids, answers);
        foreach (var write in operations.Where(o => Afterwards.Contains(o.Id))) await Call(write, ids, answers);

        var problems = await Problems();
        var file = new JsonObject
        {
            ["operations"] = new JsonObject(answers.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
            ["problems"] = problems,
        };
        return Stable(file);
    }

    /// <summary>Calls an operation with each token its roles allow and each route value known, until one answers 2xx; keeps the answer.</summary>
    private async Task<bool> Call(Operation operation, Dictionary<string, string> ids, SortedDictionary<string, JsonObject> answers)
    {
        var body = operation.Doc["requestBody"]?["content"]?["application/json"]?["example"];
        if (operation.Doc["requestBody"] is not null && body is null) return false;
        Reply? last = null;
        foreach (var url in Urls(operation.Path, ids))
        foreach (var token in Tokens(operation.Doc))
        {
            var reply = last = await Host.Send(operation.Method, url, body?.ToJsonString(), token, ("X-Correlation-ID", "example"));
            if (reply.Status is < 200 or > 299) continue;
            var kept = answers.TryGetValue(operation.Id, out var found) ? found : answers[operation.Id] = [];
            kept[reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = reply.Body is null ? null : Trim(reply.Body.DeepClone());
            Remember(operation, reply.Body, ids);
            if (operation.Doc["responses"]?[reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?[MediaTypes.Csv] is not null)
            {
                var csv = await Host.Send("GET", url + (url.Contains('?') ? "&" : "?") + "format=csv", null, token, ("X-Correlation-ID", "example"));
                if (csv.Status == 200) kept[$"{reply.Status} {MediaTypes.Csv}"] = Rows(csv.Text);
            }
            return true;
        }
        Missed.Add($"{operation.Id}: {last?.Status} {last?.Rule} {last?.Body?["detail"]} {last?.Body?["errors"]?.ToJsonString()}");
        return false;
    }

    private readonly List<string> Missed = [];

    /// <summary>The tokens of the roles the operation accepts (x-roles), as the demo's people and officials hold them.</summary>
    private IEnumerable<string?> Tokens(JsonNode operation)
    {
        if (operation["x-roles"] is not JsonArray roles)
        {
            yield return null;
            yield break;
        }
        foreach (var role in roles.Select(r => r!["role"]!.GetValue<string>()).Distinct())
        {
            switch (role)
            {
                case "host":
                    yield return Token(Role.Host, DemoData.Host.Name, [DemoData.StudioId], teacher: DemoData.HostTeacherId);
                    yield return Token(Role.Host, DemoData.Vocational[0].Name, [DemoData.VocationalStudioId], teacher: DemoData.Vocational[0].Id);
                    break;
                case "member":
                    yield return Token(Role.Member, DemoData.Members[0].Name, [DemoData.StudioId], teacher: DemoData.Members[0].Id);
                    yield return Token(Role.Member, DemoData.Trainees[0].Name, [DemoData.StudioId], teacher: DemoData.Trainees[0].Id);
                    break;
                case "school":
                    yield return School(DemoData.Region.District!);
                    break;
                case "reviewer":
                    yield return Reviewer(DemoData.Region.City);
                    yield return Reviewer(DemoData.Region.Province);
                    yield return Reviewer("000000");
                    break;
                case "integration":
                    yield return Token(Role.Integration, "厦门市教育局数据平台", region: DemoData.Region.City);
                    break;
            }
        }
    }

    private static readonly Regex RouteValue = new(@"\{(\w+)\}");

    /// <summary>The operation's route with each value filled by the ids met so far and the demo's own, every combination.</summary>
    private static IEnumerable<string> Urls(string path, Dictionary<string, string> ids)
    {
        IEnumerable<string> urls = [path];
        foreach (Match m in RouteValue.Matches(path))
        {
            var name = m.Groups[1].Value;
            var values = Values(path, name, ids).Distinct().ToList();
            if (values.Count == 0) return [];
            urls = [.. urls.SelectMany(u => values.Select(v => u.Replace(m.Value, Uri.EscapeDataString(v))))];
        }
        return urls;
    }

    private static IEnumerable<string> Values(string path, string name, Dictionary<string, string> ids)
    {
        string? Known(string key) => ids.GetValueOrDefault(key);
        switch (name)
        {
            case "id" when path.StartsWith("/api/applications/", StringComparison.Ordinal):
                return Known("application") is { } a ? [a] : [];
            case "id" when path.StartsWith("/api/webhooks/", StringComparison.Ordinal):
                return Known("webhook") is { } w ? [w] : [];
            case "id":
                return [DemoData.StudioId.ToString(), DemoData.VocationalStudioId.ToString()];
            case "teacherId":
                return [DemoData.HostTeacherId, DemoData.Trainees[0].Id, DemoData.Members[0].Id];
            case "year":
                return ["2025", "2026"];
            case "code":
                return [DemoData.Region.District!, DemoData.Region.City, DemoData.Region.Province];
            default:
                return Known(name) is { } v ? [v] : [];
        }
    }

    /// <summary>Ids and codes an answer names, for the routes of the operations after it.</summary>
    private static void Remember(Operation operation, JsonNode? body, Dictionary<string, string> ids)
    {
        if (body is null) return;
        if (operation.Id == "subscribe" && body["id"] is JsonValue webhook) ids.TryAdd("webhook", webhook.ToString());
        if (operation.Id == "applyForStudio" && (body["applicationId"] ?? body["id"]) is JsonValue application) ids.TryAdd("application", application.ToString());
        foreach (var (key, value) in Walk(body))
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && key.EndsWith("Id", StringComparison.Ordinal) && key != "teacherId")
                ids.TryAdd(key, v.GetValue<string>());
        var first = body is JsonArray list ? list.FirstOrDefault() : (body as JsonObject)?["items"]?.AsArray().FirstOrDefault();
        var code = (body as JsonObject)?["code"] ?? (first as JsonObject)?["code"];
        var kind = operation.Id switch
        {
            "addStandard" or "listStandards" => "standard",
            "addRuleSet" or "listRuleSets" => "ruleSet",
            "addHourPolicy" or "listHourPolicies" => "policy",
            _ => null,
        };
        if (kind is not null && code is JsonValue c) ids.TryAdd(kind, c.ToString());
    }

    private static IEnumerable<(string Key, JsonNode? Value)> Walk(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o)
                {
                    yield return (k, v);
                    if (v is not null) foreach (var inner in Walk(v)) yield return inner;
                }
                break;
            case JsonArray a:
                foreach (var item in a.Where(i => i is not null))
                foreach (var inner in Walk(item!)) yield return inner;
                break;
        }
    }

    /// <summary>Lists of more than two items cut to their first two: an example shows the shape, not the whole studio.</summary>
    private static JsonNode Trim(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                    if (o[key] is { } v) o[key] = Trim(v.DeepClone());
                return o;
            case JsonArray a:
                var kept = a.Take(2).Select(i => i is null ? null : Trim(i.DeepClone())).ToArray();
                return new JsonArray(kept);
            default:
                return node;
        }
    }

    /// <summary>A CSV answer's header and first two rows, without the byte order mark.</summary>
    private static string Rows(string csv) =>
        string.Join("\r\n", csv.TrimStart('\uFEFF').Split("\r\n").Take(3)) + "\r\n";

    /// <summary>One real refusal of each status the contract declares, as any operation answers it.</summary>
    private async Task<JsonObject> Problems()
    {
        var studio = $"/api/studios/{DemoData.StudioId}";
        var host = Token(Role.Host, DemoData.Host.Name, [DemoData.StudioId], teacher: DemoData.HostTeacherId);
        var correlation = ("X-Correlation-ID", "example");
        var activity = new
        {
            kind = "thematic-seminar", domains = new[] { "research" }, title = "班级常规管理中的师生沟通专题研讨", date = "2025-03-12", hours = 30,
            attendees = new[] { new { teacherId = DemoData.HostTeacherId, hours = 2.5 } },
        };
        var replies = new (string Status, Func<Task<Reply>> Send)[]
        {
            ("400", () => Host.Post($"{studio}/activities", new { kind = "教研会", title = "", hours = 2.5 }, host, correlation)),
            ("401", () => Host.Get(studio, null, correlation)),
            ("403", () => Host.Post($"{studio}/members", new { teacher = new { id = "T350203-0009" } }, Token(Role.Member, DemoData.Members[0].Name, [DemoData.StudioId], teacher: DemoData.Members[0].Id), correlation)),
            ("404", () => Host.Get("/api/studios/0195a000-3502-7030-8000-00000000ffff", School(DemoData.Region.District!), correlation)),
            ("412", () => Host.Post($"{studio}/activities", activity, host, correlation, ("If-Match", "\"1\""))),
            ("415", () => Host.Post($"{studio}/activities", "kind=thematic-seminar", host, correlation, ("Content-Type", "text/plain"))),
            ("422", () => Host.Post($"{studio}/activities", activity, host, correlation)),
        };
        var problems = new JsonObject();
        foreach (var (status, send) in replies)
        {
            var reply = await send();
            Assert.True(reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) == status, $"the {status} example answered {reply}");
            problems[status] = reply.Json.DeepClone();
        }
        return problems;
    }

    private static readonly Regex Guids = new("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /// <summary>
    /// The same text on every run: the ids the API makes for new things (activities, outputs, tasks) are new each run, so
    /// each is shown as a fixed id in the demo's style, numbered in the order it first appears; the demo's own ids stay.
    /// </summary>
    private static JsonObject Stable(JsonObject file)
    {
        var text = file.ToJsonString(Written);
        var names = new Dictionary<string, string>();
        text = Guids.Replace(text, m =>
        {
            if (m.Value.StartsWith("0195a000-3502-7030-8000-", StringComparison.Ordinal)) return m.Value;
            if (!names.TryGetValue(m.Value, out var name)) names[m.Value] = name = $"0195a000-3502-7030-9000-{names.Count + 1:D12}";
            return name;
        });
        // The trace of a refusal's request is new each run too.
        text = TraceIds.Replace(text, "${name}00-0195a000350270308000000000000001-0195a00035027030-00\"");
        return (JsonObject)Ordered(JsonNode.Parse(text)!);
    }

    private static readonly Regex TraceIds = new("(?<name>\"traceId\":\\s*\")00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}\"");

    /// <summary>A map keyed by new ids (a ledger's tasks) comes in the order of those ids: shown in the order of the fixed ones.</summary>
    private static JsonNode Ordered(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                var members = o.Select(p => (p.Key, Value: p.Value is null ? null : Ordered(p.Value.DeepClone()))).ToList();
                if (members.Count > 1 && members.All(m => Guids.IsMatch(m.Key)))
                    members = [.. members.OrderBy(m => m.Key, StringComparer.Ordinal)];
                return new JsonObject(members.Select(m => KeyValuePair.Create(m.Key, m.Value)));
            case JsonArray a:
                return new JsonArray([.. a.Select(i => i is null ? null : Ordered(i.DeepClone()))]);
            default:
                return node;
        }
    }
}
