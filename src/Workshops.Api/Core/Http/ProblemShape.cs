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
        var converting = ConvertPattern().Match(message);
        if (converting.Success) message = Expected(MemberType(converting.Groups[1].Value, field));
        if (message.Length == 0) message = "is not valid JSON";
        return (field.Length == 0 ? "body" : field, message);
    }

    /// <summary>
    /// System.Text.Json names the type being built (often the record holding the member); the member's own type
    /// is found from the last segment of the JSON path.
    /// </summary>
    private static Type? MemberType(string typeName, string field)
    {
        var type = typeof(ProblemShape).Assembly.GetType(typeName) ?? Type.GetType(typeName);
        var member = field.Split('.').Last();
        var bracket = member.IndexOf('[');
        if (bracket >= 0) member = member[..bracket];
        var property = type?.GetProperties().FirstOrDefault(p => string.Equals(p.Name, member, StringComparison.OrdinalIgnoreCase));
        var found = property?.PropertyType ?? type;
        if (found is null) return null;
        found = Nullable.GetUnderlyingType(found) ?? found;
        if (found != typeof(string) && found.IsGenericType && found.GetGenericArguments() is [var element])
            found = Nullable.GetUnderlyingType(element) ?? element;
        if (found.IsArray) found = found.GetElementType();
        return found;
    }

    private static string Expected(Type? type)
    {
        if (type is { IsEnum: true })
            return $"is not a known {Codes.NameOf(type)} code; allowed: {string.Join(", ", Codes.List(type).Select(c => c.Code))}";
        if (type == typeof(string)) return "must be a string, without NUL characters or unpaired surrogates";
        if (type == typeof(DateOnly)) return "must be a date written YYYY-MM-DD";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "must be an ISO 8601 timestamp";
        if (type == typeof(Guid)) return "must be a UUID";
        if (type == typeof(bool)) return "must be true or false";
        if (type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(decimal))
            return "must be a number in range";
        return "has the wrong type or shape";
    }

    [GeneratedRegex(@"\s*Path: (\S*)\s*(\|.*)?$", RegexOptions.Singleline)]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^The JSON value could not be converted to (\S+?)\.?$", RegexOptions.Singleline)]
    private static partial Regex ConvertPattern();
}
