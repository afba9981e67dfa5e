using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Http;
using Workshops.Core.Contract;

namespace Workshops.Tests.Support;

/// <summary>The API's endpoints as the host maps them.</summary>
public static class Endpoints
{
    public static IEnumerable<RouteEndpoint> All(IAlbaHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true);

    public static string? Name(Endpoint e) =>
        e.Metadata.GetMetadata<WolverineHttpMethodAttribute>()?.Name ?? e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;

    /// <summary>Each operation's request body type, by operationId.</summary>
    public static IReadOnlyDictionary<string, Type> RequestTypes(IAlbaHost host) =>
        All(host).Where(e => Name(e) is not null && e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType is not null)
            .GroupBy(e => Contracts.OperationId(Name(e)!))
            .ToDictionary(g => g.Key, g => g.First().Metadata.GetMetadata<IAcceptsMetadata>()!.RequestType!);
}
