using JasperFx;
using Scalar.AspNetCore;
using Serilog;
using Wolverine.Http;
using Workshops;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Demo;
using Workshops.Projections;
using Workshops.Teachers;

var builder = WebApplication.CreateBuilder(args);
builder.AddObservability();
builder.AddWorkshopsAuth();
builder.AddTeacherAccess();
builder.AddStore(Features.Store);
builder.AddFeatures();
builder.AddHttpBasics();
builder.AddDemoData();
builder.AddRateLimits();

var app = builder.Build();

// Correlation and request logging sit outside the exception handler, so the logged status is the one the
// client got (a concurrency conflict is logged as 409, not as the exception's 500); whatever escapes them is a bare 500.
app.UseLastResort();
app.UseCorrelationIds();
// The request log goes to this host's logger, not the process-wide static one (which the last host started owns).
app.UseSerilogRequestLogging(o =>
{
    o.GetLevel = Setup.RequestLevel;
    o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
});
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBodyLimit();
app.UseRequestGuards();
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseBodyShape();
app.UseRouteIds();
app.UseIdempotencyKeys();

app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
// The page asks for the bearer token up front (it offered no scheme until one was picked), and sends the document to
// no outside service: no AI agent, no hosted client generator or deploy button.
app.MapScalarApiReference("/docs", o => o.WithTitle("Workshops API").AddPreferredSecuritySchemes("Bearer")
    .DisableAgent().HideClientButton().HideDeveloperTools()).AllowAnonymous();
app.MapDevTokens();
app.MapWolverineEndpoints(opts =>
{
    opts.RejectUnparseableQueryValues = true;
    Features.Map(opts, app.Configuration);
    // A database per province: every session of a request (and its outbox) opens on the request's province.
    if (app.Services.GetRequiredService<Tenants>().Separate)
        opts.TenantId.DetectWith(app.Services.GetRequiredService<RequestTenant>());
    opts.AddMiddleware(typeof(WriteAudit), chain => chain.HttpMethods.Any(Bodies.IsWrite));
});

// "rebuild": every projection rebuilt in one pass over the events, a maintenance step while no node runs.
if (args is ["rebuild"])
{
    var store = app.Services.GetRequiredService<Marten.IDocumentStore>();
    await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    var rebuilt = await Rebuilds.OnePass(store, CancellationToken.None);
    Console.WriteLine($"Rebuilt {string.Join(", ", rebuilt.Documents.Select(d => $"{d.Value} {d.Key} ({rebuilt.Writing[d.Key].TotalSeconds:N1} s)"))} " +
                      $"from {rebuilt.Events} events (through sequence {rebuilt.LastSequence}) in {rebuilt.Elapsed.TotalSeconds:N1} s " +
                      $"({rebuilt.Reading.TotalSeconds:N1} s reading and folding).");
    foreach (var line in rebuilt.CostLines()) Console.WriteLine(line);
    return 0;
}

// "served-in": the ministry's "served in" index re-derived from every province's events (a database per province only).
if (args is ["served-in"])
{
    var lines = await Workshops.Growth.ServedInIndex.Rebuild(app.Services.GetRequiredService<Marten.IDocumentStore>(),
        app.Services.GetRequiredService<Tenants>(), CancellationToken.None);
    Console.WriteLine(lines.Count == 0 ? "One database: there is no index to rebuild." : $"Served-in index: {string.Join(", ", lines.Select(l => $"{l.Key} {l.Value}"))} lines.");
    return 0;
}

// Plain start-up skips the command-line tool's assembly scan (half a second of cold start); "codegen write",
// "resources" and the other commands still run when named.
if (args.Length == 0)
{
    await app.RunAsync();
    return 0;
}
return await app.RunJasperFxCommands(args);

public partial class Program;
