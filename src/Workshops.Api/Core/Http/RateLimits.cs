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
}

/// <summary>
/// Writes are rate limited per client (the token's subject; the remote address before authentication) with a
/// token bucket; reads are not. A refusal is 429 problem+json with Retry-After.
/// </summary>
public static class RateLimits
{
    public static WebApplicationBuilder AddWriteRateLimits(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
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
            limiter.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)after.TotalSeconds) : 1;
                context.HttpContext.Response.Headers.RetryAfter = retry.ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.WriteProblem(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Type = Problems.TypeOf("rate-limited"),
                    Title = "Too many requests",
                    Status = StatusCodes.Status429TooManyRequests,
                    Detail = $"This client may make {options.WritesPerSecond} writes a second (bursts of {options.Burst}); retry after {retry} s.",
                });
            };
        });
        return builder;
    }
}
