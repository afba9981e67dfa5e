using Marten;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core;
using Workshops.Studios;
using Workshops.Tests.Support;

namespace Workshops.Tests.Contract;

/// <summary>
/// Every type the store writes (documents, events) and every body an endpoint reads or declares has compiled JSON
/// contracts: nothing is described by reflection on a cold start. A new type missing from JsonContracts fails here.
/// </summary>
public sealed class json_contracts(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public void every_stored_and_wire_type_has_generated_json_contracts()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var ours = typeof(Studio).Assembly;
        var documents = store.Options.AllKnownDocumentTypes().Select(d => d.DocumentType);
        var events = ours.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IStudioEvent).IsAssignableFrom(t));
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true).ToList();
        var bodies = endpoints.SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>()).Select(a => a.RequestType)
            .Concat(endpoints.SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>()).Select(p => p.Type));
        var wanted = documents.Concat(events).Concat(bodies).OfType<Type>().Where(t => t.Assembly == ours).Distinct().ToList();
        Assert.True(wanted.Count > 60, $"only {wanted.Count} types found: the discovery above is broken");

        var missing = wanted.Where(t => JsonContracts.Default.GetTypeInfo(t) is null).Select(t => t.FullName).Order().ToList();
        Assert.True(missing.Count == 0, "Add to JsonContracts: " + string.Join(", ", missing));
    }
}
