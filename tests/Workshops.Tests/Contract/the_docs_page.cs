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
        Assert.Contains("activity.hours-range", rules);
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
}
