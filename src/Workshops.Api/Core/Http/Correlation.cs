using System.Diagnostics;
using Serilog.Context;

namespace Workshops.Core.Http;

/// <summary>
/// Every request has a correlation id: the caller's X-Correlation-ID when it is sane, else a new one.
/// It is echoed in the response, pushed into every log line and stored on every appended event.
/// </summary>
public static class Correlation
{
    public const string Header = "X-Correlation-ID";
    private const string ItemKey = "workshops.correlation-id";

    public static string? Of(HttpContext http) => http.Items[ItemKey] as string;

    public static IApplicationBuilder UseCorrelationIds(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var given = http.Request.Headers[Header].ToString();
        var id = IsSane(given) ? given : Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        http.Items[ItemKey] = id;
        // Set when the response starts, so an answer rewritten by the exception handler (which clears headers)
        // still carries it.
        http.Response.OnStarting(() =>
        {
            http.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        using (LogContext.PushProperty("CorrelationId", id))
        {
            await next(http);
        }
    });

    private static bool IsSane(string value) =>
        value.Length is > 0 and <= 100 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
}
