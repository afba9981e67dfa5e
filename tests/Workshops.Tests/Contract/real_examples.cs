using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Workshops.Core.Auth;
using Workshops.Core.Contract;
using Workshops.Demo;
using Workshops.Integrations;
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
    /// dissolved studio, a host who stepped down): sent after the reads; with them the replay of a delivery those roster
    /// changes made.
    /// </summary>
    private static readonly HashSet<string> Afterwards =
    [
        "voidActivity", "stepDownHost", "stepDownCoordinator", "leaveMember", "cancelTask",
        "withdrawCertificate", "retractOutsideCredit", "retractTeacherFact", "revokeRecognition", "refuseApplication",
        "dropSubmissionCase", "returnOutput", "reopenTask", "endHeadTeacherService", "endRuralPosting", "endPrincipalService",
        "completeTrainee", "rotateWebhookSecret", "recordSchoolMove", "carryOverTask", "replayDelivery",
    ];

    /// <summary>
    /// Writes that need one of the writes above done first, sent last in this order (after the shared refusals, which write
    /// to the demo studio): the task closed once its progress, revision, cancelling and reopening are shown, the host
    /// appointed again once they stepped down, a period as head teacher started once the open one ended, then the webhook deleted and the studio
    /// dissolved (after which it takes no write).
    /// </summary>
    private static readonly string[] Last = ["closeTask", "appointHost", "startHeadTeacherService", "deleteWebhook", "dissolveStudio"];

    /// <summary>Teachers whose records the walk opens for the operations the demo's records cannot answer (see <see cref="Prepare"/>).</summary>
    private const string NewTeacher = "T350203-0005", LongServing = "T350203-0006";

    [Fact]
    public async Task every_example_is_what_the_api_answers_for_the_demo_studio()
    {
        var captured = await Capture();
        var text = captured.ToJsonString(Written) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1") await File.WriteAllTextAsync(ExamplesPath, text);

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
        Docs = operations.ToDictionary(o => o.Id, o => o.Doc);
        var answers = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>();

        // Writes in the document's order, again while one more succeeds: a task needs its plan, an approval its draft.
        var writes = operations.Where(o => o.Method != "GET" && !Afterwards.Contains(o.Id) && !Last.Contains(o.Id)).ToList();
        // A plan is revised while it is a draft: the school's approval (before it in the document) comes right after the revision.
        var approval = writes.Single(o => o.Id == "approvePlan");
        writes.Remove(approval);
        writes.Insert(writes.FindIndex(o => o.Id == "revisePlan") + 1, approval);
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
        // The walk's own subscription is paused by then (updateWebhook): a second one of its client, to a receiver of the
        // walk's own, hears the roster change in the writes below; replayDelivery sends one of those deliveries again.
        await using var receiver = await WebhookReceiver.Start();
        var listening = await Host.Post("/api/webhooks", new
        {
            url = receiver.Url, eventTypes = new[] { IntegrationTypes.RosterChanged }, region = DemoData.Region.District, secret = "xm-platform-roster-2025-p4Wn",
        }, Integration);
        if (listening.Status == 201) ids["listening"] = listening.Json["id"]!.GetValue<string>();
        else Missed["replayDelivery (set-up)"] = $"subscribing a receiver answered {listening.Status} {listening.Rule} {listening.Body?["detail"]}";
        foreach (var write in operations.Where(o => Afterwards.Contains(o.Id))) await Call(write, ids, answers);

        var problems = await Problems();
        foreach (var id in Last) await Call(operations.Single(o => o.Id == id), ids, answers);
        // EXAMPLES_MISSED=file: why each operation without an example was refused, for whoever extends the walk.
        if (Environment.GetEnvironmentVariable("EXAMPLES_MISSED") is { Length: > 0 } missed)
            await File.WriteAllLinesAsync(missed, Missed.Select(m => $"{m.Key}: {m.Value}"));
        var file = new JsonObject
        {
            ["operations"] = new JsonObject(answers.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value))),
            ["problems"] = problems,
        };
        return Stable(file);
    }

    /// <summary>
    /// The state an operation needs that the walk in the document's order does not leave, set up through the API once
    /// before its first call: teachers' records the demo lacks, an honour and a credit from another province, an application
    /// the city recommends in its turn before the province selects it, and a second application to refuse (the first is
    /// closed once selected).
    /// </summary>
    private async Task Prepare(Operation operation, Dictionary<string, string> ids)
    {
        if (!Prepared.Add(operation.Id)) return;
        string Example(string id) => Docs[id]["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString();
        var school = School(DemoData.Region.District!);
        // A set-up step refused leaves the operation without an example, and says why in EXAMPLES_MISSED.
        async Task<bool> Done(Task<Reply> sending, string what)
        {
            var reply = await sending;
            if (reply.Status is >= 200 and < 300) return true;
            Missed[operation.Id + " (set-up)"] = $"{what} answered {reply.Status} {reply.Rule} {reply.Body?["detail"]}";
            return false;
        }
        switch (operation.Id)
        {
            // A teacher whose record has no teaching start and no period as head teacher yet, for the operations recording them.
            case "recordTeachingStart":
                await Done(Host.Post("/api/teachers", Teacher(NewTeacher, "张丽华", null, null), school), "opening a record without facts");
                break;
            // 20 years as head teacher (seed 000 三.(三)): a record whose periods began in 2004.
            case "issueHeadTeacherHonour":
                await Done(Host.Post("/api/teachers", Teacher(LongServing, "周海燕", "2002-09-01", "2004-09-01"), school), "opening a long-serving record");
                break;
            // The selection's basis ("2024年获评厦门市优秀班主任"): the member's honour as 优秀班主任, on their record first.
            case "selectExpertCandidate":
                await Done(Host.Post($"/api/teachers/{DemoData.Members[0].Id}/honours", new
                {
                    honour = "excellent-head-teacher", level = "municipal", issuer = "厦门市教育局", on = "2024-09-10", name = "厦门市优秀班主任",
                }, school), "recording the honour");
                break;
            // The programme of the credit the walk recorded, from the region that ran it: what its trainees evaluate.
            case "evaluateTraining" or "getTrainingEvaluations":
                ids.TryAdd("programme", Docs["recordOutsideCredit"]["requestBody"]!["content"]!["application/json"]!["example"]!["programme"]!.GetValue<string>());
                break;
            // A credit from a course outside the teacher's province (the credit bank decides on those; a local one counts as it is).
            case "recogniseOutsideCredit":
                var credit = Docs["recordOutsideCredit"]["requestBody"]!["content"]!["application/json"]!["example"]!.DeepClone();
                credit["course"] = "2025年上海市班主任工作室主持人高级研修班";
                credit["issuer"] = "上海市教育委员会";
                credit["region"] = "310000";
                credit["programme"] = "2025-sh-bzr-01";
                var recording = Host.Post($"/api/teachers/{DemoData.HostTeacherId}/credits", credit.ToJsonString(), school);
                if (await Done(recording, "recording a credit from another province")) ids["creditId"] = (await recording).Json["id"]!.GetValue<string>();
                break;
            case "selectApplication" when ids.GetValueOrDefault("application") is { } selected:
                await Host.Post($"/api/applications/{selected}/recommendation", Example("recommendApplication"), Reviewer(DemoData.Region.City));
                break;
            // An output submitted and not yet approved (the walk's own is approved and recommended by then): the one returned.
            case "returnOutput":
                var drafting = Host.Post($"/api/studios/{DemoData.StudioId}/outputs", Example("draftOutput"), DemoHost);
                if (!await Done(drafting, "drafting an output")) break;
                var drafted = (await drafting).Json["outputId"]!.GetValue<string>();
                if (await Done(Host.Post($"/api/studios/{DemoData.StudioId}/outputs/{drafted}/submit", Example("submitOutput"), DemoHost), "submitting it"))
                    ids["outputId"] = drafted;
                break;
            // An open task (the walk's own is cancelled by then): one added to the ledger is carried over; the walk's task is
            // taken up again for the operations after it (reopening, closing).
            case "carryOverTask":
                var adding = Host.Post($"/api/studios/{DemoData.StudioId}/tasks", Example("addTask"), DemoHost);
                if (!await Done(adding, "adding a task")) break;
                if (ids.TryGetValue("taskId", out var current)) ids["walkedTaskId"] = current;
                ids["taskId"] = (await adding).Json["taskId"]!.GetValue<string>();
                break;
            case "reopenTask" or "closeTask" when ids.Remove("walkedTaskId", out var walked):
                ids["taskId"] = walked;
                break;
            // A term assessed qualified (合格): the vocational studio's first term (2022-2025), which the walk does not assess.
            case "renewStudio":
                await Done(Host.Post($"/api/studios/{DemoData.VocationalStudioId}/term-assessments",
                    new { result = "qualified", on = "2025-09-20", note = "期满考核合格：计划、台账、成长档案齐全，典型案例获推荐。" }, Reviewer(DemoData.Region.District!)),
                    "assessing the vocational studio's term");
                break;
            // The year's package is submitted by then (it carries the demo's vocational case) and takes no change: next year's,
            // opened, has a case dropped from it.
            case "dropSubmissionCase":
                await Done(Host.Post($"/api/regions/{DemoData.Region.Province}/submissions/2026", Example("openSubmission"), Reviewer(DemoData.Region.Province)),
                    "opening next year's package");
                break;
            // seed 000 三.(二).4: the expert tier mirrors the record; the member the walk selected and trained is recognised on it first.
            case "grantExpertTier":
                await Done(Host.Post($"/api/teachers/{DemoData.Members[0].Id}/recognitions", new
                {
                    rung = "expert", on = "2026-03-01", basis = "2025年9月遴选为培养对象，2026年2月培养结业，考核合格。",
                }, Reviewer(DemoData.Region.City)), "recognising the trained candidate as expert");
                break;
            // A delivery the receiver took (a roster change after the reads, see Capture), on the second subscription; the
            // walk's own comes back for deleteWebhook.
            case "replayDelivery" when ids.GetValueOrDefault("listening") is { } listening:
                Reply? delivered = null;
                try
                {
                    delivered = await Eventually.Until(() => Host.Get($"/api/webhooks/{listening}/deliveries?state=delivered", Integration),
                        r => r.Status != 200 || r.Json["total"]!.GetValue<int>() > 0, what: "a delivery to the walk's receiver");
                }
                catch (TimeoutException)
                {
                    // Left without an example, and said why below.
                }
                if (delivered is not { Status: 200 } || delivered.Json["items"]!.AsArray().FirstOrDefault() is not { } delivery)
                {
                    Missed[operation.Id + " (set-up)"] = $"no delivery to the walk's receiver was delivered ({delivered?.Status} {delivered?.Rule})";
                    break;
                }
                if (ids.TryGetValue("webhook", out var walkedWebhook)) ids["walkedWebhook"] = walkedWebhook;
                ids["webhook"] = listening;
                ids["deliveryId"] = delivery["id"]!.GetValue<string>();
                break;
            case "deleteWebhook" when ids.Remove("walkedWebhook", out var walkedSubscription):
                await Host.Send("DELETE", $"/api/webhooks/{ids["webhook"]}", null, Integration);
                ids["webhook"] = walkedSubscription;
                break;
            case "refuseApplication":
                var applying = Host.Post("/api/applications", Example("applyForStudio"), school);
                if (!await Done(applying, "a second application")) break;
                var second = (await applying).Json["id"]!.GetValue<string>();
                if (await Done(Host.Post($"/api/applications/{second}/party-approval", Example("attestPartyApproval"), school), "its approval"))
                    ids["application"] = second;
                break;
        }
    }

    private readonly HashSet<string> Prepared = [];

    private string Integration => Token(Role.Integration, "厦门市教育局数据平台", region: DemoData.Region.City);

    private string DemoHost => Token(Role.Host, DemoData.Host.Name, [DemoData.StudioId], teacher: DemoData.HostTeacherId);

    private static object Teacher(string id, string name, string? teachingSince, string? headTeacherSince) => new
    {
        id, name, gender = "female", school = "厦门市第一中学", region = DemoData.Region.District, subject = "语文", birthYear = 1980, track = "k12",
        rural = false, teachingSince, headTeacherSince,
    };

    /// <summary>Each operation of the document by its id.</summary>
    private Dictionary<string, JsonNode> Docs = [];

    /// <summary>Calls an operation with each token its roles allow and each route value known, until one answers 2xx; keeps the answer.</summary>
    private async Task<bool> Call(Operation operation, Dictionary<string, string> ids, SortedDictionary<string, JsonObject> answers)
    {
        await Prepare(operation, ids);
        var body = operation.Doc["requestBody"]?["content"]?["application/json"]?["example"];
        if (operation.Doc["requestBody"] is not null && body is null) return false;
        var refused = new List<string>();
        foreach (var url in Urls(operation.Path, ids))
        foreach (var token in Tokens(operation.Doc))
        {
            var reply = await Host.Send(operation.Method, url, body?.ToJsonString(), token, ("X-Correlation-ID", "example"));
            if (reply.Status is < 200 or > 299)
            {
                refused.Add($"{reply.Status} {reply.Rule} {reply.Body?["detail"]}");
                continue;
            }
            var kept = answers.TryGetValue(operation.Id, out var found) ? found : answers[operation.Id] = [];
            kept[reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = reply.Body is null ? null : Trim(reply.Body.DeepClone());
            Remember(operation, reply.Body, ids);
            Missed.Remove(operation.Id);
            if (operation.Doc["responses"]?[reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?[MediaTypes.Csv] is not null)
            {
                var csv = await Host.Send("GET", url + (url.Contains('?') ? "&" : "?") + "format=csv", null, token, ("X-Correlation-ID", "example"));
                if (csv.Status == 200) kept[$"{reply.Status} {MediaTypes.Csv}"] = Rows(csv.Text);
            }
            return true;
        }
        Missed[operation.Id] = refused.Count == 0 ? "no route value known for " + operation.Path : string.Join(" | ", refused.Distinct());
        return false;
    }

    /// <summary>Each operation no call answered with 2xx, and what each call was answered.</summary>
    private readonly SortedDictionary<string, string> Missed = new(StringComparer.Ordinal);

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
                    // Last, so that the tables read as the city's reviewer reads them: the district's turn on an application.
                    yield return Reviewer(DemoData.Region.District!);
                    break;
                case "integration":
                    yield return Integration;
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
                return [DemoData.HostTeacherId, DemoData.Trainees[0].Id, DemoData.Members[0].Id, NewTeacher, LongServing];
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
        if (operation.Id == "recordOutsideCredit" && body["id"] is JsonValue credit) ids.TryAdd("creditId", credit.ToString());
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
            kind = "thematic-seminar", domains = new[] { "research" }, title = "班级常规管理中的师生沟通专题研讨", date = "2025-03-12", hours = 2.5,
            attendees = new[] { new { teacherId = DemoData.HostTeacherId, hours = 2.5 } },
        };
        var logged = activity;
        // A rule that needs the studio: a teacher who was never on its roster (out-of-range values are the body's, a 400).
        var refused = activity with { attendees = new[] { new { teacherId = "T350203-0999", hours = 2.5 } } };
        var replies = new (string Status, Func<Task<Reply>> Send)[]
        {
            ("400", () => Host.Post($"{studio}/activities", new { kind = "教研会", title = "", hours = 2.5 }, host, correlation)),
            ("401", () => Host.Get(studio, null, correlation)),
            ("403", () => Host.Post($"{studio}/members", new { teacher = new { id = "T350203-0009" } }, Token(Role.Member, DemoData.Members[0].Name, [DemoData.StudioId], teacher: DemoData.Members[0].Id), correlation)),
            ("404", () => Host.Get("/api/studios/0195a000-3502-7030-8000-00000000ffff", School(DemoData.Region.District!), correlation)),
            ("412", () => Host.Post($"{studio}/activities", refused, host, correlation, ("If-Match", "\"1\""))),
            ("415", () => Host.Post($"{studio}/activities", "kind=thematic-seminar", host, correlation, ("Content-Type", "text/plain"))),
            ("422", () => Host.Post($"{studio}/activities", refused, host, correlation)),
            ("409", () => LostRace($"{studio}/activities", logged, day => activity with { date = day }, host, correlation)),
            ("413", () => Host.Post($"{studio}/activities", "{\"title\":\"" + new string('班', Workshops.Core.Http.Bodies.MaxBytes / 3) + "\"}", host, correlation)),
        };
        var problems = new JsonObject();
        foreach (var (status, send) in replies)
        {
            var reply = await send();
            Assert.True(reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) == status, $"the {status} example answered {reply}");
            problems[status] = reply.Json.DeepClone();
        }
        foreach (var (status, reply) in await OverBudgetWithoutDatabase($"{studio}/activities", logged, host, correlation))
            problems[status] = reply.Json.DeepClone();
        return new JsonObject(problems.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
    }

    /// <summary>409: the same write sent to one studio several at once, until one of them loses the race to another.</summary>
    private async Task<Reply> LostRace(string url, object body, Func<string, object> onAnotherDay, string token, (string, string) correlation)
    {
        // How many writes win before one loses varies from run to run; the studio's version after it must not (the
        // operations answered last show it), so the winners are topped up to the most the rounds could have written.
        const int rounds = 20, atOnce = 8;
        var written = 0;
        for (var round = 0; round < rounds; round++)
        {
            var replies = await Task.WhenAll(Enumerable.Range(0, atOnce).Select(_ => Host.Post(url, body, token, correlation)));
            written += replies.Count(r => r.Status == 201);
            if (replies.FirstOrDefault(r => r.Status == 409) is not { } lost) continue;
            // One a day (an attendee's hours on one day are bounded), on the days after the race's.
            for (var day = new DateOnly(2025, 3, 13); written < rounds * atOnce; written++, day = day.AddDays(1))
            {
                var topUp = await Host.Post(url, onAnotherDay(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), token, correlation);
                Assert.True(topUp.Status == 201, $"a top-up write answered {topUp}");
            }
            return lost;
        }
        throw new InvalidOperationException($"No write lost a race in {rounds} rounds of {atOnce} at once.");
    }

    /// <summary>
    /// 429 and 503 from a host of its own, on a database of its own: a client may make two writes a second there, and once
    /// the host is up its database stops taking connections (as a province's database in an outage), so a write within the
    /// budget finds no database (503) and one beyond it is refused before it looks (429).
    /// </summary>
    private async Task<Dictionary<string, Reply>> OverBudgetWithoutDatabase(string url, object body, string token, (string, string) correlation)
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Marten")!;
        const string database = "workshops_examples_outage";
        async Task Admin(string sql)
        {
            await using var admin = Npgsql.NpgsqlDataSource.Create(server);
            await using var cmd = admin.CreateCommand(sql);
            await cmd.ExecuteNonQueryAsync();
        }
        await Admin($"drop database if exists {database} with (force)");
        await Admin($"create database {database}");
        try
        {
            var other = await OtherHosts.Start(Fixture, settings: new Dictionary<string, string>
            {
                ["ConnectionStrings:Marten"] = new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
                ["Projections:Daemon"] = "Disabled", ["RateLimits:WritesPerSecond"] = "2", ["RateLimits:Burst"] = "2",
            });
            try
            {
                await Admin($"alter database {database} allow_connections false");
                await Admin($"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{database}'");
                var found = new Dictionary<string, Reply>();
                for (var round = 0; round < 10 && found.Count < 2; round++)
                    foreach (var reply in await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => other.Post(url, body, token, correlation))))
                    {
                        Assert.True(reply.Status is 429 or 503, $"a write while the database is down answered {reply}");
                        found.TryAdd(reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture), reply);
                    }
                Assert.Equal(["429", "503"], found.Keys.Order(StringComparer.Ordinal));
                return found;
            }
            finally
            {
                await Admin($"alter database {database} allow_connections true");
                await other.DisposeAsync();
            }
        }
        finally
        {
            await Admin($"drop database if exists {database} with (force)");
        }
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
