using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workshops.Core.Contract;

/// <summary>
/// The schemas of the OpenAPI document as the API reads and writes them:
/// <list type="bullet">
/// <item>every code list (an enumeration marked [Codes]) is a string schema with its codes in <c>enum</c>, their Chinese
/// labels in <c>x-enum-descriptions</c> (Scalar's table) and <c>x-ms-enum</c> (generators make real enumerations of it,
/// with the label as each member's doc);</item>
/// <item>text is typed as a string (our converter for stored text hides the type from the schema exporter);</item>
/// <item>decimals are numbers of format decimal, not double;</item>
/// <item>each member's declared limits (<see cref="Limits"/>) become maxLength, minItems/maxItems, minimum/maximum,
/// patterns and formats.</item>
/// </list>
/// </summary>
public static class SchemaShapes
{
    public static void Configure(OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        Shape(schema, context.JsonTypeInfo, context.JsonPropertyInfo);
        return Task.CompletedTask;
    });

    private static void Shape(OpenApiSchema schema, JsonTypeInfo info, JsonPropertyInfo? property)
    {
        var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
        var nullable = property is null ? info.Type != type : property.Set is null ? property.IsGetNullable : property.IsGetNullable || Limits.Nullable(property);
        if (IsCodes(type))
        {
            CodeList(schema, type);
            // A member that may hold no code (Requirement.role): null too, which the document's code-list pass turns into
            // oneOf [null, $ref]. The exporter cannot see the type through our code converter, so it does not say so itself.
            if (property is not null && (nullable || info.Type != type)) schema.Type |= JsonSchemaType.Null;
        }
        else if (type == typeof(string) && schema.Type is null && schema.Enum is not { Count: > 0 })
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        else if (type == typeof(decimal)) schema.Format = "decimal";

        // A list or map of codes: the exporter leaves out an element type it cannot see through our converter.
        if (info.Kind is JsonTypeInfoKind.Enumerable or JsonTypeInfoKind.Dictionary && info.ElementType is { } element)
        {
            var elementType = Nullable.GetUnderlyingType(element) ?? element;
            // Inline here; the document transformer points code lists at their one named schema.
            OpenApiSchema? typed = IsCodes(elementType) ? new OpenApiSchema()
                : elementType == typeof(string) ? new OpenApiSchema { Type = JsonSchemaType.String } : null;
            if (typed is not null && IsCodes(elementType)) CodeList(typed, elementType);
            if (typed is not null && info.Kind == JsonTypeInfoKind.Enumerable && (schema.Items is null || schema.Items is OpenApiSchema { Type: null, Enum: null or { Count: 0 } } && IsCodes(elementType)))
                schema.Items = typed;
            if (typed is not null && info.Kind == JsonTypeInfoKind.Dictionary && schema.AdditionalProperties is null or OpenApiSchema { Type: null })
                schema.AdditionalProperties = typed;
        }
        if (property is not null) Declared(schema, property);
        // A member's [Description] (FeedPage.next): the framework leaves it out of a member that may be absent.
        if (property?.AttributeProvider?.GetCustomAttributes(typeof(System.ComponentModel.DescriptionAttribute), true) is [System.ComponentModel.DescriptionAttribute said, ..])
            schema.Description ??= said.Description;
        // A computed member that may be null (OutsideCredit.decision, the latest decision if there is one): the framework
        // wraps a member whose type has a schema of its own as oneOf [null, $ref] only when its setter takes null, and a
        // computed member has no setter; marked here in the framework's own terms, so the document says it too.
        if (property is { Set: null, IsGetNullable: true } && info.Kind == JsonTypeInfoKind.Object && schema.Metadata?.ContainsKey(SchemaId) == true)
            schema.Metadata[NullableMember] = true;
    }

    // The framework's names (Microsoft.AspNetCore.OpenApi) for a schema's component name and a member it wraps as nullable.
    private const string SchemaId = "x-schema-id", NullableMember = "x-is-nullable-property";

    /// <summary>The member's limits, on the member's schema or, for one-value limits on a list or map, on each item.</summary>
    private static void Declared(OpenApiSchema schema, JsonPropertyInfo property)
    {
        if (Limits.Of<ItemsAttribute>(property) is { } items)
        {
            schema.MinItems = items.Min;
            schema.MaxItems = items.Max;
        }
        var one = schema.Items as OpenApiSchema ?? schema.AdditionalProperties as OpenApiSchema ?? schema;
        if (one != schema && (schema.Items ?? schema.AdditionalProperties) is not OpenApiSchema) return;
        var required = Limits.Required(property) && !Limits.Nullable(property);
        if (Limits.Of<TextAttribute>(property) is { } text)
        {
            one.MaxLength = text.Max;
            if (required || one != schema) one.MinLength = 1;
        }
        if (Limits.Of<LengthAttribute>(property) is { } length)
        {
            one.MinLength = length.Min;
            one.MaxLength = length.Max;
        }
        if (Limits.Of<IdAttribute>(property) is not null)
        {
            one.Pattern = IdAttribute.Pattern;
            one.MaxLength = IdAttribute.MaxLength;
        }
        if (Limits.Of<RegionCodeAttribute>(property) is not null) one.Pattern = RegionCodeAttribute.Pattern;
        if (Limits.Of<OneOfAttribute>(property) is { } oneOf) one.Enum = [.. oneOf.Allowed.Select(c => (JsonNode)JsonValue.Create(c))];
        if (Limits.Of<HttpUrlAttribute>(property) is not null)
        {
            one.Format = "uri";
            one.MaxLength = HttpUrlAttribute.MaxLength;
        }
        if (Limits.Of<BetweenAttribute>(property) is { } between)
        {
            var min = between.Min.ToString(CultureInfo.InvariantCulture);
            if (between.AboveMin) one.ExclusiveMinimum = min;
            else one.Minimum = min;
            if (between.Bounded) one.Maximum = between.Max.ToString(CultureInfo.InvariantCulture);
        }
    }

    public static bool IsCodes(Type type) => type.IsEnum && type.GetCustomAttribute<CodesAttribute>() is not null;

    /// <summary>The component name of a code list.</summary>
    public static string SchemaName(Type type) => type.Name;

    /// <summary>A code list as a string schema: its codes, and their Chinese labels for people and for generators.</summary>
    public static void CodeList(OpenApiSchema schema, Type type)
    {
        var codes = Codes.List(type);
        schema.Type = JsonSchemaType.String;
        schema.Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c.Code))];
        schema.Description = $"Code list `{Codes.NameOf(type)}` (GET /api/reference): " + string.Join("; ", codes.Select(c => $"`{c.Code}` {c.Label}"));
        schema.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        var labels = new JsonObject();
        foreach (var c in codes) labels[c.Code] = c.Label;
        schema.Extensions["x-enum-descriptions"] = new JsonNodeExtension(labels);
        schema.Extensions["x-ms-enum"] = new JsonNodeExtension(new JsonObject
        {
            ["name"] = SchemaName(type),
            ["modelAsString"] = false,
            ["values"] = new JsonArray([.. codes.Select(c => (JsonNode)new JsonObject { ["value"] = c.Code, ["description"] = c.Label })]),
        });
    }

    /// <summary>The code list a schema describes, from its x-ms-enum name.</summary>
    public static string? CodeListName(IOpenApiSchema? schema) =>
        schema is OpenApiSchema { Extensions: { } extensions } && extensions.TryGetValue("x-ms-enum", out var e) &&
        e is JsonNodeExtension { Node: JsonObject info } ? info["name"]?.GetValue<string>() : null;
}
