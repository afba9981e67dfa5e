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
using Workshops.Core.Contract;

namespace Workshops.Integrations;

/// <summary>A subscription asked for: the body check answers every problem of it in one 400 (event types against the list, the region against the division list).</summary>
public sealed record Subscribe(
    [HttpUrl] string Url,
    [Items(1, IntegrationTypes.Count), OneOf(typeof(IntegrationTypes), "event types")] IReadOnlyList<string> EventTypes,
    [RegionCode(Listed = true)] string Region,
    [Length(16, 200)] string Secret);

public sealed record WebhookCreated(Guid Id, WebhookView Webhook) : CreationResponse($"/api/webhooks/{Id}");

/// <summary>What changes in a subscription: pause or resume it, or its event types; fields left out stay as they are.</summary>
public sealed record UpdateWebhook(bool? Active = null,
    [Items(1, IntegrationTypes.Count), OneOf(typeof(IntegrationTypes), "event types")] IReadOnlyList<string>? EventTypes = null);

/// <summary>A new secret; the previous one keeps signing too for <c>overlapMinutes</c> (a day unless given; at most a week).</summary>
public sealed record RotateWebhookSecret([Length(16, 200)] string Secret, [Between(0, WebhookRotation.MaxOverlapMinutes)] int? OverlapMinutes = null);

public static class WebhookRotation
{
    public const int DefaultOverlapMinutes = 24 * 60;
    public const int MaxOverlapMinutes = 7 * 24 * 60;
}

public static class WebhookInput
{
    /// <summary>The caller's own subscription, or the problem: 404 when there is none, 403 when it is another client's.</summary>
    public static async Task<(WebhookSubscription? Found, ProblemDetails? Problem)> Owned(IQuerySession session, Guid id, HttpContext http, CancellationToken ct)
    {
        var subscription = await session.LoadAsync<WebhookSubscription>(id, ct);
        if (subscription is null) return (null, Problems.NotFound($"No webhook {id}."));
        var caller = Caller.From(http.User);
        return subscription.Owner == caller.Id
            ? (subscription, null)
            : (null, Problems.Forbidden($"This needs the integration client that subscribed webhook {id}; the caller is {caller.Id}."));
    }
}

/// <summary>POST /api/webhooks — an integration client subscribes a URL to public event types of a region it covers.</summary>
public static class SubscribeEndpoint
{
    // The body's shape, event types and region code are checked before this (Core/Http/BodyShape), all in one 400;
    // what is left needs the options (the receiver's network) or the caller (the region it covers).
    public static ProblemDetails Validate(Subscribe command, HttpContext http, WebhookOptions options)
    {
        if (WebhookUrls.Problem(command.Url, options) is { } bad) return Problems.Invalid("url", bad);
        var caller = Caller.From(http.User);
        return caller.CoversCode(command.Region)
            ? WolverineContinue.NoProblems
            : Problems.Forbidden(Permits.RegionRefused(caller, command.Region));
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
        return (new WebhookCreated(subscription.Id, WebhookView.Of(subscription, clock.GetUtcNow())), MartenOps.Insert(subscription));
    }
}

