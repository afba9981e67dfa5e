using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Workshops.Core.Contract;

namespace Workshops.Core;

/// <summary>
/// The OpenAPI document: title and version, the bearer scheme on every protected operation, Idempotency-Key and
/// If-Match on writes, the ETag of a studio write's answer, and the problem+json answers each operation can give (one
/// Problem schema for all). The schemas and each operation's words, roles, rules and examples are shaped in
/// <see cref="SchemaShapes"/> and <see cref="OperationShapes"/>.
/// </summary>
public static class OpenApiShape
{
    /// <summary>The contract's version: bump the major part when a field or endpoint is removed or renamed.</summary>
    /// <remarks>
    /// 2.0.0: numbers are numbers (never "2"), unknown fields are refused, and the document became precise.
    /// 3.0.0: an output's revision takes the edit convention of activity corrections, <c>{"changes": {…only the changed
    /// fields}, "reason": …}</c>; the old whole-output body and its <c>note</c> are refused with a 400 naming where each field goes.
    /// 4.0.0: POST /api/studios establishes school-level studios; other levels come from an application's selection, or a
    /// reviewer of exactly that level registers one with a reason (422 <c>studio.level-by-selection</c> otherwise).
    /// Plans and tasks take the edit convention: a drafted plan is revised by POST …/plans/{year}/revision (PUT is
    /// the first draft only), a task by POST …/tasks/{taskId}/revision; a task's progress and closing take <c>reason</c>
    /// where they took <c>note</c> (the old name is refused with a 400 saying it was renamed); a studio's output list
    /// carries summaries (the body, links and history are in the record its <c>url</c> points to).
    /// 5.0.0: a studio's activity list carries summaries (<c>ActivityListing</c>: the attendees by name, how often corrected,
    /// the <c>url</c> of the record that holds the facts in full and the history); in every edit's <c>changes</c> a field
    /// sent as null clears an optional value (a list becomes empty) and is refused with a 400 for a required one, where
    /// null had meant "unchanged".
    /// 6.0.0: the studio list, the application list and the showcase's two lists carry summaries (<c>StudioListing</c>,
    /// <c>ApplicationListing</c>, <c>PublicOutputListing</c>, <c>PublicStudioListing</c>: codes with their labels, the host and
    /// coordinator by name, counts and standing, the <c>url</c> of the full record); a query with several bad parameters answers
    /// one 400 naming each of them (before, the first one found), and a bad parameter is told before the region's reach (403).
    /// The xAPI statements' <c>cursor</c> is a string (a number reads as before; a cursor across provinces is the feed's).
    /// 7.0.0: a body's own mistakes are 400s under their JSON paths, told with the rest of the body, where they were 422
    /// rules: an activity's and an attendee's hours out of range and a teacher listed twice (<c>activity.hours-range</c>,
    /// <c>attendance.hours-range</c>, <c>attendance.duplicate</c>), a case's category and length (<c>output.category-required</c>,
    /// <c>output.category-not-applicable</c>, <c>output.case-too-long</c>), a growth entry's date (<c>growth.date-in-future</c>,
    /// <c>growth.date-too-early</c>), a hearing's semester (<c>hearing.semester-mismatch</c>), an assessment dated before its year
    /// (<c>assessment.before-year</c>) and a new task's due day outside its year. An activity record names its attendees in
    /// <c>facts.attendees[].name</c> (and in a correction's <c>before</c>); <c>attendeeNames</c> and <c>beforeAttendeeNames</c>,
    /// which repeated them, are gone. The outputs of a year view and an annual report are tallied without <c>hours</c> (always 0).
    /// Recording a reflection answers 201 with its <c>reflectionId</c> and a <c>url</c> that reads it. Regions carry their
    /// division names beside the codes (<c>regionNames</c>).
    /// Also in 7.0.0: a feed page continues one way: its <c>next</c> is the address of the next page (absent at the end) and its
    /// <c>cursor</c> the opaque position to resume from; the fields <c>after</c>, <c>next</c> (a number), <c>nextSkip</c>,
    /// <c>highWaterMark</c> and <c>more</c> and the parameters <c>after</c> and <c>skip</c> are retired (sent, they answer a
    /// 400 saying so). The xAPI statements' <c>more</c> carries that same opaque cursor; a numeric cursor and <c>skip</c> are
    /// retired likewise. A field sent twice in a body is a 400 (it was read as its last value), and so is a fact dated after
    /// today (an activity, an output, a reflection, a hearing, an assessment: <c>activity.date-in-future</c>,
    /// <c>output.date-in-future</c>, <c>reflection.date-in-future</c>, <c>hearing.date-in-future</c> and
    /// <c>assessment.date-in-future</c> are gone; a roster change's or a term's effective day stays a 422 rule). A studio's lifecycle, its
    /// summary and the reviewers' checklist rows flag a term that ended without an assessment (<c>assessmentOverdue</c>).
    /// </remarks>
    public const string Version = "7.0.0";

