using System.Text.Json;
using System.Text.Json.Nodes;
using Workshops.Tests.Support;

namespace Workshops.Tests.Contract;

/// <summary>The OpenAPI document is the contract: CI fails when a change breaks the committed copy without a major version bump.</summary>
public sealed class the_public_contract(AppFixture fixture) : ApiTest(fixture)
{
    /// <summary>ops/openapi (UPDATE_OPENAPI=1) writes the served document as the committed one, Chinese as itself so diffs read.</summary>
    private static async Task WriteWhenAsked(JsonNode current)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI") != "1") return;
        Directory.CreateDirectory(Path.GetDirectoryName(OpenApiContract.CommittedPath)!);
        await File.WriteAllTextAsync(OpenApiContract.CommittedPath, current.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        }) + "\n");
    }

    private async Task<JsonNode> Current() => (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;

    [Fact]
    public async Task the_document_keeps_every_endpoint_and_field_of_the_committed_copy()
    {
        var current = await Current();
        await WriteWhenAsked(current);
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(OpenApiContract.CommittedPath))!;
        var breaking = OpenApiContract.Breaking(committed, current);
        Assert.True(breaking.Count == 0,
            "Breaking changes against docs/openapi/v1.json (bump OpenApiShape.Version's major, then run ops/openapi):\n" + string.Join("\n", breaking));
    }

    /// <summary>The committed copy is the one CI lints and generates a client from: it must be the document the code serves.</summary>
    [Fact]
    public async Task the_committed_document_is_the_one_the_code_serves()
    {
        var current = await Current();
        await WriteWhenAsked(current);
        var committed = JsonNode.Parse(await File.ReadAllTextAsync(OpenApiContract.CommittedPath))!;
        Assert.True(JsonNode.DeepEquals(committed, current), "docs/openapi/v1.json is not the document the code serves: run ops/openapi and commit it");
    }

    [Fact]
    public async Task removing_or_renaming_a_field_or_an_endpoint_is_caught()
    {
        var current = await Current();
        Assert.Empty(OpenApiContract.Breaking(current, current));

        var schemas = current["components"]!["schemas"]!.AsObject();
        var (name, schema) = schemas.First(s => s.Value?["properties"]?.AsObject().Count > 1);
        var property = schema!["properties"]!.AsObject().First().Key;

        var removed = current.DeepClone();
        removed["components"]!["schemas"]![name]!["properties"]!.AsObject().Remove(property);
        Assert.Contains($"field removed or renamed: {name}.{property}", OpenApiContract.Breaking(current, removed));

        var renamed = removed.DeepClone();
        renamed["components"]!["schemas"]![name]!["properties"]!.AsObject()[property + "Renamed"] = schema["properties"]![property]!.DeepClone();
        Assert.Contains($"field removed or renamed: {name}.{property}", OpenApiContract.Breaking(current, renamed));

        var noEndpoint = current.DeepClone();
        noEndpoint["paths"]!.AsObject().Remove("/api/studios/{id}/activities");
        Assert.Contains("endpoint removed: /api/studios/{id}/activities", OpenApiContract.Breaking(current, noEndpoint));

        var added = current.DeepClone();
        added["components"]!["schemas"]![name]!["properties"]!.AsObject()["somethingNew"] = new JsonObject { ["type"] = "string" };
        Assert.Empty(OpenApiContract.Breaking(current, added));

        var bumped = removed.DeepClone();
        bumped["info"]!["version"] = $"{OpenApiContract.MajorOf(current) + 1}.0.0";
        Assert.Empty(OpenApiContract.Breaking(current, bumped));
    }

    [Fact]
    public async Task every_operation_documents_auth_idempotency_versions_and_problems()
    {
        var doc = await Current();
        var log = doc["paths"]!["/api/studios/{id}/activities"]!["post"]!;
        var headers = log["parameters"]!.AsArray().Where(p => p!["in"]!.GetValue<string>() == "header").Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Idempotency-Key", headers);
        Assert.Contains("If-Match", headers);
        foreach (var code in new[] { "400", "401", "403", "404", "409", "412", "413", "422" })
            Assert.NotNull(log["responses"]![code]?["content"]?["application/problem+json"]);
        Assert.NotNull(log["security"]);
        Assert.NotNull(doc["paths"]!["/api/studios/{id}"]!["get"]!["responses"]!["200"]!["headers"]!["ETag"]);
        // Anonymous: one empty requirement, "no token needed".
        Assert.Equal("[{}]", doc["paths"]!["/api/reference"]!["get"]!["security"]!.ToJsonString());
        foreach (var (path, operations) in doc["paths"]!.AsObject())
        foreach (var (method, operation) in operations!.AsObject())
            Assert.True(operation!["responses"]!.AsObject().Any(r => r.Key.StartsWith('2')), $"{method} {path} documents no success response");
    }

    /// <summary>
    /// A dissolved studio refuses every write to its stream (the shared write policy asks the decision state), so each
    /// operation that appends to a studio's stream lists <c>studio.dissolved</c> among its own 422 rules; an operation
    /// writing elsewhere (an activity's evaluations have their own stream) or reading does not.
    /// </summary>
    [Fact]
    public async Task every_studio_write_lists_the_dissolved_studio_among_its_rules()
    {
        var doc = await Current();
        var listing = new List<string>();
        var wrong = new List<string>();
        foreach (var (path, operations) in doc["paths"]!.AsObject())
        foreach (var (method, operation) in operations!.AsObject())
        {
            var rules = operation!["responses"]!["422"]?["x-rules"]?.AsArray().Select(r => r!["rule"]!.GetValue<string>()).ToList() ?? [];
            if (!rules.Contains("studio.dissolved")) continue;
            listing.Add($"{method} {path}");
            if (method == "get" || !path.StartsWith("/api/studios/{id}", StringComparison.Ordinal)) wrong.Add($"{method} {path}");
        }
        Assert.Empty(wrong);
        foreach (var write in new[]
                 {
                     "post /api/studios/{id}/activities", "post /api/studios/{id}/activities/{activityId}/corrections", "post /api/studios/{id}/members",
                     "put /api/studios/{id}/plans/{year}", "post /api/studios/{id}/plans/{year}/revision", "post /api/studios/{id}/tasks/{taskId}/revision",
                     "post /api/studios/{id}/tasks/{taskId}/close", "post /api/studios/{id}/outputs/{outputId}/revision", "post /api/studios/{id}/dissolution",
                 })
            Assert.Contains(write, listing);
        Assert.True(listing.Count > 40, $"only {listing.Count} operations list studio.dissolved");
        // An evaluation writes to a stream of its own, yet a dissolved studio's activity is not evaluated either.
        Assert.Contains("post /api/studios/{id}/activities/{activityId}/evaluations", listing);
    }
}
