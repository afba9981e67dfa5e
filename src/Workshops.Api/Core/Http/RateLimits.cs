using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Auth;

namespace Workshops.Core.Http;

public sealed class RateLimitOptions
{
    /// <summary>Writes a client may make per second, sustained.</summary>
    public int WritesPerSecond { get; set; } = 50;
    /// <summary>Writes a client may make in a burst.</summary>
    public int Burst { get; set; } = 200;
    /// <summary>
    /// Writes the node works on at once; more wait their turn in arrival order (0: no bound). Unset, it is
    /// <see cref="WritesAtOnce"/> of the node's cores and its connection pool.
    /// </summary>
    public int ConcurrentWrites { get; set; } = WritesAtOnce(Environment.ProcessorCount, DefaultPoolSize);

    /// <summary>Npgsql's Maximum Pool Size when the connection string names none.</summary>
    public const int DefaultPoolSize = 100;

    /// <summary>
    /// The default bound on writes at once: two per core, at least 4, and never more than half the connection pool.
    /// A write is processor bound in the API (measured: at 16 clients on two cores, a bound of 4 and of 16 gave the same
    /// throughput, 278 and 258 writes/s, and p99, 229 and 254 ms, so the bound is not what the p99 waits for), and the
    /// bound is what keeps an overloaded node serving in arrival order (before it, 64 clients waited 2.7 s at p99;
    /// with it, 0.76 s). Two per core lets each core compute one write while another waits for the database. Each
    /// write holds a pooled connection from its first read to its commit: capped at half the pool, writes waiting for
    /// a turn wait here, in order and with a 429 when the queue is full, not in the pool (where past its timeout a write
    /// fails), and the other half stays for reads, the projection daemon and the outbox.
    /// </summary>
    public static int WritesAtOnce(int cores, int poolSize) => Math.Max(1, Math.Min(Math.Max(4, 2 * cores), poolSize / 2));
    /// <summary>Writes that may wait for a turn; beyond that a write is refused with 429.</summary>
    public int WriteQueue { get; set; } = 1000;

    /// <summary>Read cost a client may spend per second, sustained (a plain read costs 1).</summary>
    public int ReadsPerSecond { get; set; } = 200;
    /// <summary>Read cost a client may spend in a burst.</summary>
    public int ReadBurst { get; set; } = 2000;
    /// <summary>What a CSV or XLSX export costs.</summary>
    public int ExportCost { get; set; } = 50;
    /// <summary>What a heavy read costs: as-of reads, the reviewers' region-wide tables and searches, the public showcase's lists, the dashboard, the honour list, xAPI.</summary>
    public int HeavyReadCost { get; set; } = 10;
    /// <summary>Heavy reads (exports included) the node works on at once; more wait their turn (0: no bound).</summary>
    public int ConcurrentHeavyReads { get; set; } = Math.Max(2, 2 * Environment.ProcessorCount);
    /// <summary>Heavy reads that may wait for a turn; beyond that a heavy read is refused with 429.</summary>
    public int HeavyReadQueue { get; set; } = 50;
}

