using Marten;
using Marten.Pagination;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Integrations;

public sealed record Subscribe(string Url, IReadOnlyList<string> EventTypes, string Region, string Secret);

public sealed record WebhookCreated(Guid Id, WebhookView Webhook) : CreationResponse($"/api/webhooks/{Id}");

/// <summary>POST /api/webhooks — an integration client subscribes a URL to public event types of a region it covers.</summary>
public static class SubscribeEndpoint
{
    public static ProblemDetails Validate(Subscribe command, HttpContext http, WebhookOptions options)
    {
        var check = new Check()
            .Count(command.EventTypes, "eventTypes", 1, IntegrationTypes.All.Count)
            .When(command.Secret is null || command.Secret.Length is < 16 or > 200, "secret", "must be 16-200 characters")
            .When(!Region.IsScope(command.Region), "region", "must be a six-digit region code (000000 for national)");
        if (WebhookUrls.Problem(command.Url, options) is { } bad) check.Add("url", bad);
        foreach (var type in command.EventTypes ?? [])
            check.When(!IntegrationTypes.All.Contains(type), "eventTypes", $"'{type}' is not an event type; allowed: {string.Join(", ", IntegrationTypes.All)}");
        if (!check.Ok) return check.Result();
        var caller = Caller.From(http.User);
        return caller.CoversCode(command.Region)
            ? WolverineContinue.NoProblems
            : Problems.Forbidden($"The caller's region ({caller.Region ?? "none"}) does not cover {command.Region}.");
    }

    [WolverinePost("/api/webhooks", Name = "Subscribe"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    public static (WebhookCreated, IMartenOp) Post(Subscribe command, HttpContext http, TimeProvider clock)
    {
        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(), Url = command.Url, EventTypes = [.. command.EventTypes.Distinct()], Region = command.Region,
            Secret = command.Secret, Owner = Caller.From(http.User).Id, CreatedAt = clock.GetUtcNow(),
        };
        return (new WebhookCreated(subscription.Id, WebhookView.Of(subscription)), MartenOps.Insert(subscription));
    }
}

/// <summary>
/// GET /api/webhooks — the caller's subscriptions; GET /api/webhooks/{id}/deliveries?state= — attempts and outcomes;
/// POST /api/webhooks/{id}/deliveries/{deliveryId}/replay — send a dead (or any) delivery again.
/// </summary>
public static class WebhookDeliveriesEndpoint
{
    [WolverineGet("/api/webhooks", Name = "ListWebhooks"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    public static async Task<IReadOnlyList<WebhookView>> List(IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var owner = Caller.From(http.User).Id;
        var mine = await session.Query<WebhookSubscription>().Where(s => s.Owner == owner).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return [.. mine.Select(WebhookView.Of)];
    }

    [WolverineGet("/api/webhooks/{id}/deliveries", Name = "ListDeliveries"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    [ProducesResponseType<Page<WebhookDelivery>>(200)]
    public static async Task<IResult> Deliveries(Guid id, string? state, int? page, int? pageSize, IQuerySession session, HttpContext http,
        CancellationToken ct)
    {
        if (Paging.Check(page, pageSize) is { } bad) return Results.Problem(bad);
        if (await Owned(session, id, http, ct) is { } problem) return Results.Problem(problem);
        var query = session.Query<WebhookDelivery>().Where(d => d.SubscriptionId == id);
        if (state is not null) query = query.Where(d => d.State == state);
        var number = page ?? 1;
        var size = pageSize ?? 50;
        var list = await query.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToPagedListAsync(number, size, ct);
        return Results.Ok(new Page<WebhookDelivery>(list.ToList(), number, size, list.TotalItemCount));
    }

    private static async Task<ProblemDetails?> Owned(IQuerySession session, Guid id, HttpContext http, CancellationToken ct)
    {
        var subscription = await session.LoadAsync<WebhookSubscription>(id, ct);
        if (subscription is null) return Problems.NotFound($"No webhook {id}.");
        return subscription.Owner == Caller.From(http.User).Id ? null : Problems.Forbidden("The webhook belongs to another client.");
    }

    [WolverinePost("/api/webhooks/{id}/deliveries/{deliveryId}/replay", Name = "ReplayDelivery"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    public static async Task<IResult> Replay(Guid id, string deliveryId, IDocumentSession session, IMessageBus bus, HttpContext http,
        CancellationToken ct)
    {
        if (await Owned(session, id, http, ct) is { } problem) return Results.Problem(problem);
        var delivery = await session.LoadAsync<WebhookDelivery>(deliveryId, ct);
        if (delivery is null || delivery.SubscriptionId != id) return Results.Problem(Problems.NotFound($"No delivery {deliveryId}."));
        if (delivery.State == WebhookDelivery.Pending)
            return Results.Problem(Problems.Rule("delivery.pending", "The delivery is still being attempted."));
        session.Store(delivery with { State = WebhookDelivery.Pending, Attempts = [], NextAttemptAt = null, Replays = delivery.Replays + 1 });
        await bus.PublishAsync(new DeliverWebhook(delivery.Id));
        await session.SaveChangesAsync(ct);
        return Results.Accepted($"/api/webhooks/{id}/deliveries");
    }
}
