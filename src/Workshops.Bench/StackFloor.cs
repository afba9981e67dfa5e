using JasperFx.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Activities;
using Workshops.Core.Auth;

namespace Workshops.Bench;

/// <summary>
/// The stack floor: the least an append can cost on this stack. A minimal Wolverine endpoint, in a process of its own,
/// reads the same activity body, loads its stream for writing (a small inline document), and appends the same event with
/// Quick append in Wolverine's transaction; no token, no rules, no views. The real endpoint is measured against it.
/// </summary>
public static class StackFloor
{
    public const string Schema = "bench_floor";

    /// <summary>Serves POST /floor/{id} until the process is stopped.</summary>
    public static async Task Serve(string connection, string url)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.AddMarten(opts =>
            {
                Store(opts, connection);
                opts.AutoCreateSchemaObjects = JasperFx.AutoCreate.CreateOrUpdate;
            })
            .UseLightweightSessions()
            .IntegrateWithWolverine();
        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(StackFloor).Assembly;
            opts.Policies.AutoApplyTransactions();
        });
        builder.Services.AddWolverineHttp();
        builder.Services.ConfigureSystemTextJsonForWolverineOrMinimalApi(o => Json.StrictRequests(o.SerializerOptions));
        var app = builder.Build();
        app.MapWolverineEndpoints();
        await app.RunAsync();
    }

    public static void Store(StoreOptions opts, string connection)
    {
        opts.Connection(connection);
        opts.DatabaseSchemaName = Schema;
        opts.UseSystemTextJsonForSerialization(Weasel.Core.EnumStorage.AsString, Weasel.Core.Casing.CamelCase, Json.Shape);
        opts.Events.AppendMode = EventAppendMode.Quick;
        opts.Projections.UseIdentityMapForAggregates = true;
        opts.Projections.Add<FloorProjection>(ProjectionLifecycle.Inline);
    }

    /// <summary>Opens the streams the load writes to.</summary>
    public static async Task Open(string connection, IEnumerable<Guid> streams)
    {
        using var store = DocumentStore.For(opts =>
        {
            Store(opts, connection);
            opts.AutoCreateSchemaObjects = JasperFx.AutoCreate.CreateOrUpdate;
        });
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var session = store.LightweightSession();
        // A store reused from an earlier run (--reuse) has the floor's streams open already.
        var ids = streams.ToArray();
        var open = (await session.LoadManyAsync<FloorState>(ids)).Select(f => f.Id).ToHashSet();
        foreach (var id in ids.Where(i => !open.Contains(i))) session.Events.StartStream<FloorState>(id, new FloorOpened(id));
        await session.SaveChangesAsync();
    }
}

public sealed record FloorOpened(Guid Id);

/// <summary>The small inline document every floor append loads and updates.</summary>
public sealed record FloorState(Guid Id, int Appended);

public partial class FloorProjection : SingleStreamProjection<FloorState, Guid>
{
    public override FloorState? Evolve(FloorState? snapshot, Guid id, IEvent e) =>
        e.Data is FloorOpened ? new FloorState(id, 0) : snapshot! with { Appended = snapshot.Appended + 1 };
}

public static class FloorEndpoint
{
    private static readonly Actor By = new("host:floor", "坊主", Role.Host);

    [WolverinePost("/floor/{id}"), EmptyResponse]
    public static ActivityLogged Post(LogActivity command, [WriteAggregate("id")] FloorState state) =>
        new(Guid.CreateVersion7(), command.Facts(), By, DateTimeOffset.UtcNow);
}
