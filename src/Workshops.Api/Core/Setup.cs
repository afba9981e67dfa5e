using JasperFx;
using Microsoft.Extensions.DependencyInjection.Extensions;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Serilog;
using Serilog.Formatting.Compact;
using Weasel.Core;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Core;

/// <summary>Start-up wiring: each capability registers its own Marten settings beside it.</summary>
public static class Setup
{
    public const string Schema = "workshops";

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Host.UseSerilog((context, services, log) =>
        {
            log.ReadFrom.Configuration(context.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "Workshops");
            if (context.HostingEnvironment.IsDevelopment())
                log.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}");
            else
                log.WriteTo.Console(new RenderedCompactJsonFormatter());
        });
        return builder;
    }

    /// <summary>Request log levels: health probes are quiet, server failures are errors.</summary>
    public static Serilog.Events.LogEventLevel RequestLevel(HttpContext http, double elapsedMs, Exception? error) =>
        error is not null || http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
        : http.Request.Path.StartsWithSegments("/health") ? Serilog.Events.LogEventLevel.Verbose
        : Serilog.Events.LogEventLevel.Information;

    public static WebApplicationBuilder AddStore(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Marten")
            ?? throw new InvalidOperationException("ConnectionStrings:Marten is not configured (environment variable ConnectionStrings__Marten).");
        var dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "workshops" }.Build();
        builder.Services.AddSingleton(dataSource);
        builder.Services.TryAddSingleton(TimeProvider.System);

        builder.Services.AddMarten(opts =>
            {
                opts.DatabaseSchemaName = Schema;
                opts.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, Json.Shape);
                opts.Events.MetadataConfig.EnableAll();
                opts.Events.MetadataConfig.UserNameEnabled = true;
                opts.Events.AppendMode = EventAppendMode.Quick;
                opts.Projections.UseIdentityMapForAggregates = true;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                opts.AddStudios();
                Idempotency.AddSchema(opts);
            })
            .UseNpgsqlDataSource()
            .UseLightweightSessions()
            .IntegrateWithWolverine()
            .ApplyAllDatabaseChangesOnStartup();

        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(Setup).Assembly;
            opts.Policies.AutoApplyTransactions();
            opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Dynamic;
        });
        builder.Services.AddWolverineHttp();
        return builder;
    }

    public static WebApplicationBuilder AddHttpBasics(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureSystemTextJsonForWolverineOrMinimalApi(o => Json.StrictRequests(o.SerializerOptions));
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemShape.Customize);
        builder.Services.AddExceptionHandler<Failures>();
        builder.Services.AddOpenApi(o => OpenApiShape.Configure(o));
        builder.Services.AddHealthChecks()
            .AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: "postgresql", tags: ["ready"],
                timeout: TimeSpan.FromSeconds(3));
        return builder;
    }
}
