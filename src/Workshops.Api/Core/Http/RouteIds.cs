using System.Reflection;
using System.Runtime.CompilerServices;
using Wolverine.Http;

namespace Workshops.Core.Http;

/// <summary>
/// A route value the endpoint reads as a UUID (a studio's or an activity's id) that is not one: a 400 naming the
/// parameter, where the framework would answer a bare 404 as though the route did not exist. Runs after authorization,
/// so a caller who may not call the endpoint still gets 401/403 first; unknown paths match no endpoint and stay 404. A
/// write whose body is wrong too gets both in the body check's one answer (<see cref="BodyShape"/>).
/// </summary>
public static class RouteIds
{
    public static IApplicationBuilder UseRouteIds(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (Errors(http) is { Count: > 0 } errors)
        {
            await http.WriteProblem(Problems.Invalid(errors));
            return;
        }
        await next(http);
    });

    /// <summary>The route values of the request's endpoint that should be UUIDs and are not, as per-field errors.</summary>
    public static Dictionary<string, string[]> Errors(HttpContext http)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (http.GetEndpoint() is not { } endpoint) return errors;
        foreach (var name in UuidsOf(endpoint))
            if (http.Request.RouteValues.TryGetValue(name, out var value) && value?.ToString() is { } text && !Guid.TryParse(text, out _))
                errors[name] = [$"must be a UUID (such as 0195f0c2-7b3a-7d4e-9a1b-2c3d4e5f6a7b); '{Shown(text)}' is not one"];
        return errors;
    }

    private static string Shown(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private static readonly ConditionalWeakTable<Endpoint, string[]> Found = new();

    /// <summary>The route parameters the endpoint's handler reads as UUIDs: its Guid parameters and the ids of the aggregates it loads.</summary>
    public static IReadOnlyList<string> UuidsOf(Endpoint endpoint) => Found.GetValue(endpoint, static e =>
    {
        if (e.Metadata.GetMetadata<HttpChain>() is not { } chain) return [];
        var names = new List<string>();
        foreach (var parameter in chain.Method.Method.GetParameters())
        {
            if (parameter.ParameterType == typeof(Guid) || parameter.ParameterType == typeof(Guid?)) names.Add(parameter.Name!);
            // [WriteAggregate("id")] StudioState: the stream id named in the attribute, when the aggregate's id is a UUID.
            else if (parameter.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name.EndsWith("AggregateAttribute", StringComparison.Ordinal)) is { } aggregate
                     && aggregate.ConstructorArguments.FirstOrDefault().Value is string route
                     && parameter.ParameterType.GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)?.PropertyType == typeof(Guid))
                names.Add(route);
        }
        var routed = e is RouteEndpoint r ? r.RoutePattern.Parameters.Select(p => p.Name) : [];
        return [.. routed.Where(p => names.Contains(p, StringComparer.OrdinalIgnoreCase))];
    });
}
