using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Workshops.Core;

/// <summary>A domain rule refused a command: answered 422 (or 404 for an unknown sub-resource) with the rule's name.</summary>
public sealed record Refusal(string Rule, string Detail, int Status = StatusCodes.Status422UnprocessableEntity)
{
    public static Refusal Unknown(string rule, string detail) => new(rule, detail, StatusCodes.Status404NotFound);
}

/// <summary>RFC 9457 answers. Every refusal has a stable type and, for domain rules, a "rule" member.</summary>
public static class Problems
{
    public static string TypeOf(string code) => $"urn:problem:workshops:{code}";

    public static ProblemDetails Rule(Refusal refusal)
    {
        var problem = Rule(refusal.Rule, refusal.Detail);
        if (refusal.Status == StatusCodes.Status404NotFound)
        {
            problem.Status = refusal.Status;
            problem.Title = "Not found";
        }
        return problem;
    }

    public static ProblemDetails Rule(string rule, string detail) => new()
    {
        Type = TypeOf(rule),
        Title = "A domain rule refused the command",
        Status = StatusCodes.Status422UnprocessableEntity,
        Detail = detail,
        Extensions = { ["rule"] = rule },
    };

    public static ProblemDetails Invalid(IDictionary<string, string[]> errors) => new ValidationProblemDetails(errors)
    {
        Type = TypeOf("validation"),
        Title = "The request is not valid",
        Status = StatusCodes.Status400BadRequest,
        Detail = string.Join(" ", errors.SelectMany(e => e.Value.Select(m => Sentence($"{e.Key}: {m}")))),
    };

    /// <summary>One problem of several in <c>detail</c>, ended with a full stop so the next one does not run into it.</summary>
    private static string Sentence(string text) => text.EndsWith('.') || text.EndsWith('。') ? text : text + ".";

    public static ProblemDetails Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemDetails Forbidden(string detail) => new()
    {
        Type = TypeOf("forbidden"),
        Title = "Forbidden",
        Status = StatusCodes.Status403Forbidden,
        Detail = detail,
    };

    public static ProblemDetails NotFound(string detail) => new()
    {
        Type = TypeOf("not-found"),
        Title = "Not found",
        Status = StatusCodes.Status404NotFound,
        Detail = detail,
    };

    public static ProblemDetails PreconditionFailed(long current, string given) => new()
    {
        Type = TypeOf("if-match"),
        Title = "The resource has changed",
        Status = StatusCodes.Status412PreconditionFailed,
        Detail = $"If-Match {given} does not match the current version \"{current}\"; read it again and retry.",
        Extensions = { ["rule"] = "if-match", ["currentVersion"] = current },
    };

    public static ProblemDetails Conflict(string rule, string detail) => new()
    {
        Type = TypeOf(rule),
        Title = "Conflict",
        Status = StatusCodes.Status409Conflict,
        Detail = detail,
        Extensions = { ["rule"] = rule },
    };

    /// <summary>Writes a problem outside Wolverine's pipeline (middleware, auth, exception handling).</summary>
    public static Task WriteProblem(this HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return http.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }).AsTask();
    }

    public static ProblemDetails OrContinue(this Refusal? refusal) =>
        refusal is null ? WolverineContinue.NoProblems : Rule(refusal);
}

