using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workshops.Core;

/// <summary>
/// The OpenAPI document: title and version, the bearer scheme on every protected operation, Idempotency-Key and
/// If-Match on writes, ETag on studio reads, and the problem+json answers each operation can give.
/// </summary>
public static class OpenApiShape
{
    /// <summary>The contract's version: bump the major part when a field or endpoint is removed or renamed.</summary>
    public const string Version = "1.0.0";

    private static readonly (string Code, string Description)[] Problems =
    [
        ("400", "Malformed or invalid input; `errors` names each field."),
        ("401", "No valid bearer token."),
        ("403", "The caller's role or region does not cover the resource."),
        ("404", "Unknown resource."),
        ("409", "A concurrent write won the race, or the Idempotency-Key is in use."),
        ("412", "If-Match does not match the current version."),
        ("413", "The body is larger than 256 KiB."),
        ("422", "A domain rule refused the command; `rule` names it."),
        ("429", "Too many requests from this client (writes, or reads by their cost), or too many waiting on this node; retry after the Retry-After seconds."),
        ("503", "The database is unreachable; nothing was changed."),
    ];

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Workshops API — 班主任工作坊/工作室",
                Version = Version,
                Description = "Event-sourced records of head-teacher workshop studios: roster, annual plan, task ledger, " +
                              "activities, growth files, outputs, standards checklists, reports and integrations. Every " +
                              "enumeration is a stable ASCII code with a Chinese label (GET /api/reference).",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Claims: role (host, member, school, reviewer, integration), studio (ids), region (code; 000000 is national), teacher.",
            };
            document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
            document.Components.Schemas["Problem"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "RFC 9457 problem details.",
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["rule"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The domain rule that refused a command (422)." },
                    ["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String },
                    ["errors"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                },
            };
            return Task.CompletedTask;
        });

        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var method = context.Description.HttpMethod ?? "GET";
            var path = "/" + (context.Description.RelativePath ?? "");
            var open = metadata.OfType<IAllowAnonymous>().Any();
            var write = method is "POST" or "PUT" or "PATCH" or "DELETE";
            var stream = path.StartsWith("/api/studios/{id}", StringComparison.Ordinal);
            var teacher = path.StartsWith("/api/teachers/{teacherId}", StringComparison.Ordinal);

            operation.Parameters ??= [];
            if (write)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = "Idempotency-Key", In = ParameterLocation.Header, Required = false,
                    Description = "A retry with the same key returns the first answer and changes nothing (1-100 printable ASCII characters).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 100 },
                });
                if (stream || teacher)
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = "If-Match", In = ParameterLocation.Header, Required = false,
                        Description = stream ? "The studio's version from its ETag; a mismatch answers 412."
                            : "The teacher record's version from its ETag; a mismatch answers 412.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                    });
            }

            operation.Responses ??= new OpenApiResponses();
            // A write that appends answers with the stream's new version, never an empty 204.
            if (metadata.OfType<Http.AppendsAttribute>().Any()) operation.Responses.Remove("204");
            var codes = new List<string> { "400", "404", "429", "503" };
            if (!open) codes.AddRange(["401", "403"]);
            if (write) codes.AddRange(["409", "413", "422"]);
            if (write && (stream || teacher)) codes.Add("412");
            foreach (var (code, description) in Problems.Where(p => codes.Contains(p.Code)))
            {
                if (operation.Responses.TryGetValue(code, out var existing) && existing.Content is { Count: > 0 }) continue;
                operation.Responses[code] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("Problem", context.Document) },
                    },
                };
            }
            if (stream && method == "GET" && operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["ETag"] = new OpenApiHeader { Description = "The studio stream's version and a digest of the view (\"version.digest\"): If-None-Match sees changes of the people's records too; If-Match on a write accepts it or the plain version.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            if (!open)
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] }];
            return Task.CompletedTask;
        });
    }
}
