using System.Text.Json.Nodes;

namespace Workshops.Tests.Support;

/// <summary>
/// Compares two OpenAPI documents for changes that break clients: a removed path or operation, a removed schema,
/// a removed or renamed property, a property whose type changed, or a request property that became required.
/// Additions are not breaking. A bump of the major version allows breaking changes.
/// </summary>
public static class OpenApiContract
{
    public static IReadOnlyList<string> Breaking(JsonNode before, JsonNode after)
    {
        var problems = new List<string>();
        var beforePaths = before["paths"]?.AsObject() ?? [];
        var afterPaths = after["paths"]?.AsObject() ?? [];
        foreach (var (path, operations) in beforePaths)
        {
            if (afterPaths[path] is not JsonObject now)
            {
                problems.Add($"endpoint removed: {path}");
                continue;
            }
            foreach (var (method, _) in operations!.AsObject())
                if (now[method] is null) problems.Add($"operation removed: {method.ToUpperInvariant()} {path}");
        }

        var beforeSchemas = before["components"]?["schemas"]?.AsObject() ?? [];
        var afterSchemas = after["components"]?["schemas"]?.AsObject() ?? [];
        foreach (var (name, schema) in beforeSchemas)
        {
            if (afterSchemas[name] is not JsonObject now)
            {
                problems.Add($"schema removed: {name}");
                continue;
            }
            var was = schema?["properties"]?.AsObject() ?? [];
            var props = now["properties"]?.AsObject() ?? [];
            foreach (var (property, definition) in was)
            {
                if (props[property] is not { } current) problems.Add($"field removed or renamed: {name}.{property}");
                else if (Type(definition) != Type(current)) problems.Add($"field type changed: {name}.{property} {Type(definition)} → {Type(current)}");
            }
            var required = (schema?["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).ToHashSet();
            foreach (var r in (now["required"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()))
                if (!required.Contains(r) && was[r] is null && props[r] is not null) problems.Add($"new required field: {name}.{r}");
        }
        return MajorOf(after) > MajorOf(before) ? [] : problems;
    }

    private static string Type(JsonNode? definition) =>
        definition?["$ref"]?.ToString() ?? definition?["type"]?.ToJsonString() ?? definition?["items"]?["$ref"]?.ToString() ?? "";

    public static int MajorOf(JsonNode doc) =>
        int.TryParse((doc["info"]?["version"]?.GetValue<string>() ?? "0").Split('.')[0], out var major) ? major : 0;

    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Workshops.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Workshops.sln not found above the test binaries.");
    }

    public static string CommittedPath => Path.Combine(Root(), "docs", "openapi", "v1.json");
}
