using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Workshops.Core.Http;

/// <summary>
/// Gives every problem the same shape: a workshops type, the request path as instance, the correlation id,
/// and for unreadable JSON a per-field "errors" member naming the JSON path. No answer names a .NET type: the body
/// check (<see cref="BodyShape"/>) reads bodies first, and whatever still reaches here is rewritten in plain words.
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
            var errors = Missing(problem.Detail ?? "") is { Count: > 0 } missing
                ? missing.ToDictionary(m => m, _ => new[] { "is required" })
                : new[] { Split(problem.Detail ?? "") }.ToDictionary(e => e.Field, e => new[] { e.Message });
            problem.Type = Problems.TypeOf("validation");
            problem.Title = "The request is not valid";
            problem.Detail = string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}"));
            problem.Extensions.Remove("lineNumber");
            problem.Extensions.Remove("bytePositionInLine");
            problem.Extensions["errors"] = errors;
        }
        else if (problem.Status == StatusCodes.Status400BadRequest && Unparsed(problem.Detail ?? "") is { } unparsed)
        {
            // The framework names the parameter's .NET type ("int", "bool", "Guid"): say what to send instead.
            var errors = new Dictionary<string, string[]> { [unparsed.Parameter] = [unparsed.Message] };
            problem.Type = Problems.TypeOf("validation");
            problem.Title = "The request is not valid";
            problem.Detail = $"{unparsed.Parameter}: {unparsed.Message}";
            problem.Extensions.Remove("parameter");
            problem.Extensions["errors"] = errors;
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
        if (problem.Status == StatusCodes.Status415UnsupportedMediaType)
            problem.Detail ??= "The body is not JSON: send it with Content-Type: application/json.";
        problem.Title = Plain(problem.Title);
        problem.Detail = Plain(problem.Detail);
        if (problem is ValidationProblemDetails validation)
            foreach (var (field, messages) in validation.Errors) validation.Errors[field] = [.. messages.Select(m => Plain(m)!)];
    }

    /// <summary>The safety net: a .NET type name ("Workshops.Activities.LogActivity") in any answer becomes plain words.</summary>
    public static string? Plain(string? text) =>
        text is null ? null : TypeNamePattern().Replace(text, m => m.Value.StartsWith("type ", StringComparison.Ordinal) ? "the request" : "a value");

    /// <summary>
    /// "Query string parameter 'page' has the value 'x' which cannot be parsed to the expected type int" → ("page", "must be a
    /// whole number"); null for any other text.
    /// </summary>
    public static (string Parameter, string Message)? Unparsed(string detail)
    {
        var match = UnparsedPattern().Match(detail);
        if (!match.Success) return null;
        var type = match.Groups[3].Value.TrimEnd('?', '.');
        var value = match.Groups[2].Value;
        var message = type switch
        {
            // Digits that do not fit: the value is written right, it is too large (or too small) for the parameter.
            "int" or "Int32" when Digits(value) => $"is out of range: must be a whole number from {int.MinValue} to {int.MaxValue}",
            "long" or "Int64" when Digits(value) => $"is out of range: must be a whole number from {long.MinValue} to {long.MaxValue}",
            "short" when Digits(value) => $"is out of range: must be a whole number from {short.MinValue} to {short.MaxValue}",
            "int" or "long" or "short" or "Int32" or "Int64" => "must be a whole number, in digits",
            "decimal" or "double" or "float" => "must be a number",
            "bool" or "Boolean" => "must be true or false",
            "Guid" => "must be a UUID",
            "DateOnly" => "must be a date written YYYY-MM-DD",
            "DateTimeOffset" or "DateTime" => "must be an ISO 8601 timestamp",
            _ => "has the wrong form",
        };
        return (match.Groups[1].Value, message);
    }

    private static bool Digits(string value) =>
        value.TrimStart('-', '+') is { Length: > 0 } digits && digits.All(char.IsAsciiDigit) && value.LastIndexOfAny(['-', '+']) <= 0;

    /// <summary>"… missing required properties including: 'kind', 'title'." → [kind, title].</summary>
    public static IReadOnlyList<string> Missing(string detail)
    {
        var match = MissingPattern().Match(detail);
        return match.Success ? [.. QuotedPattern().Matches(match.Groups[1].Value).Select(m => m.Groups[1].Value)] : [];
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
        message = Plain(message)!;
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

    private static string Expected(Type? type) =>
        type is { IsEnum: true }
            ? $"is not one of the {Codes.NameOf(type)} codes; allowed: {string.Join(", ", Codes.List(type).Select(c => $"{c.Code} ({c.Label})"))}"
            : type is null ? "has the wrong type or shape" : BodyShape.Expected(type);

    [GeneratedRegex(@"\s*Path: (\S*)\s*(\|.*)?$", RegexOptions.Singleline)]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^The JSON value could not be converted to (\S+?)\.?$", RegexOptions.Singleline)]
    private static partial Regex ConvertPattern();

    [GeneratedRegex(@"missing required properties including: (.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingPattern();

    [GeneratedRegex(@"^Query string parameter '([^']+)' has the value '(.*)' which cannot be parsed to the expected type (\S+)$", RegexOptions.Singleline)]
    private static partial Regex UnparsedPattern();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex QuotedPattern();

    [GeneratedRegex(@"(type )?'?\b(Workshops|System|Microsoft|Wolverine|Marten|JasperFx|Npgsql|Weasel)(\.[A-Za-z_][A-Za-z0-9_`]*)+(\[[^\]]*\])?'?")]
    private static partial Regex TypeNamePattern();
}