    private static readonly (string Code, string Description)[] Problems =
    [
        ("400", "Malformed or invalid input; `errors` names each field."),
        ("401", "No valid bearer token."),
        ("403", "The caller's role or region does not cover the resource."),
        ("404", "Unknown resource."),
        ("409", "A concurrent write won the race, or the Idempotency-Key is in use."),
        ("412", "If-Match does not match the current version."),
        ("413", "The body is larger than 256 KiB."),
        ("415", "The body is not JSON: send it with Content-Type: application/json."),
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
                Description = "Event-sourced records of head-teacher workshop studios (班主任工作坊/工作室): roster, annual plan, task " +
                              "ledger, activities, growth files, outputs, standards checklists, reports and integrations.\n\n" +
                              "- Every enumeration is a stable ASCII code with a Chinese label (GET /api/reference); send the code.\n" +
                              "- Bearer tokens (JWT) carry a role, studios, a region and a teacher id; each operation says who may call it.\n" +
                              "- Writes take `If-Match` (412 when the studio changed) and `Idempotency-Key` (a retry answers the first answer).\n" +
                              "- Every refusal is `application/problem+json`: 400 lists every field with what is wrong under its JSON path; " +
                              "422 names the domain rule in `rule`.\n" +
                              "- Webhooks are signed: see the Integrations section for the signature and how to verify it.",
                License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
            };
            // Relative: the document is served by the API it describes, wherever that is.
            document.Servers = [new OpenApiServer { Url = "/", Description = "The server this document came from" }];
            document.Tags = new HashSet<OpenApiTag>(Contracts.Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
            CodeLists(document);
            // Wolverine's own problem type is replaced by Problem on every answer (below).
            document.Components?.Schemas?.Remove("ProblemDetails");
            // No operation answers "IResult" (OperationShapes drops those untyped answers): no schema is named after it.
            document.Components?.Schemas?.Remove("IResult");
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
                    ["correlationId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "Quote it when asking about this answer." },
                    ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's W3C trace id (traceparent form)." },
                    ["errors"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = "400: what is wrong, under each field's JSON path (`attendees[0].hours`), all at once.",
                        AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
                    },
                    ["codes"] = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Description = "400: for each field given an unknown code, the code list, its codes with their labels and, when the value " +
                                      "was a Chinese label, the code meant (`suggested`).",
                        AdditionalProperties = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["list"] = new OpenApiSchema { Type = JsonSchemaType.String },
                                ["allowed"] = new OpenApiSchema
                                {
                                    Type = JsonSchemaType.Array,
                                    Items = new OpenApiSchema
                                    {
                                        Type = JsonSchemaType.Object,
                                        Properties = new Dictionary<string, IOpenApiSchema>
                                        {
                                            ["code"] = new OpenApiSchema { Type = JsonSchemaType.String },
                                            ["label"] = new OpenApiSchema { Type = JsonSchemaType.String },
                                        },
                                    },
                                },
                                ["suggested"] = new OpenApiSchema { Type = JsonSchemaType.String },
                            },
                        },
                    },
                    ["currentVersion"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64", Description = "412: the studio's version now." },
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
            if (write) codes.AddRange(["409", "413"]);
            // A read can refuse by a rule too (a package's workbook before it is submitted): its capability declares it.
            var name = metadata.OfType<WolverineHttpMethodAttribute>().FirstOrDefault()?.Name ?? metadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
            if (write || Contracts.Operation(name)?.Rules is { Length: > 0 }) codes.Add("422");
            if (write && (stream || teacher)) codes.Add("412");
            if (operation.RequestBody is not null) codes.Add("415");
            foreach (var (code, description) in Problems.Where(p => codes.Contains(p.Code)))
            {
                operation.Responses[code] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [MediaTypes.Problem] = new() { Schema = new OpenApiSchemaReference("Problem", context.Document) },
                    },
                };
            }
            foreach (var (code, answer) in operation.Responses.Where(r => r.Key[0] is '4' or '5' && !codes.Contains(r.Key)).ToList())
                operation.Responses[code] = new OpenApiResponse
                {
                    Description = answer.Description,
                    Content = new Dictionary<string, OpenApiMediaType> { [MediaTypes.Problem] = new() { Schema = new OpenApiSchemaReference("Problem", context.Document) } },
                };
            if (stream && write)
                foreach (var (_, success) in operation.Responses.Where(r => r.Key is "200" or "201"))
                    if (success is OpenApiResponse written)
                    {
                        written.Headers ??= new Dictionary<string, IOpenApiHeader>();
                        written.Headers["ETag"] = new OpenApiHeader { Description = "The studio's new version, for the next If-Match.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                    }
            operation.Security = open
                ? [new OpenApiSecurityRequirement()]
                : [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] }];
            if (path == "/api/studios/{id}" && method == "GET" && operation.Responses.TryGetValue("200", out var ok) && ok is OpenApiResponse response)
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers["ETag"] = new OpenApiHeader { Description = "The studio stream's version and a digest of the view (\"version.digest\"): If-None-Match sees changes of the people's records too; If-Match on a write accepts it or the plain version.", Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            }
            return Task.CompletedTask;
        });
        // After the transformer above: these complete the responses it declares.
        SchemaShapes.Configure(options);
        OperationShapes.Configure(options);
        // Last: it walks the operations as the transformers above leave them.
        ResponseExamples.Configure(options);
    }

    /// <summary>
    /// Every code list is one named schema, and members that use one refer to it (a nullable member as
    /// <c>oneOf: [null, $ref]</c>), so generators make one enumeration of each.
    /// </summary>
    private static void CodeLists(OpenApiDocument document)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var type in Codes.All())
        {
            var schema = new OpenApiSchema();
            SchemaShapes.CodeList(schema, type);
            schemas[SchemaShapes.SchemaName(type)] = schema;
        }
        foreach (var (_, component) in schemas.ToList())
        {
            if (component is not OpenApiSchema { Properties: { } properties }) continue;
            foreach (var (name, property) in properties.ToList())
            {
                if (property is OpenApiSchema { Items: OpenApiSchema items } list && SchemaShapes.CodeListName(items) is { } itemList)
                    list.Items = new OpenApiSchemaReference(itemList, document);
                else if (property is OpenApiSchema { AdditionalProperties: OpenApiSchema values } map && SchemaShapes.CodeListName(values) is { } valueList)
                    map.AdditionalProperties = new OpenApiSchemaReference(valueList, document);
                else if (property is OpenApiSchema inline && SchemaShapes.CodeListName(inline) is { } codeList)
                {
                    IOpenApiSchema reference = new OpenApiSchemaReference(codeList, document);
                    properties[name] = inline.Type is { } t && t.HasFlag(JsonSchemaType.Null)
                        ? new OpenApiSchema { OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference] }
                        : reference;
                }
            }
        }
    }
}
