using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core.Auth;
using Workshops.Tests.Support;

namespace Workshops.Tests.Studios;

/// <summary>Every API endpoint names one policy; studio writes refuse a member of that very studio.</summary>
public sealed class every_endpoint_declares_its_policy(AppFixture fixture) : ApiTest(fixture)
{
    private IEnumerable<RouteEndpoint> ApiEndpoints() =>
        Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true);

    [Fact]
    public void each_api_endpoint_has_exactly_one_known_policy_or_is_explicitly_open()
    {
        var known = typeof(Policies).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetValue(null)!).ToHashSet();
        var endpoints = ApiEndpoints().ToList();
        Assert.NotEmpty(endpoints);
        foreach (var endpoint in endpoints)
        {
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(open ^ (policies.Count == 1), $"{endpoint.RoutePattern.RawText} must name one policy or allow anonymous");
            if (!open) Assert.Contains(policies[0]!, known);
        }
    }

    [Fact]
    public async Task a_member_is_forbidden_on_every_studio_write_but_the_three_they_contribute()
    {
        var id = await Host.EstablishStudio(School());
        var member = MemberOf(id);
        var writes = ApiEndpoints()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/studios/{id}", StringComparison.Ordinal))
            // Members add entries to their own growth file; growth_files tests cover who else is refused.
            .Where(e => !e.RoutePattern.RawText!.Contains("/growth/", StringComparison.Ordinal) || e.RoutePattern.RawText.EndsWith("expert-tier"))
            // Members who attended evaluate an activity; anonymous_evaluations covers who else is refused.
            .Where(e => !e.RoutePattern.RawText!.EndsWith("/evaluations", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Any(m => m is "POST" or "PUT"))
            // Members log activities, add reflections and draft outputs for their own studio (studio:contribute).
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().All(a => a.Policy != Policies.StudioContribute))
            .ToList();
        Assert.Equal(3, ApiEndpoints().Count(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Policies.StudioContribute)));
        Assert.NotEmpty(writes);
        foreach (var endpoint in writes)
        {
            var url = endpoint.RoutePattern.RawText!.Replace("{id}", id.ToString()).Replace("{teacherId}", "T1")
                .Replace("{year}", "2026").Replace("{taskId}", Guid.NewGuid().ToString())
                .Replace("{activityId}", Guid.NewGuid().ToString()).Replace("{outputId}", Guid.NewGuid().ToString());
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.First(m => m is "POST" or "PUT");
            var reply = await Host.Send(method, url, new { }, member);
            Assert.True(reply.Status == 403, $"{method} {url}: {reply}");
        }
    }
}
