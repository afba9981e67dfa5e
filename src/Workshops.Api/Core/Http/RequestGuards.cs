namespace Workshops.Core.Http;

/// <summary>
/// Checks every request's query and route values before anything reads them: a control character (NUL, C0, DEL, C1)
/// is never part of a code, an id or a search term, and PostgreSQL cannot store or compare NUL, so such a value is a
/// 400 naming the parameter, never a failure further in.
/// </summary>
public static class RequestGuards
{
    /// <summary>The parameters whose values hold a control character, as per-field errors.</summary>
    public static Dictionary<string, string[]> ControlCharacters(IEnumerable<KeyValuePair<string, string?>> values)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (name.Any(char.IsControl)) errors["query"] = ["parameter names must not contain control characters"];
            else if (value is not null && value.Any(char.IsControl)) errors[name] = ["must not contain control characters"];
        }
        return errors;
    }

    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var values = http.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Concat(http.Request.RouteValues.Select(r => new KeyValuePair<string, string?>(r.Key, r.Value?.ToString())));
        var errors = ControlCharacters(values);
        if (errors.Count > 0)
        {
            await http.WriteProblem(Problems.Invalid(errors));
            return;
        }
        await next(http);
    });
}
