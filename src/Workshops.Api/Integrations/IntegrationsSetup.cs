using Microsoft.Extensions.DependencyInjection.Extensions;
using Marten;

namespace Workshops.Integrations;

public static class IntegrationsSetup
{
    public static StoreOptions AddIntegrations(this StoreOptions opts)
    {
        opts.Schema.For<WebhookSubscription>().Index(s => s.Owner);
        opts.Schema.For<WebhookDelivery>().Index(d => d.SubscriptionId);
        return opts;
    }

    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Webhooks").Get<WebhookOptions>() ?? new WebhookOptions();
        if (builder.Configuration["Webhooks:AllowPrivateNetworks"] is not null)
            throw new InvalidOperationException(
                "Webhooks:AllowPrivateNetworks is gone: allow loopback receivers with Webhooks:AllowLoopback and other networks by CIDR with Webhooks:AllowedNetworks.");
        // Development sends to receivers on this machine unless told otherwise; private ranges and metadata stay refused.
        if (builder.Environment.IsDevelopment() && builder.Configuration["Webhooks:AllowLoopback"] is null) options.AllowLoopback = true;
        foreach (var network in options.AllowedNetworks)
            if (!System.Net.IPNetwork.TryParse(network, out _))
                throw new InvalidOperationException($"Webhooks:AllowedNetworks: '{network}' is not a network in CIDR notation (e.g. 10.20.0.0/16).");
        builder.Services.AddSingleton(options);
        var xapi = builder.Configuration.GetSection("Xapi").Get<XapiOptions>() ?? new XapiOptions();
        xapi.PublicBaseUrl = PublicBaseUrl(builder);
        builder.Services.AddSingleton(xapi);
        builder.Services.TryAddSingleton<IWebhookResolver, DnsWebhookResolver>();
        builder.Services.AddSingleton<WebhookSender>();
        return builder;
    }

    /// <summary>
    /// Api:PublicBaseUrl, without a trailing slash: required outside Development (start-up fails without it);
    /// Development falls back to http://localhost:5000.
    /// </summary>
    private static string PublicBaseUrl(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Api:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (builder.Environment.IsDevelopment()) return "http://localhost:5000";
            throw new InvalidOperationException(
                "Api:PublicBaseUrl must be configured outside Development: the API's public address, e.g. https://workshops.example.edu.cn " +
                "(environment variable Api__PublicBaseUrl); xAPI statements are built from it, never from a request's Host header.");
        }
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0)
            throw new InvalidOperationException($"Api:PublicBaseUrl '{configured}' is not an absolute http(s) URL without a query.");
        return configured.TrimEnd('/');
    }
}
