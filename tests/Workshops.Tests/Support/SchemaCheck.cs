using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workshops.Tests.Support;

/// <summary>
/// Whether a JSON value has the shape an OpenAPI 3.1 schema declares: type (with null), enum, required, properties,
/// additionalProperties (a member no schema declares is reported), items, pattern, maxLength, and $ref/oneOf/anyOf/allOf, with references into the document's
/// components. Enough to say an example is what its schema promises; not a full JSON Schema validator.
/// </summary>
public static class SchemaCheck
{
    public static IReadOnlyList<string> Problems(JsonNode? value, JsonNode schema, JsonNode document)
    {
        var problems = new List<string>();
        Check(value, schema, document, "$", problems);
        return problems;
    }

    private static void Check(JsonNode? value, JsonNode schema, JsonNode document, string at, List<string> problems)
    {
        if (schema["$ref"] is JsonValue reference)
        {
            var target = reference.GetValue<string>().TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate((JsonNode?)document, (node, part) => node?[part]);
            if (target is null) problems.Add($"{at}: {reference} is not in the document");
            else Check(value, target, document, at, problems);
        }
        foreach (var part in schema["allOf"]?.AsArray() ?? []) Check(value, part!, document, at, problems);
        foreach (var (keyword, exactlyOne) in new[] { ("oneOf", true), ("anyOf", false) })
        {
            if (schema[keyword] is not JsonArray options) continue;
            var fits = options.Count(o => Problems(value, o!, document).Count == 0);
            if (fits == 0 || (exactlyOne && fits > 1)) problems.Add($"{at}: fits {fits} of the {keyword} shapes");
        }

        if (schema["type"] is { } type)
        {
            var types = type is JsonArray many ? many.Select(t => t!.GetValue<string>()).ToList() : [type.GetValue<string>()];
            if (!types.Any(t => Is(value, t)))
            {
                problems.Add($"{at}: {Kind(value)} where the schema says {string.Join(" or ", types)}");
                return;
            }
        }
        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
            problems.Add($"{at}: {value?.ToJsonString()} is not one of the schema's values");

        switch (value)
        {
            case JsonObject o:
                foreach (var name in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                    if (!o.ContainsKey(name)) problems.Add($"{at}: required {name} is missing");
                var properties = schema["properties"] as JsonObject;
                foreach (var (name, member) in o)
                {
                    if (properties?[name] is { } declared) Check(member, declared, document, $"{at}.{name}", problems);
                    else if (schema["additionalProperties"] is JsonObject extra) Check(member, extra, document, $"{at}.{name}", problems);
                    // Undeclared members are allowed by JSON Schema, but an example shows only what the contract declares.
                    else if (properties is not null || schema["additionalProperties"] is JsonValue) problems.Add($"{at}.{name}: not declared");
                }
                break;
            case JsonArray a when schema["items"] is { } items:
                for (var i = 0; i < a.Count; i++) Check(a[i], items, document, $"{at}[{i}]", problems);
                break;
            case JsonValue s when s.GetValueKind() == JsonValueKind.String:
                var text = s.GetValue<string>();
                if (schema["pattern"] is JsonValue pattern && !Regex.IsMatch(text, pattern.GetValue<string>()))
                    problems.Add($"{at}: \"{text}\" does not match {pattern}");
                if (schema["maxLength"] is JsonValue max && text.Length > max.GetValue<int>())
                    problems.Add($"{at}: longer than {max}");
                break;
        }
    }

    private static bool Is(JsonNode? value, string type) => type switch
    {
        "null" => value is null,
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        "integer" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number
                     && decimal.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d),
        _ => true,
    };

    private static string Kind(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind().ToString().ToLowerInvariant(),
        _ => "a value",
    };
}
