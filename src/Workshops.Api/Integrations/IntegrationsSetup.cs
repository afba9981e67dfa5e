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
        builder.Services.AddSingleton(builder.Configuration.GetSection("Xapi").Get<XapiOptions>() ?? new XapiOptions());
        builder.Services.TryAddSingleton<IWebhookResolver, DnsWebhookResolver>();
        builder.Services.AddSingleton<WebhookSender>();
        return builder;
    }
}
