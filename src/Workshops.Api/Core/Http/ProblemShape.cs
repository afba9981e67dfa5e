using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Workshops.Core.Http;

/// <summary>
/// Gives every problem the same shape: a workshops type, the request path as instance, the correlation id,
/// and for unreadable JSON a per-field "errors" member naming the JSON path.
/// </summary>
public static partial class ProblemShape
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        problem.Instance ??= http.Request.Path;
        if (Correlation.Of(http) is { } id) problem.Extensions["correlationId"] = id;

        if (problem.Status == StatusCodes.Status400BadRequest && problem.Title == "Invalid JSON format")
        {
            var (field, message) = Split(problem.Detail ?? "");
            problem.Type = Problems.TypeOf("validation");
            problem.Title = "The request is not valid";
            problem.Detail = $"{field}: {message}";
            problem.Extensions.Remove("lineNumber");
            problem.Extensions.Remove("bytePositionInLine");
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        }
        else if (problem.Type is null or "about:blank" || problem.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
        {
            problem.Type = Problems.TypeOf(problem.Status switch
            {
                400 => "bad-request",
                401 => "unauthenticated",
                403 => "forbidden",
                404 => "not-found",
                405 => "method-not-allowed",
                406 => "not-acceptable",
                409 => "conflict",
                412 => "if-match",
                413 => "body.too-large",
                415 => "unsupported-media-type",
                422 => "rule",
                429 => "rate-limited",
                503 => "unavailable",
                _ => "error",
            });
        }
    }

    /// <summary>"… Path: $.teacher.gender | LineNumber: 0 | …" → ("teacher.gender", "…").</summary>
    public static (string Field, string Message) Split(string detail)
    {
        var match = PathPattern().Match(detail);
        var field = match.Success ? match.Groups[1].Value.TrimStart('$').TrimStart('.') : "";
        var message = match.Success ? detail[..match.Index].Trim() : detail;
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            message = "has the wrong type or format";
        if (message.Length == 0) message = "is not valid JSON";
        return (field.Length == 0 ? "body" : field, message);
    }

    [GeneratedRegex(@"\s*Path: (\S*)\s*(\|.*)?$", RegexOptions.Singleline)]
    private static partial Regex PathPattern();
}
