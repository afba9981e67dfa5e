namespace Workshops.Core.Http;

/// <summary>
/// Checks every request's query and route values before anything reads them: a control character (NUL, C0, DEL, C1)
/// is never part of a code, an id or a search term, and PostgreSQL cannot store or compare NUL, so such a value is a
/// 400 naming the parameter, never a failure further in. The all-zero UUID is never the id of anything here (ids are
/// version 7 UUIDs, and the event store refuses an empty stream id), so a route naming it is a 404. A year, in a route
/// or a query, is one from <see cref="FirstYear"/> to <see cref="LastYear"/>: every distinct year is a view someone may
/// compute and keep, and -1 or 2147483647 is nobody's year.
/// </summary>
public static class RequestGuards
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>"must be a year from 2000 to 2100" when a year parameter holds anything else.</summary>
    public static string? Year(string? value) =>
        value is null || int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) &&
        year is >= FirstYear and <= LastYear
            ? null
            : $"must be a year from {FirstYear} to {LastYear}";

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

    /// <summary>The all-zero UUID when a route value is one.</summary>
    public static string? ZeroId(IEnumerable<string?> values) =>
        values.FirstOrDefault(v => Guid.TryParse(v, out var id) && id == Guid.Empty);

    public static IApplicationBuilder UseRequestGuards(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var values = http.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Concat(http.Request.RouteValues.Select(r => new KeyValuePair<string, string?>(r.Key, r.Value?.ToString())));
        var errors = ControlCharacters(values);
        if (errors.Count == 0 && Year(http.Request.RouteValues.GetValueOrDefault("year")?.ToString() ??
                                      (http.Request.Query.TryGetValue("year", out var query) ? query.ToString() : null)) is { } year)
            errors["year"] = [year];
        if (errors.Count > 0)
        {
            await http.WriteProblem(Problems.Invalid(errors));
            return;
        }
        if (ZeroId(http.Request.RouteValues.Select(r => r.Value?.ToString())) is { } zero)
        {
            await http.WriteProblem(Problems.NotFound($"Nothing has the id {zero}."));
            return;
        }
        await next(http);
    });
}
