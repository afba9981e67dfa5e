using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Http;
using Workshops.Tests.Support;

namespace Workshops.Tests.Contract;

/// <summary>
/// What Scalar at /docs renders comes from the document: named operations with summaries and descriptions, code lists
/// with their labels, and request examples that the API accepts as well-formed.
/// </summary>
public sealed class the_docs_page(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<JsonNode> Document() => (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode doc) =>
        doc["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(m => (p.Key, m.Key, m.Value!)));

    [Fact]
    public async Task the_docs_page_shows_the_document()
    {
        var page = await Host.Get("/docs/", null);
        page.ShouldBe(200);
        Assert.Contains("openapi/v1.json", page.Text);
    }

    [Fact]
    public async Task the_docs_page_asks_for_the_bearer_token_and_sends_the_document_to_no_agent()
    {
        var page = (await Host.Get("/docs/", null)).ShouldBe(200).Text;
        // Scalar's configuration, as the page hands it to the script.
        var at = page.IndexOf("preferredSecurityScheme", StringComparison.Ordinal);
        Assert.True(at >= 0, page[..Math.Min(page.Length, 6000)]);
        var configuration = page[Math.Max(0, at - 3000)..Math.Min(page.Length, at + 3000)];
        Assert.True(Regex.IsMatch(configuration, "\"preferredSecurityScheme\":\\[?\"Bearer\""), configuration);
        Assert.True(Regex.IsMatch(configuration, "\"agent\":\\{\"disabled\":true"), configuration);
        Assert.True(Regex.IsMatch(configuration, "\"hideClientButton\":true"), configuration);
    }

    [Fact]
    public async Task every_operation_has_a_camel_case_id_a_summary_and_a_description_in_words()
    {
        var doc = await Document();
        var ids = new HashSet<string>();
        foreach (var (path, method, operation) in Operations(doc))
        {
            var id = operation["operationId"]!.GetValue<string>();
            Assert.Matches("^[a-z][A-Za-z]+$", id);
            Assert.True(ids.Add(id), $"{id} twice");
            var doc23 = Contracts.Operation(char.ToUpperInvariant(id[0]) + id[1..]);
            Assert.True(doc23 is not null, $"{method.ToUpperInvariant()} {path} ({id}) has no OperationDoc in its capability's *Docs.cs");
            Assert.Equal(doc23.Summary, operation["summary"]!.GetValue<string>());
            Assert.StartsWith(doc23.Description, operation["description"]!.GetValue<string>());
            Assert.Contains("**Who may call it:**", operation["description"]!.GetValue<string>());
            Assert.DoesNotContain("_", operation["summary"]!.GetValue<string>());
        }
        Assert.Empty(Contracts.Operations.Keys.Select(Contracts.OperationId).Except(ids));
        Assert.All(doc["tags"]!.AsArray(), t => Assert.False(string.IsNullOrWhiteSpace(t!["description"]?.GetValue<string>())));
    }

    [Fact]
    public async Task every_code_list_lists_its_codes_with_their_chinese_labels()
    {
        var schemas = (await Document())["components"]!["schemas"]!;
        foreach (var type in Codes.All())
        {
            var schema = schemas[type.Name]!;
            var codes = Codes.List(type);
            Assert.Equal(codes.Select(c => c.Code), schema["enum"]!.AsArray().Select(c => c!.GetValue<string>()));
            foreach (var code in codes)
                Assert.Equal(code.Label, schema["x-enum-descriptions"]![code.Code]!.GetValue<string>());
            Assert.Equal(codes.Count, schema["x-ms-enum"]!["values"]!.AsArray().Count);
        }
        Assert.Equal("#/components/schemas/ActivityKind", schemas["LogActivity"]!["properties"]!["kind"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Domain", schemas["LogActivity"]!["properties"]!["domains"]!["items"]!["$ref"]!.GetValue<string>());
    }

    [Fact]
    public async Task every_write_with_a_body_shows_a_real_example_the_body_check_accepts()
    {
        var doc = await Document();
        var bodies = Endpoints.RequestTypes(Host);
        foreach (var (path, method, operation) in Operations(doc))
        {
            if (operation["requestBody"]?["content"]?["application/json"] is not { } json) continue;
            var id = operation["operationId"]!.GetValue<string>();
            Assert.True(json["example"] is JsonObject, $"{method.ToUpperInvariant()} {path} ({id}) shows no example");
            var problem = BodyShape.Check(Encoding.UTF8.GetBytes(json["example"]!.ToJsonString()), bodies[id]);
            Assert.True(problem is null, $"{id}'s example is refused: {problem?.Detail}");
        }
        var log = doc["paths"]!["/api/studios/{id}/activities"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!;
        Assert.Equal("thematic-seminar", log["kind"]!.GetValue<string>());
        Assert.Matches(new Regex(@"\p{IsCJKUnifiedIdeographs}"), log["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_refusal_lists_the_rules_the_operation_can_name_and_every_rule_has_a_meaning_and_a_fix()
    {
        var doc = await Document();
        var log = doc["paths"]!["/api/studios/{id}/activities"]!["post"]!["responses"]!["422"]!;
        var rules = log["x-rules"]!.AsArray().Select(r => r!["rule"]!.GetValue<string>()).ToList();
        Assert.Contains("activity.date-before-founding", rules);
        Assert.DoesNotContain("activity.hours-range", rules);
        Assert.Contains("attendance.not-on-roster", rules);
        Assert.All(Contracts.Rules.Values, r => Assert.False(string.IsNullOrWhiteSpace(r.Meaning) || string.IsNullOrWhiteSpace(r.Fix), r.Rule));
        var claimed = Contracts.Operations.Values.SelectMany(Contracts.RulesOf).Select(r => r.Rule).ToHashSet();
        // The write path's own refusals (any write) and the roster's warnings are named by no single operation.
        var core = CoreDocs.Docs.Rules.Select(r => r.Rule).Concat(Contracts.Rules.Keys.Where(r => r.StartsWith("composition.", StringComparison.Ordinal)));
        Assert.Empty(Contracts.Rules.Keys.Except(claimed).Except(core));
    }

    /// <summary>
    /// Every route, query and header parameter says what it is, and a query parameter that takes codes refers to its code
    /// list (codes and Chinese labels), as a body field does.
    /// </summary>
    [Fact]
    public async Task every_parameter_says_what_it_is_and_a_code_parameter_lists_its_codes_with_labels()
    {
        var doc = await Document();
        var silent = Operations(doc).SelectMany(o => (o.Operation["parameters"]?.AsArray() ?? []).Select(p => (o, p: p!)))
            .Where(x => string.IsNullOrWhiteSpace(x.p["description"]?.GetValue<string>()))
            .Select(x => $"{x.o.Method} {x.o.Path} {x.p["name"]}").ToList();
        Assert.True(silent.Count == 0, "Parameters without a description: " + string.Join(", ", silent));

        string? CodeList(string path, string name) => doc["paths"]![path]!["get"]!["parameters"]!.AsArray()
            .Single(p => p!["name"]!.GetValue<string>() == name)!["schema"]!["$ref"]?.GetValue<string>();
        Assert.Equal("#/components/schemas/ActivityKind", CodeList("/api/studios/{id}/activities", "kind"));
        Assert.Equal("#/components/schemas/Domain", CodeList("/api/studios/{id}/activities", "domain"));
        Assert.Equal("#/components/schemas/OutputKind", CodeList("/api/studios/{id}/outputs", "kind"));
        Assert.Equal("#/components/schemas/OutputState", CodeList("/api/studios/{id}/outputs", "state"));
        Assert.Equal("#/components/schemas/ApplicationState", CodeList("/api/applications", "state"));
        Assert.Equal("#/components/schemas/CaseCategory", CodeList("/api/reviews/cases", "category"));
        Assert.Equal("#/components/schemas/RecommendationLevel", CodeList("/api/reviews/workshop-cases", "level"));
        Assert.Equal("#/components/schemas/OutputKind", CodeList("/api/showcase/outputs", "kind"));
        Assert.Equal("#/components/schemas/OutputKind", CodeList("/api/reviews/outputs", "kind"));
        var state = doc["paths"]!["/api/webhooks/{id}/deliveries"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "state")!;
        Assert.Equal(["pending", "delivered", "dead"], state["schema"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        var q = doc["paths"]!["/api/reviews/cases"]!["get"]!["parameters"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "q")!;
        Assert.Equal(50, q["schema"]!["maxLength"]!.GetValue<int>());
    }

    /// <summary>
    /// An endpoint that returns IResult declares what it answers: no answer is the framework's untyped "IResult" object, and
    /// a body sent as anything but JSON (415) is declared where a body is taken.
    /// </summary>
    [Fact]
    public async Task every_answer_is_declared_with_its_real_status_and_shape()
    {
        var doc = await Document();
        Assert.DoesNotContain("IResult", doc.ToJsonString());
        Assert.Null(doc["components"]!["schemas"]!["IResult"]);
        Assert.NotNull(doc["paths"]!["/api/webhooks/{id}"]!["delete"]!["responses"]!["204"]);
        Assert.Null(doc["paths"]!["/api/webhooks/{id}"]!["delete"]!["responses"]!["200"]);
        Assert.NotNull(doc["paths"]!["/api/webhooks/{id}/deliveries/{deliveryId}/replay"]!["post"]!["responses"]!["202"]);
        Assert.Equal("#/components/schemas/PolicySetInEffect",
            doc["paths"]!["/api/regions/{code}/hour-policies"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/RegionStandards",
            doc["paths"]!["/api/regions/{code}/standards"]!["put"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        foreach (var (path, method, operation) in Operations(doc).Where(o => o.Operation["requestBody"] is not null))
            Assert.True(operation["responses"]!["415"]?["content"]?["application/problem+json"] is not null, $"{method} {path} does not declare 415");
    }

    /// <summary>
    /// Reads and writes show a real answer (Examples.json, kept true by real_examples), with Chinese where the field is
    /// Chinese; a CSV answer shows its header and rows; each refusal shows one real problem+json, shared under components.
    /// </summary>
    [Fact]
    public async Task answers_show_real_examples_and_refusals_a_real_problem()
    {
        var doc = await Document();
        var shown = Operations(doc).Where(o => o.Operation["responses"]!.AsObject()
            .Any(r => r.Key.StartsWith('2') && r.Value?["content"]?["application/json"]?["example"] is not null)).ToList();
        var reads = Operations(doc).Where(o => o.Method == "get").ToList();
        Assert.True(shown.Count(o => o.Method == "get") * 10 >= reads.Count * 9,
            $"only {shown.Count(o => o.Method == "get")} of {reads.Count} reads show an answer");
        Assert.True(shown.Count(o => o.Method != "get") >= 40, $"only {shown.Count(o => o.Method != "get")} writes show an answer");

        var studio = doc["paths"]!["/api/studios/{id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["example"]!;
        Assert.Equal("厦门市第一中学班主任工作坊", studio["name"]!.GetValue<string>());
        var checklist = doc["paths"]!["/api/studios/{id}/checklist"]!["get"]!["responses"]!["200"]!["content"]!;
        Assert.Matches(new Regex(@"\p{IsCJKUnifiedIdeographs}"), checklist[MediaTypes.Csv]!["example"]!.GetValue<string>());

        var shared = doc["components"]!["examples"]!;
        foreach (var status in new[] { "400", "401", "403", "404", "409", "412", "413", "415", "422", "429", "503" })
            Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), shared[$"problem-{status}"]!["value"]!["status"]!.GetValue<int>());
        Assert.Matches(new Regex(@"\p{IsCJKUnifiedIdeographs}|\w"), shared["problem-400"]!["value"]!["errors"]!.ToJsonString());
        Assert.Equal("urn:problem:workshops:database.unavailable", shared["problem-503"]!["value"]!["type"]!.GetValue<string>());

        // Every refusal an operation declares shows the shared real problem of its status.
        var bare = Operations(doc).SelectMany(o => o.Operation["responses"]!.AsObject()
                .Where(r => r.Value?["content"]?[MediaTypes.Problem] is not null)
                .Where(r => r.Value!["content"]![MediaTypes.Problem]!["examples"]?[$"problem-{r.Key}"]?["$ref"]?.GetValue<string>() != $"#/components/examples/problem-{r.Key}")
                .Select(r => $"{o.Method} {o.Path} {r.Key}"))
            .ToList();
        Assert.True(bare.Count == 0, "Refusals without their shared example: " + string.Join(", ", bare.Take(20)));
    }

    /// <summary>
    /// Operations the example walk (real_examples) does not reach, each with why: they have no real answer to show. The
    /// list is what is left to reach; an operation missing from the walk and from this list fails below.
    /// </summary>
    private static readonly Dictionary<string, string> WithoutExample = [];

    /// <summary>Every operation shows a real answer of its success (or has no body to show, as a 204), unless it is listed above with why.</summary>
    [Fact]
    public async Task every_operation_shows_a_real_answer()
    {
        var doc = await Document();
        var missing = new List<string>();
        foreach (var (path, method, operation) in Operations(doc))
        {
            var id = operation["operationId"]!.GetValue<string>();
            var successes = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
            // A success that has a body shows it as JSON or CSV (a workbook is binary: its CSV form, where there is one, shows the rows).
            // A success without a body (204) counts once the walk reached it (Examples.json keeps its empty answer).
            var shown = successes.Any(r => r.Value?["content"] is JsonObject content
                ? content.Any(m => m.Value?["example"] is not null)
                : ResponseExamples.Operations.ContainsKey(id));
            if (!shown && !WithoutExample.ContainsKey(id)) missing.Add($"{method.ToUpperInvariant()} {path} ({id})");
            if (shown) Assert.False(WithoutExample.ContainsKey(id), $"{id} shows an answer now: take it off the list of operations without one");
        }
        Assert.True(missing.Count == 0, "Operations without a real answer (extend real_examples to reach them): " + string.Join(", ", missing));
    }

    /// <summary>Every example the document shows, of an answer, a refusal or a request, has the shape its schema declares.</summary>
    [Fact]
    public async Task every_example_has_the_shape_its_schema_declares()
    {
        var doc = await Document();
        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var (path, method, operation) in Operations(doc))
        {
            var contents = operation["responses"]!.AsObject().Select(r => (r.Key, r.Value?["content"]))
                .Append(("request", operation["requestBody"]?["content"]));
            foreach (var (status, content) in contents)
            foreach (var (media, shape) in content?.AsObject() ?? [])
            {
                if (shape?["schema"] is not { } schema) continue;
                var examples = new List<JsonNode?>();
                if (shape.AsObject().ContainsKey("example")) examples.Add(shape["example"]);
                foreach (var (_, named) in shape["examples"]?.AsObject() ?? [])
                    examples.Add(named?["$ref"] is JsonValue r ? doc["components"]!["examples"]![r.GetValue<string>().Split('/')[^1]]!["value"] : named?["value"]);
                foreach (var example in examples)
                {
                    checkedCount++;
                    wrong.AddRange(SchemaCheck.Problems(example, schema, doc).Select(p => $"{method} {path} {status} {media}: {p}"));
                }
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong.Take(40)));
        Assert.True(checkedCount > 300, $"only {checkedCount} examples checked");
    }

    /// <summary>The check itself: a value of the wrong type, a missing required member and an unknown code are each found.</summary>
    [Fact]
    public async Task the_shape_check_finds_a_wrong_type_a_missing_member_and_an_unknown_code()
    {
        var doc = await Document();
        var log = doc["paths"]!["/api/studios/{id}/activities"]!["post"]!["requestBody"]!["content"]!["application/json"]!;
        Assert.Empty(SchemaCheck.Problems(log["example"], log["schema"]!, doc));
        var wrongType = log["example"]!.DeepClone();
        wrongType["hours"] = "两小时";
        Assert.Contains(SchemaCheck.Problems(wrongType, log["schema"]!, doc), p => p.StartsWith("$.hours", StringComparison.Ordinal));
        var missing = log["example"]!.DeepClone();
        missing.AsObject().Remove("title");
        Assert.Contains(SchemaCheck.Problems(missing, log["schema"]!, doc), p => p.Contains("required title", StringComparison.Ordinal));
        var unknown = log["example"]!.DeepClone();
        unknown["kind"] = "教研会";
        Assert.Contains(SchemaCheck.Problems(unknown, log["schema"]!, doc), p => p.StartsWith("$.kind", StringComparison.Ordinal));
    }
}
