using System.Net.Sockets;
using JasperFx;
using Marten.Exceptions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Workshops.Core.Http;

/// <summary>
/// The last line: exceptions become problem+json. A lost race is 409, an unreachable database 503;
/// anything else is our fault (500) and is logged with the correlation id.
/// </summary>
public sealed class Failures(ILogger<Failures> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = Classify(exception);
        if (problem.Status >= 500 && problem.Status != StatusCodes.Status503ServiceUnavailable)
            logger.LogError(exception, "Unhandled failure on {Method} {Path}", http.Request.Method, http.Request.Path);
        else
            logger.LogWarning("{Method} {Path} answered {Status}: {Reason}", http.Request.Method, http.Request.Path,
                problem.Status, exception.GetType().Name);
        if (http.Response.HasStarted) return false;
        http.Response.Clear();
        if (problem.Status == StatusCodes.Status503ServiceUnavailable) http.Response.Headers.RetryAfter = "5";
        // No answer carries the exception, in any environment: it is in the log under the correlation id.
        await http.WriteProblem(problem);
        return true;
    }

    public static ProblemDetails Classify(Exception exception)
    {
        var chain = Chain(exception).ToList();
        if (chain.Any(e => e is ConcurrencyException or ExistingStreamIdCollisionException
                                 || e.GetType().Name == "EventStreamUnexpectedMaxEventIdException"))
            return Problems.Conflict("concurrency", "A concurrent write to the same studio won the race; read it again and retry.");
        if (chain.OfType<PostgresException>().FirstOrDefault() is { SqlState: PostgresErrorCodes.UniqueViolation } unique)
        {
            return unique.TableName == Idempotency.Table
                ? Problems.Conflict("idempotency.in-progress", "A request with this Idempotency-Key is being processed; retry later.")
                : Problems.Conflict("concurrency", "A concurrent write created the same record first; read it again and retry.");
        }
        if (chain.OfType<TenantRefused>().FirstOrDefault() is { } refused)
            return refused.Problem();
        if (chain.Any(e => e is JasperFx.MultiTenancy.UnknownTenantIdException))
            return Problems.NotFound("No database serves this province (it is not in the tenant map).");
        if (chain.Any(e => e is BadHttpRequestException))
        {
            var bad = chain.OfType<BadHttpRequestException>().First();
            return new ProblemDetails
            {
                Type = Problems.TypeOf("bad-request"),
                Title = "Bad request",
                Status = bad.StatusCode,
                Detail = bad.Message,
            };
        }
        if (chain.Any(IsUnavailable))
            return new ProblemDetails
            {
                Type = Problems.TypeOf("database.unavailable"),
                Title = "Service unavailable",
                Status = StatusCodes.Status503ServiceUnavailable,
                Detail = "The database cannot be reached right now; nothing was changed. Retry shortly.",
            };
        return new ProblemDetails
        {
            Type = Problems.TypeOf("internal"),
            Title = "Internal error",
            Status = StatusCodes.Status500InternalServerError,
            Detail = "An unexpected error occurred; it has been logged with the correlation id.",
        };
    }

    private static bool IsUnavailable(Exception e) => e switch
    {
        SocketException or TimeoutException => true,
        NpgsqlException { InnerException: SocketException or TimeoutException or IOException } => true,
        // connection exceptions, and a province's database that is gone (renamed, dropped) or refusing connections
        PostgresException p => p.SqlState.StartsWith("08", StringComparison.Ordinal)
                               || p.SqlState == PostgresErrorCodes.InvalidCatalogName
                               || (p.SqlState == PostgresErrorCodes.ObjectNotInPrerequisiteState && p.MessageText.Contains("accepting connections", StringComparison.Ordinal))
                               || (p.SqlState == PostgresErrorCodes.InsufficientPrivilege && p.MessageText.Contains("CONNECT", StringComparison.Ordinal))
                               || p.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown
                                   or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections,
        NpgsqlException n => n.IsTransient,
        _ => false,
    };

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            yield return x;
            if (x is AggregateException agg)
                foreach (var inner in agg.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}

public static class LastResort
{
    /// <summary>
    /// Outside everything (correlation ids and request logging sit outside the exception handler): a failure that
    /// escapes them is logged and answered as a bare 500 problem — never the framework's developer page with its
    /// stack trace.
    /// </summary>
    public static IApplicationBuilder UseLastResort(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        try
        {
            await next(http);
        }
        catch (Exception e) when (!http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
        {
            http.RequestServices.GetRequiredService<ILogger<Failures>>().LogError(e, "Unhandled failure on {Method} {Path}", http.Request.Method, http.Request.Path);
            http.Response.Clear();
            await http.WriteProblem(Failures.Classify(e));
        }
    });
}
