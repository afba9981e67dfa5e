using JasperFx;
using Microsoft.Extensions.DependencyInjection.Extensions;
using JasperFx.CodeGeneration;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.DataProtection;
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

namespace Workshops.Core;

/// <summary>
/// Start-up wiring of the platform: logging, the store and Wolverine, HTTP basics. What the store holds and which
/// policies the endpoints get is the composition root's (<c>Features</c>): each capability registers its own settings
/// beside it.
/// </summary>
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
                .Enrich.WithProperty("Application", "Workshops")
                .Enrich.With<NoSqlParameterValues>();
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

    /// <param name="store">The event store and every projection (see <see cref="Events"/>).</param>
    public static WebApplicationBuilder AddStore(this WebApplicationBuilder builder, Action<StoreOptions> store)
    {
        // One database per province when Tenancy:Tenants maps them (see Tenants); else the one database, as always.
        var tenants = Tenants.From(builder.Configuration);
        builder.Services.AddSingleton(tenants);
        var connectionString = tenants.Separate
            ? tenants.ConnectionOf(Tenants.Ministry)
            : builder.Configuration.GetConnectionString("Marten")
              ?? throw new InvalidOperationException("ConnectionStrings:Marten is not configured (environment variable ConnectionStrings__Marten).");
        var dataSource = DataSource(connectionString);
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddSingleton<TenantData>();
        builder.Services.AddSingleton<RequestTenant>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Operational switch: a node may leave the async projections to other nodes (Projections:Daemon = Disabled).
        // (Webhooks:Enabled = false switches the forwarding to webhooks off: see Program.cs.)
        var daemon = builder.Configuration.GetValue("Projections:Daemon", JasperFx.Events.Daemon.DaemonMode.HotCold);
        // Schema changes are applied at start-up unless a deployment step has done it ("resources setup") and
        // Database:ApplyChangesOnStartup = false: then start-up skips the schema comparison and creates nothing.
        var migrate = builder.Configuration.GetValue("Database:ApplyChangesOnStartup", true);
        var marten = builder.Services.AddMarten(opts =>
            {
                store(opts);
                if (tenants.Separate)
                    opts.MultiTenantedDatabases(map =>
                    {
                        foreach (var tenant in tenants.All) map.AddSingleTenantDatabase(tenants.ConnectionOf(tenant), tenant);
                    });
                if (!migrate) opts.AutoCreateSchemaObjects = AutoCreate.None;
            });
        // The shared data source (idempotency keys, kept views, health) is the single database's, or the ministry's.
        if (!tenants.Separate) marten.UseNpgsqlDataSource();
        marten.UseLightweightSessions()
            // Messages (webhook fan-out, deliveries) go through Wolverine's durable outbox in the transaction of the write:
            // with a database per province, each province's outbox is in its own database.
            .IntegrateWithWolverine(w =>
            {
                if (!tenants.Separate) return;
                // Nodes and agent assignments live in one coordination database; the projection shards of every
                // province's database are spread over the running nodes by Wolverine (no per-node async daemon).
                w.MainDatabaseConnectionString = tenants.Main;
                w.UseWolverineManagedEventSubscriptionDistribution = true;
            });
        if (migrate)
        {
            marten.ApplyAllDatabaseChangesOnStartup();
            // Hosted services start in order and the store's schema step puts itself first: go before it.
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService, SchemaUpgrades>());
        }
        if (!tenants.Separate && daemon != JasperFx.Events.Daemon.DaemonMode.Disabled) marten.AddAsyncDaemon(daemon);

        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(Setup).Assembly;
            opts.Policies.AutoApplyTransactions();
            opts.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            opts.Policies.UseDurableLocalQueues();
            // Deliveries are deduplicated by their own keys: a handled envelope is not kept for idempotency checks.
            opts.Durability.KeepAfterMessageHandling = TimeSpan.Zero;
            // Static: handlers pre-generated by "codegen write" and compiled in (ops/run, Docker) for a fast cold
            // start; Dynamic (default): generated at start-up, for development and tests.
            opts.CodeGeneration.TypeLoadMode = builder.Configuration.GetValue("Wolverine:TypeLoadMode", TypeLoadMode.Dynamic);
            if (!migrate) opts.AutoBuildMessageStorageOnStartup = AutoCreate.None;
            // How fast a dead node's projection shards move (Wolverine's defaults: 10 s checks, a node stale after 1 min).
            if (builder.Configuration.GetValue<TimeSpan?>("Wolverine:HealthCheckPollingTime") is { } poll) opts.Durability.HealthCheckPollingTime = poll;
            if (builder.Configuration.GetValue<TimeSpan?>("Wolverine:StaleNodeTimeout") is { } stale) opts.Durability.StaleNodeTimeout = stale;
            if (builder.Configuration.GetValue<TimeSpan?>("Wolverine:CheckAssignmentPeriod") is { } check) opts.Durability.CheckAssignmentPeriod = check;
        });
        builder.Services.AddWolverineHttp();
        return builder;
    }

    /// <summary>A pool of connections to one database.</summary>
    public static NpgsqlDataSource DataSource(string connectionString)
    {
        var npgsql = new NpgsqlDataSourceBuilder(connectionString) { Name = "workshops" };
        // A request opens and returns pooled connections several times (load, append, outbox); nothing here sets
        // session state, so the reset round trip (DISCARD ALL) on every return is skipped unless configured.
        if (!connectionString.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase))
            npgsql.ConnectionStringBuilder.NoResetOnClose = true;
        return npgsql.Build();
    }

    /// <summary>How events are stored: the schema, metadata, quick appends, aggregates kept in the identity map.</summary>
    public static void Events(StoreOptions opts)
    {
        opts.DatabaseSchemaName = Schema;
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.Events.AppendMode = EventAppendMode.Quick;
        opts.Projections.UseIdentityMapForAggregates = true;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        Idempotency.AddSchema(opts);
    }

    public static WebApplicationBuilder AddHttpBasics(this WebApplicationBuilder builder)
    {
        // Runtime:MinWorkerThreads raises the thread pool's floor of workers it starts without waiting (0: the runtime's
        // own, one per core). Measured by ops/bench; see docs/PERFORMANCE.md for the choice of default.
        if (builder.Configuration.GetValue("Runtime:MinWorkerThreads", 0) is > 0 and var workers)
        {
            ThreadPool.GetMinThreads(out _, out var io);
            ThreadPool.SetMinThreads(workers, io);
        }
        // Nothing here protects data with ASP.NET's key ring (bearer tokens are signed with Auth:SigningKey), so the
        // key ring lives in memory instead of being read from disk at start-up.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        foreach (var loader in builder.Services.Where(d => d.ImplementationType?.Name == "DataProtectionHostedService").ToList())
            builder.Services.Remove(loader);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemShape.Customize);
        builder.Services.AddExceptionHandler<Failures>();
        builder.Services.AddSingleton(builder.Configuration.GetSection("Exports").Get<Reports.ExportOptions>() ?? new Reports.ExportOptions());
        builder.Services.AddOpenApi(o => OpenApiShape.Configure(o));
        builder.Services.AddHealthChecks()
            .AddNpgSql(sp => sp.GetRequiredService<NpgsqlDataSource>(), name: "postgresql", tags: ["ready"],
                timeout: TimeSpan.FromSeconds(3));
        return builder;
    }
}

/// <summary>
/// Marten logs a failed command with the values of its parameters (its PARAMETERS property, at error level): under a
/// lost race that is the token's subject, the Idempotency-Key and the request's personal data. The values are dropped
/// from every log event before any sink sees it; the statement itself stays, with "{PARAMETERS}" where they were.
/// </summary>
public sealed class NoSqlParameterValues : Serilog.Core.ILogEventEnricher
{
    public const string Property = "PARAMETERS";

    public void Enrich(Serilog.Events.LogEvent logEvent, Serilog.Core.ILogEventPropertyFactory propertyFactory) =>
        logEvent.RemovePropertyIfPresent(Property);
}
