using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workshops.Core;

/// <summary>The OpenAPI document: title, version and the bearer scheme every endpoint but the open ones needs.</summary>
public static class OpenApiShape
{
    public const string Version = "1.0.0";

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Workshops API — 班主任工作坊/工作室",
                Version = Version,
                Description = "Event-sourced records of head-teacher workshop studios: roster, annual plan, task ledger, " +
                              "activities, growth files, outputs, standards checklists and reports.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "Claims: role (host, member, school, reviewer, integration), studio (ids), region (code), teacher.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            return Task.CompletedTask;
        });
    }
}
