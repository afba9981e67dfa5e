using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Wolverine.Http;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Core.Contract;

/// <summary>
/// Each operation of the OpenAPI document as integrators need it: a stable camelCase operationId from the endpoint's
/// name, the summary and description its capability writes (<see cref="ApiDocs"/>), who may call it (from the
/// authorization rules, in words and in <c>x-roles</c>), the rules its 422 can name (<c>x-rules</c>), a real request
/// example, the limits of its parameters, 429's Retry-After, the CSV and XLSX answers where <c>format</c> allows them,
/// and If-None-Match/304 on the views that are kept (<see cref="ViewMemo"/>).
/// </summary>
public static class OperationShapes
{
    private static readonly JsonSerializerOptions Example = new(Json.Wire) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static void Configure(OpenApiOptions options) => options.AddOperationTransformer(async (operation, context, _) =>
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var name = metadata.OfType<WolverineHttpMethodAttribute>().FirstOrDefault()?.Name
                   ?? metadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        var doc = Contracts.Operation(name);
        if (name is not null) operation.OperationId = Contracts.OperationId(name);
        operation.Summary = doc?.Summary ?? (name is null ? null : Words(name));
        var description = new List<string>();
        if (doc is not null) description.Add(doc.Description);

        var permits = await Who(metadata, context);
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        if (permits is null) description.Add("**Who may call it:** anyone, without a token.");
        else
        {
            description.Add("**Who may call it:** " + Permits.Line(permits) + ".");
            operation.Extensions["x-roles"] = new JsonNodeExtension(new JsonArray([.. permits.Select(p => (JsonNode)new JsonObject
            {
                ["role"] = p.Role.Code(), ["label"] = p.Role.Label(), ["scope"] = p.Scope,
            })]));
        }
        operation.Description = string.Join("\n\n", description);

        operation.Responses ??= new OpenApiResponses();
        // An endpoint returning IResult gets a 200 "IResult" from the framework: it says nothing; the endpoint declares its answers.
        foreach (var untyped in context.Description.SupportedResponseTypes.Where(r => r.Type == typeof(IResult)))
            operation.Responses.Remove(untyped.StatusCode.ToString(CultureInfo.InvariantCulture));
        if (operation.Responses.ContainsKey("200") || operation.Responses.ContainsKey("201")) operation.Responses.Remove("204");
        Rules(operation, doc, metadata.OfType<HttpChain>().FirstOrDefault());
        RetryAfter(operation);
        Parameters(operation, doc, context.Document);
        Formats(operation, metadata.OfType<HttpChain>().FirstOrDefault()?.Method.Method.GetCustomAttributes(typeof(FormatsAttribute), false)
            .OfType<FormatsAttribute>().FirstOrDefault()?.Formats ?? ["json", "csv", "xlsx"]);
        if (KeptView(metadata)) Kept(operation);
        if (doc?.Example is { } example && operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
            body.Example = JsonSerializer.SerializeToNode(example, example.GetType(), Example);
    });

    /// <summary>The roles the endpoint's policy lets in; null for an anonymous endpoint.</summary>
    private static async Task<IReadOnlyList<Permit>?> Who(IList<object> metadata, OpenApiOperationTransformerContext context)
    {
        if (metadata.OfType<IAllowAnonymous>().Any()) return null;
        var provider = context.ApplicationServices.GetRequiredService<IAuthorizationPolicyProvider>();
        var policyName = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        var policy = policyName is null ? await provider.GetFallbackPolicyAsync() : await provider.GetPolicyAsync(policyName);
        return policy is null ? [] : Permits.Of(policyName, policy, context.Description.RelativePath ?? "");
    }

    /// <summary>
    /// 422: the rules this operation can name, each with its meaning: those its capability declares, and those of a stream
    /// state that refuses every write (<see cref="IRefusesWrites"/>: a dissolved studio) when the operation appends to it.
    /// </summary>
    private static void Rules(OpenApiOperation operation, OperationDoc? doc, HttpChain? chain)
    {
        if (!operation.Responses!.TryGetValue("422", out var found) || found is not OpenApiResponse response) return;
        var state = chain?.Method.Method.GetCustomAttributes(typeof(AppendsAttribute), false).Length > 0
            ? chain.Method.Method.GetParameters().FirstOrDefault(p => p.GetCustomAttributes(typeof(Wolverine.Marten.WriteAggregateAttribute), false).Length > 0)
                ?.ParameterType
            : null;
        var rules = Contracts.RulesOf([.. doc?.Rules ?? [], .. IRefusesWrites.RulesOf(state)]);
        if (rules.Count == 0) return;
        response.Description = "A domain rule refused the command; `rule` names it:\n\n" +
                               string.Join("\n", rules.Select(r => $"- `{r.Rule}`: {r.Meaning}"));
        response.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        response.Extensions["x-rules"] = new JsonNodeExtension(new JsonArray([.. rules.Select(r => (JsonNode)new JsonObject
        {
            ["rule"] = r.Rule, ["meaning"] = r.Meaning, ["fix"] = r.Fix,
        })]));
    }

