using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workshops.Core.Contract;

/// <summary>
/// Real answers as examples: <c>Examples.json</c> holds what the API answered when a test (real_examples) built the demo
/// studio and its year through HTTP and called each operation, keyed by operationId and status (a CSV answer under
/// "200 text/csv"), and one refusal of each status. The test regenerates the file (UPDATE_OPENAPI=1) and otherwise fails
/// when an answer no longer matches what the code answers, so the examples stay true. Each success answer becomes its
/// response's example; each refusal is one shared example under components, referred to by every operation that declares it.
/// </summary>
public static class ResponseExamples
{
    public const string Resource = "Workshops.Examples.json";

    private static readonly Lazy<JsonNode> File = new(() =>
    {
        using var stream = typeof(ResponseExamples).Assembly.GetManifestResourceStream(Resource)
                           ?? throw new InvalidOperationException($"{Resource} is not embedded");
        return JsonNode.Parse(stream)!;
    });

    /// <summary>The example of an operation's answer by status ("200", or "200 text/csv" for the CSV form), if there is one.</summary>
    public static JsonNode? Of(string operationId, string status) => File.Value["operations"]?[operationId]?[status];

    /// <summary>The operations the example walk reached, by operationId.</summary>
    public static JsonObject Operations => File.Value["operations"]?.AsObject() ?? [];

    public static JsonObject Problems => File.Value["problems"]?.AsObject() ?? [];

    public static void Configure(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Components ??= new OpenApiComponents();
        var shared = document.Components.Examples ??= new Dictionary<string, IOpenApiExample>();
        foreach (var (status, problem) in Problems)
            shared[Name(status)] = new OpenApiExample { Summary = $"{status}: {problem?["title"]}", Value = problem?.DeepClone() };

        foreach (var path in document.Paths.Values)
        foreach (var operation in path.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
        {
            if (operation.OperationId is not { } id || operation.Responses is null) continue;
            foreach (var (status, found) in operation.Responses)
            {
                if (found is not OpenApiResponse response || response.Content is null) continue;
                if (response.Content.TryGetValue("application/json", out var json) && Of(id, status) is { } answer)
                    json.Example = answer.DeepClone();
                if (response.Content.TryGetValue(MediaTypes.Csv, out var csv) && Of(id, $"{status} {MediaTypes.Csv}") is { } rows)
                    csv.Example = rows.DeepClone();
                if (response.Content.TryGetValue(MediaTypes.Problem, out var problem) && Problems.ContainsKey(status))
                    problem.Examples = new Dictionary<string, IOpenApiExample> { [Name(status)] = new OpenApiExampleReference(Name(status), document) };
            }
        }
        return Task.CompletedTask;
    });

    private static string Name(string status) => $"problem-{status}";
}
