using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.Core.Reflection;
using JasperFx.Events;
using Marten;
using Wolverine;
using Wolverine.Http;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Integrations;

/// <summary>The public events of one write that some subscription wants, by stream version: fanned out after the commit.</summary>
public sealed record ForwardEvents(Guid StudioId, IReadOnlyList<long> Versions);

/// <summary>
/// Every studio write reads the active subscriptions in the round trip that loads its stream and, before it commits,
/// queues one <see cref="ForwardEvents"/> message in its own transaction (Wolverine's outbox) when a subscription wants
/// any of its public events; with no subscriber nothing is written. A subscription created while a write is in flight
/// may miss that write (it read the subscriptions before); the feed (GET /api/feed) has every event.
/// </summary>
public static class WebhookForwarding
{
    public sealed class ActiveSubscriptions : QueryListPlan<WebhookSubscription>
    {
        public override IQueryable<WebhookSubscription> Query(IQuerySession session) => session.Query<WebhookSubscription>().Where(s => s.Active);
    }

    public static ActiveSubscriptions Subscriptions() => new();

    public static async Task Forward<T>(IEventStream<T> stream, IReadOnlyList<WebhookSubscription> subscriptions, IQuerySession session,
        IMessageContext bus, CancellationToken ct) where T : notnull
    {
        if (subscriptions.Count == 0 || stream.Events.Count == 0) return;
        if (await StudioIdentities.Of(session, stream.Id, ct) is not { } studio) return;
        var start = stream.StartingVersion ?? 0;
        var wanted = stream.Events
            .Select((e, i) => (Event: e, Version: start + i + 1))
            .Where(x => IntegrationEvents.From(x.Event, studio).Any(ie => subscriptions.Any(s => s.Wants(ie))))
            .Select(x => x.Version).ToList();
        if (wanted.Count > 0) await bus.PublishAsync(new ForwardEvents(stream.Id, wanted));
    }

    /// <summary>Adds the subscriptions' read and the forwarding to every endpoint marked <see cref="AppendsAttribute"/>.</summary>
    public sealed class Policy : IHttpPolicy
    {
        public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
        {
            foreach (var chain in chains.Where(c => c.Method.Method.HasAttribute<AppendsAttribute>()))
            {
                var stream = chain.Middleware.SelectMany(f => f.Creates).First(v => v.VariableType.Closes(typeof(IEventStream<>)));
                chain.Middleware.Add(new MethodCall(typeof(WebhookForwarding), nameof(Subscriptions)));
                var forward = typeof(WebhookForwarding).GetMethod(nameof(Forward))!.MakeGenericMethod(stream.VariableType.GetGenericArguments()[0]);
                var call = new MethodCall(typeof(WebhookForwarding), forward);
                call.Arguments[0] = stream;
                // Before the commit: the message is stored in the write's transaction.
                chain.Postprocessors.Insert(0, call);
            }
        }
    }
}
