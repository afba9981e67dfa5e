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
        if (builder.Environment.IsDevelopment() && builder.Configuration["Webhooks:AllowPrivateNetworks"] is null)
            options.AllowPrivateNetworks = true;
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<WebhookSender>();
        return builder;
    }
}