/// <summary>Input-shape checks of a request; collects per-field errors and answers 400 with all of them.</summary>
public sealed class Check
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly JsonObject _codes = [];

    public bool Ok => _errors.Count == 0;

    /// <summary>How many problems were found so far.</summary>
    public int Found => _errors.Sum(e => e.Value.Count);

    public Check Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public Check When(bool failed, string field, string message) => failed ? Add(field, message) : this;

    /// <summary>A value given (not null) that is none of <typeparamref name="T"/>'s codes.</summary>
    public Check Code<T>(string? value, string field) where T : struct, Enum =>
        value is null || Codes.TryParse<T>(value, out _) ? this : Code(typeof(T), value, field);

    /// <summary>
    /// An unknown code: the message lists every code with its label, and the answer's <c>codes</c> member holds the list
    /// and, for a Chinese label or a misspelt code, the code meant (<c>suggested</c>).
    /// </summary>
    public Check Code(Type type, string? given, string field)
    {
        var codes = Codes.List(type);
        var suggested = given is null ? null : Codes.Suggest(type, given);
        var allowed = string.Join(", ", codes.Select(c => $"{c.Code} ({c.Label})"));
        Add(field, (suggested is null ? $"is not one of the {Codes.NameOf(type)} codes" :
            $"is not one of the {Codes.NameOf(type)} codes; for \"{given}\" send \"{suggested.Code}\" ({suggested.Label})") + $"; allowed: {allowed}");
        var help = new JsonObject
        {
            ["list"] = Codes.NameOf(type),
            ["allowed"] = new JsonArray([.. codes.Select(c => (JsonNode)new JsonObject { ["code"] = c.Code, ["label"] = c.Label })]),
        };
        if (suggested is not null) help["suggested"] = suggested.Code;
        _codes[field] = help;
        return this;
    }

    /// <summary>
    /// A text code (not an enumeration) that is none of <paramref name="allowed"/>: the message and the answer's
    /// <c>codes</c> member list the allowed codes, as for enumerations; a code that differs only in case or by one
    /// letter is suggested.
    /// </summary>
    public Check OneOf(string list, IReadOnlyList<string> allowed, string? given, string field)
    {
        var suggested = given is null ? null
            : allowed.FirstOrDefault(c => string.Equals(c, given.Trim(), StringComparison.OrdinalIgnoreCase))
              ?? allowed.FirstOrDefault(c => OneEditApart(c, given.Trim().ToLowerInvariant()));
        Add(field, (suggested is null ? $"is not one of the {list}" : $"is not one of the {list}; for \"{given}\" send \"{suggested}\"")
                   + $"; allowed: {string.Join(", ", allowed)}");
        var help = new JsonObject
        {
            ["list"] = list,
            ["allowed"] = new JsonArray([.. allowed.Select(c => (JsonNode)new JsonObject { ["code"] = c })]),
        };
        if (suggested is not null) help["suggested"] = suggested;
        _codes[field] = help;
        return this;
    }

    /// <summary>One letter left out, added or changed ("activity.loged" for "activity.logged").</summary>
    private static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || a == b) return false;
        var i = 0;
        while (i < Math.Min(a.Length, b.Length) && a[i] == b[i]) i++;
        return a.Length == b.Length ? a[(i + 1)..] == b[(i + 1)..]
            : a.Length > b.Length ? a[(i + 1)..] == b[i..] : a[i..] == b[(i + 1)..];
    }

    /// <summary>The page asked (1 to <see cref="Http.Paging.MaxPage"/>) and its size (1 to <see cref="Http.Paging.MaxPageSize"/>).</summary>
    public Check Paging(int? page, int? pageSize) => this
        .When(page is < 1 or > Http.Paging.MaxPage, "page", $"must be between 1 and {Http.Paging.MaxPage}")
        .When(pageSize is < 1 or > Http.Paging.MaxPageSize, "pageSize", $"must be between 1 and {Http.Paging.MaxPageSize}");

    /// <summary>A region code given (not null) that is neither six digits nor 000000.</summary>
    public Check Region(string? value, string field) =>
        When(value is not null && !Core.Region.IsScope(value), field, "must be a six-digit region code");

    /// <summary>
    /// The fields of a 400 found by another check (a format, a day), added to this one so that one answer lists every
    /// problem; null (nothing wrong) adds nothing.
    /// </summary>
    public Check Also(ProblemDetails? problem)
    {
        if (problem is ValidationProblemDetails invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
                foreach (var message in messages) Add(field, message);
            if (invalid.Extensions.TryGetValue("codes", out var codes) && codes is JsonObject help)
                foreach (var (field, node) in help) _codes[field] = node?.DeepClone();
        }
        return this;
    }

    /// <summary>The earliest day a record or a growth file holds.</summary>
    public static readonly DateOnly EarliestDay = new(1950, 1, 1);

    /// <summary>Input shape of a day (a teacher's record, a growth file): not before 1950, not after today.</summary>
    public Check Day(DateOnly? day, string field, DateOnly today) =>
        When(day > today, field, "must not be in the future").When(day < EarliestDay, field, "must be in 1950 or later");

    /// <summary>Text length is counted in characters (Unicode scalar values), not bytes: seed 001 counts 字.</summary>
    public static int Length(string? text) => text is null ? 0 : text.EnumerateRunes().Count();

    public Check Text(string? value, string field, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return required ? Add(field, "is required") : this;
        }
        var length = Length(value);
        return length > max ? Add(field, $"is {length} characters; at most {max} are allowed") : this;
    }

    public Check Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "is required");
        if (value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            return Add(field, "must be 1-64 ASCII letters, digits, '-', '_' or '.'");
        }
        return this;
    }

    public Check Url(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return Add(field, "is required");
        if (value.Length > 2000 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) ||
            uri.Scheme is not ("http" or "https"))
        {
            return Add(field, "must be an absolute http(s) URL of at most 2000 characters");
        }
        return this;
    }

    public Check Count<T>(IReadOnlyCollection<T>? items, string field, int min, int max)
    {
        var n = items?.Count ?? 0;
        if (n < min) return Add(field, min == 1 ? "needs at least one item" : $"needs at least {min} items");
        return n > max ? Add(field, $"has {n} items; at most {max} are allowed") : this;
    }

    public ProblemDetails Result()
    {
        if (Ok) return WolverineContinue.NoProblems;
        var problem = Problems.Invalid(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        if (_codes.Count > 0) problem.Extensions["codes"] = _codes.DeepClone();
        return problem;
    }
}