    private static void RetryAfter(OpenApiOperation operation)
    {
        if (!operation.Responses!.TryGetValue("429", out var found) || found is not OpenApiResponse response) return;
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["Retry-After"] = new OpenApiHeader
        {
            Description = "Seconds to wait before trying again.",
            Required = true,
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
        };
    }

    /// <summary>Route and query parameters: what they are and the limits the code enforces.</summary>
    private static void Parameters(OpenApiOperation operation, OperationDoc? operationDoc, OpenApiDocument? document)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In is not (ParameterLocation.Path or ParameterLocation.Query)) continue;
            var doc = operationDoc?.Parameters?.FirstOrDefault(p => p.Name == parameter.Name)
                      ?? Contracts.Parameters.GetValueOrDefault(parameter.Name ?? "");
            if (doc is null) continue;
            parameter.Description ??= doc.Description;
            // A code list: the one named schema, with its codes and their labels.
            if (doc.Codes is { } codes)
            {
                parameter.Schema = new OpenApiSchemaReference(SchemaShapes.SchemaName(codes), document);
                continue;
            }
            if (parameter.Schema is not OpenApiSchema schema) continue;
            if (doc.Values is { } values) schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            if (doc.MaxLength is { } length) schema.MaxLength = length;
            if (doc.Min is { } min) schema.Minimum = min.ToString(CultureInfo.InvariantCulture);
            if (doc.Max is { } max) schema.Maximum = max.ToString(CultureInfo.InvariantCulture);
            if (doc.Pattern is not null) schema.Pattern = doc.Pattern;
            if (doc.Format is not null) schema.Format = doc.Format;
        }
    }

    /// <summary>?format=json|csv|xlsx: the same 200 as CSV (UTF-8) or an XLSX workbook, a page of rows at a time.</summary>
    private static void Formats(OpenApiOperation operation, IReadOnlyList<string> formats)
    {
        var format = operation.Parameters?.OfType<OpenApiParameter>().FirstOrDefault(p => p.Name == "format" && p.In == ParameterLocation.Query);
        if (format is null) return;
        format.Description = formats.Count == 1
            ? "`json` only: any other value is refused (400)."
            : "`json` (the default)" + (formats.Contains("csv") ? ", `csv` (UTF-8 with a byte order mark)" : "") +
              (formats.Contains("xlsx") ? " or `xlsx`" : "") + "; other values are refused (400).";
        format.Schema = new OpenApiSchema
        {
            Type = JsonSchemaType.String, Enum = [.. formats.Select(f => (System.Text.Json.Nodes.JsonNode)JsonValue.Create(f))], Default = JsonValue.Create("json"),
        };
        if (formats.Count == 1 || !operation.Responses!.TryGetValue("200", out var found) || found is not OpenApiResponse ok) return;
        ok.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (formats.Contains("csv")) ok.Content[MediaTypes.Csv] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        if (formats.Contains("xlsx"))
            ok.Content[MediaTypes.Xlsx] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
        ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
        ok.Headers["X-Total-Count"] = new OpenApiHeader
        {
            Description = "CSV and XLSX: how many rows the whole table has (an export is a page of at most Exports:MaxRows rows).",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" },
        };
        ok.Headers["Link"] = new OpenApiHeader
        {
            Description = "CSV and XLSX: `<…page=n+1>; rel=\"next\"` when more rows follow.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        };
    }

    /// <summary>An endpoint whose answer is kept (it takes an <see cref="IKeepsAnswers"/>) answers If-None-Match with 304.</summary>
    public static bool KeptView(IEnumerable<object> metadata) =>
        metadata.OfType<HttpChain>().FirstOrDefault()?.Method.Method.GetParameters().Any(p => typeof(IKeepsAnswers).IsAssignableFrom(p.ParameterType)) == true;

    private static void Kept(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "If-None-Match", In = ParameterLocation.Header, Required = false,
            Description = "The ETag of an earlier answer: 304 with no body while it still holds. `Cache-Control: no-cache` computes afresh.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        var etag = new OpenApiHeader { Description = "The answer's version, for If-None-Match.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
        if (operation.Responses!.TryGetValue("200", out var found) && found is OpenApiResponse ok)
        {
            ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
            ok.Headers.TryAdd("ETag", etag);
        }
        operation.Responses["304"] = new OpenApiResponse
        {
            Description = "Not modified: the answer with the ETag in If-None-Match still holds.",
            Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = etag },
        };
    }

    /// <summary>"LogActivity" → "Log activity", for an operation its capability has not described.</summary>
    private static string Words(string name)
    {
        var words = Codes.Kebab(name).Replace('-', ' ');
        return char.ToUpperInvariant(words[0]) + words[1..];
    }
}

/// <summary>What keeps computed answers and serves them again (the views feature's memo); the contract adds If-None-Match/304 where it is used.</summary>
public interface IKeepsAnswers;