/// <summary>
/// What a read costs its client, as a pure function of the request: an export (format=csv|xlsx, or asked for by the
/// Accept header) costs <see cref="RateLimitOptions.ExportCost"/>; a heavy read — an as-of read, a reviewers'
/// region-wide table or search, the dashboard, xAPI — <see cref="RateLimitOptions.HeavyReadCost"/>; any other read 1.
/// Writes and health probes are not reads (0).
/// </summary>
public static class ReadCosts
{
    public static int Of(HttpRequest request, RateLimitOptions options)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return 0;
        var path = request.Path;
        if (path.StartsWithSegments("/health")) return 0;
        if (IsExport(request)) return options.ExportCost;
        return IsHeavy(request) ? options.HeavyReadCost : 1;
    }

    public static bool IsExport(HttpRequest request)
    {
        var format = request.Query["format"].ToString();
        if (format.Length > 0) return format.Equals("csv", StringComparison.OrdinalIgnoreCase) || format.Equals("xlsx", StringComparison.OrdinalIgnoreCase);
        var accept = request.Headers.Accept.ToString();
        return accept.Contains("text/csv", StringComparison.OrdinalIgnoreCase) ||
               accept.Contains("spreadsheetml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads that fold history or span a region: the per-node bound on heavy reads applies (exports too).</summary>
    public static bool IsHeavy(HttpRequest request)
    {
        var path = request.Path;
        if (request.Query.ContainsKey("asOf") || path.StartsWithSegments("/api/xapi")) return true;
        // The public showcase's lists search every published output or profile, for anyone: heavy, keyed by address.
        if (path.StartsWithSegments("/api/showcase", out var shown)) return shown.Value is "/outputs" or "/studios";
        if (path.StartsWithSegments("/api/reviews", out var rest))
            return !(rest.Value?.StartsWith("/cases/", StringComparison.Ordinal) ?? false); // one case is one document
        return path.StartsWithSegments("/api/regions")
               && (path.Value!.EndsWith("/dashboard", StringComparison.Ordinal) || path.Value.EndsWith("/head-teacher-honours", StringComparison.Ordinal));
    }
}

/// <summary>A limiter that takes as many permits as a request costs.</summary>
internal sealed class Weighted(PartitionedRateLimiter<HttpContext> inner, Func<HttpContext, int> cost) : PartitionedRateLimiter<HttpContext>
{
    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => inner.GetStatistics(resource);

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        inner.AttemptAcquire(resource, permitCount * cost(resource));

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        inner.AcquireAsync(resource, permitCount * cost(resource), cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    protected override ValueTask DisposeAsyncCore() => inner.DisposeAsync();
}

/// <summary>
/// Writes are rate limited per client (the token's subject; the remote address before authentication) with a
/// token bucket, then bounded in how many run at once on the node. Reads are limited per client too, by cost
/// (<see cref="ReadCosts"/>: exports and heavy reads take more of the budget), and heavy reads are bounded in how many
/// run at once on the node. A refusal is 429 problem+json with Retry-After.
/// </summary>
public static class RateLimits
{
    /// <summary>The client a request counts against: the token's subject, else the remote address.</summary>
    private static string ClientOf(HttpContext http) =>
        Caller.TryFrom(http.User)?.Id ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous";

    /// <summary>The Maximum Pool Size of the connection string writes use (the single database's, or the ministry's).</summary>
    private static int PoolSize(IConfiguration configuration)
    {
        var tenants = Tenants.From(configuration);
        var connection = tenants.Separate ? tenants.ConnectionOf(Tenants.Ministry) : configuration.GetConnectionString("Marten");
        return connection is null ? RateLimitOptions.DefaultPoolSize : new Npgsql.NpgsqlConnectionStringBuilder(connection).MaxPoolSize;
    }

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("RateLimits");
        var options = section.Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (section[nameof(RateLimitOptions.ConcurrentWrites)] is null)
            options.ConcurrentWrites = RateLimitOptions.WritesAtOnce(Environment.ProcessorCount, PoolSize(builder.Configuration));
        builder.Services.AddRateLimiter(limiter =>
        {
            var perClient = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!Bodies.IsWrite(http.Request.Method)) return RateLimitPartition.GetNoLimiter("reads");
                return RateLimitPartition.GetTokenBucketLimiter(ClientOf(http), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.Burst,
                    TokensPerPeriod = options.WritesPerSecond,
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            var atOnce = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                !Bodies.IsWrite(http.Request.Method) || options.ConcurrentWrites <= 0
                    ? RateLimitPartition.GetNoLimiter("reads")
                    : RateLimitPartition.GetConcurrencyLimiter("writes", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = options.ConcurrentWrites,
                        QueueLimit = options.WriteQueue,
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }));
            var burst = Math.Max(1, options.ReadBurst);
            var readsPerClient = new Weighted(PartitionedRateLimiter.Create<HttpContext, string>(http =>
                ReadCosts.Of(http.Request, options) == 0
                    ? RateLimitPartition.GetNoLimiter("not-reads")
                    : RateLimitPartition.GetTokenBucketLimiter(ClientOf(http), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = burst,
                        TokensPerPeriod = Math.Max(1, options.ReadsPerSecond),
                        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                        QueueLimit = 0,
                        AutoReplenishment = true,
                    })),
                // A read never costs more than a whole burst, or it could never be made.
                http => Math.Clamp(ReadCosts.Of(http.Request, options), 1, burst));
            var heavyAtOnce = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                ReadCosts.Of(http.Request, options) == 0 || options.ConcurrentHeavyReads <= 0 ||
                !(ReadCosts.IsExport(http.Request) || ReadCosts.IsHeavy(http.Request))
                    ? RateLimitPartition.GetNoLimiter("light")
                    : RateLimitPartition.GetConcurrencyLimiter("heavy-reads", _ => new ConcurrencyLimiterOptions
                    {
                        PermitLimit = options.ConcurrentHeavyReads,
                        QueueLimit = Math.Max(0, options.HeavyReadQueue),
                        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                    }));
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(perClient, atOnce, readsPerClient, heavyAtOnce);
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var limited = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after);
                var retry = limited ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
                var write = Bodies.IsWrite(http.Request.Method);
                http.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                await http.WriteProblem(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Type = Problems.TypeOf("rate-limited"),
                    Title = "Too many requests",
                    Status = StatusCodes.Status429TooManyRequests,
                    Detail = (write, limited) switch
                    {
                        (true, true) => $"This client may make {options.WritesPerSecond} writes a second (bursts of {options.Burst}); retry after {retry} s.",
                        (true, false) => $"This node has {options.WriteQueue} writes waiting; retry after {retry} s.",
                        (false, true) => $"This client may spend {options.ReadsPerSecond} read units a second (bursts of {options.ReadBurst}; " +
                                         $"an export costs {options.ExportCost}, a heavy read {options.HeavyReadCost}, any other read 1); retry after {retry} s.",
                        (false, false) => $"This node has {options.HeavyReadQueue} heavy reads waiting; retry after {retry} s.",
                    },
                });
            };
        });
        return builder;
    }
}