/// <summary>GET /api/webhooks/{id} — one subscription; DELETE — remove it (deliveries not yet made are not sent).</summary>
public static class WebhookEndpoint
{
    [WolverineGet("/api/webhooks/{id}", Name = "GetWebhook"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    [ProducesResponseType<WebhookView>(200)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var (found, problem) = await WebhookInput.Owned(session, id, http, ct);
        return problem is not null ? Results.Problem(problem) : Results.Ok(WebhookView.Of(found!, clock.GetUtcNow()));
    }

    [WolverineDelete("/api/webhooks/{id}", Name = "DeleteWebhook"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    [ProducesResponseType(204)]
    public static async Task<IResult> Delete(Guid id, IDocumentSession session, HttpContext http, CancellationToken ct)
    {
        var (found, problem) = await WebhookInput.Owned(session, id, http, ct);
        if (problem is not null) return Results.Problem(problem);
        session.Delete(found!);
        await session.SaveChangesAsync(ct);
        return Results.NoContent();
    }
}

/// <summary>PATCH /api/webhooks/{id} — pause or resume a subscription, or change its event types.</summary>
public static class UpdateWebhookEndpoint
{
    [WolverinePatch("/api/webhooks/{id}", Name = "UpdateWebhook"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    [ProducesResponseType<WebhookView>(200)]
    public static async Task<IResult> Patch(Guid id, UpdateWebhook command, IDocumentSession session, HttpContext http, TimeProvider clock,
        CancellationToken ct)
    {
        var (found, problem) = await WebhookInput.Owned(session, id, http, ct);
        if (problem is not null) return Results.Problem(problem);
        var changed = found! with
        {
            Active = command.Active ?? found.Active,
            EventTypes = command.EventTypes is { } types ? [.. types.Distinct()] : found.EventTypes,
        };
        session.Store(changed);
        await session.SaveChangesAsync(ct);
        return Results.Ok(WebhookView.Of(changed, clock.GetUtcNow()));
    }
}

/// <summary>
/// POST /api/webhooks/{id}/secret — rotate the signing secret: deliveries are signed with the new secret and, for the
/// overlap, with the previous one too, so a receiver can switch over without losing a delivery.
/// </summary>
public static class RotateWebhookSecretEndpoint
{
    [WolverinePost("/api/webhooks/{id}/secret", Name = "RotateWebhookSecret"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    [ProducesResponseType<WebhookView>(200)]
    public static async Task<IResult> Post(Guid id, RotateWebhookSecret command, IDocumentSession session, HttpContext http, TimeProvider clock,
        CancellationToken ct)
    {
        var (found, problem) = await WebhookInput.Owned(session, id, http, ct);
        if (problem is not null) return Results.Problem(problem);
        var now = clock.GetUtcNow();
        var overlap = TimeSpan.FromMinutes(command.OverlapMinutes ?? WebhookRotation.DefaultOverlapMinutes);
        var rotated = found! with { Secret = command.Secret, PreviousSecret = found.Secret, PreviousSecretUntil = now + overlap };
        session.Store(rotated);
        await session.SaveChangesAsync(ct);
        return Results.Ok(WebhookView.Of(rotated, now));
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
    public static async Task<IReadOnlyList<WebhookView>> List(IQuerySession session, HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var owner = Caller.From(http.User).Id;
        var mine = await session.Query<WebhookSubscription>().Where(s => s.Owner == owner).OrderBy(s => s.CreatedAt).ToListAsync(ct);
        return [.. mine.Select(s => WebhookView.Of(s, clock.GetUtcNow()))];
    }

    [WolverineGet("/api/webhooks/{id}/deliveries", Name = "ListDeliveries"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    [ProducesResponseType<Page<WebhookDelivery>>(200)]
    public static async Task<IResult> Deliveries(Guid id, string? state, int? page, int? pageSize, IQuerySession session, HttpContext http,
        CancellationToken ct)
    {
        var check = new Check().Paging(page, pageSize)
            .When(state is not null && !WebhookDelivery.States.Contains(state), "state", $"is not a delivery state; allowed: {string.Join(", ", WebhookDelivery.States)}");
        if (!check.Ok) return Results.Problem(check.Result());
        if ((await WebhookInput.Owned(session, id, http, ct)).Problem is { } problem) return Results.Problem(problem);
        var query = session.Query<WebhookDelivery>().Where(d => d.SubscriptionId == id);
        if (state is not null) query = query.Where(d => d.State == state);
        var number = page ?? 1;
        var size = pageSize ?? 50;
        var list = await query.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToPagedListAsync(number, size, ct);
        return Results.Ok(new Page<WebhookDelivery>(list.ToList(), number, size, list.TotalItemCount));
    }

    [WolverinePost("/api/webhooks/{id}/deliveries/{deliveryId}/replay", Name = "ReplayDelivery"), Authorize(Policy = Policies.Integration)]
    [Tags("Integrations")]
    [ProducesResponseType(202)]
    public static async Task<IResult> Replay(Guid id, string deliveryId, IDocumentSession session, IMessageBus bus, HttpContext http,
        CancellationToken ct)
    {
        if ((await WebhookInput.Owned(session, id, http, ct)).Problem is { } problem) return Results.Problem(problem);
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
