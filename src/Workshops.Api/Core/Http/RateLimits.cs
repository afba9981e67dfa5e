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
    /// Writes the node works on at once; more wait their turn in arrival order. On a busy node this keeps throughput
    /// at its best instead of letting many writes compete for the processor and the database (0: no bound).
    /// </summary>
    public int ConcurrentWrites { get; set; } = Math.Max(4, 2 * Environment.ProcessorCount);
    /// <summary>Writes that may wait for a turn; beyond that a write is refused with 429.</summary>
    public int WriteQueue { get; set; } = 1000;
}

/// <summary>
/// Writes are rate limited per client (the token's subject; the remote address before authentication) with a
/// token bucket, then bounded in how many run at once on the node; reads are not. A refusal is 429 problem+json
/// with Retry-After.
/// </summary>
public static class RateLimits
{
    public static WebApplicationBuilder AddWriteRateLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            var perClient = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                if (!Bodies.IsWrite(http.Request.Method)) return RateLimitPartition.GetNoLimiter("reads");
                var client = Caller.TryFrom(http.User)?.Id ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous";
                return RateLimitPartition.GetTokenBucketLimiter(client, _ => new TokenBucketRateLimiterOptions
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
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(perClient, atOnce);
            limiter.OnRejected = async (context, ct) =>
            {
                var limited = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after);
                var retry = limited ? Math.Max(1, (int)after.TotalSeconds) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.WriteProblem(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Type = Problems.TypeOf("rate-limited"),
                    Title = "Too many requests",
                    Status = StatusCodes.Status429TooManyRequests,
                    Detail = limited
                        ? $"This client may make {options.WritesPerSecond} writes a second (bursts of {options.Burst}); retry after {retry} s."
                        : $"This node has {options.WriteQueue} writes waiting; retry after {retry} s.",
                });
            };
        });
        return builder;
    }
}
