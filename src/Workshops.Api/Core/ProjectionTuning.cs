using JasperFx.Events.Projections;

namespace Workshops.Core;

/// <summary>
/// How the async daemon pages through events for every projection. Measured with ops/bench (rebuild of every
/// projection against streaming the events and COPYing as many rows): bigger pages, and a rebuild that keeps each
/// document in memory until many are dirty and then writes each once, instead of rewriting a busy document (a studio,
/// a teacher's year) after every page.
/// </summary>
public static class ProjectionTuning
{
    public static void Apply(AsyncOptions options)
    {
        options.BatchSize = 5_000;
        options.RebuildFlushThreshold = 20_000;
        options.CacheLimitPerTenant = 1_000;
    }
}

/// <summary>Groups events under the keys a projection's own function names (shared with <see cref="Rebuilds"/>).</summary>
public static class Grouping
{
    /// <summary>The event types of this application that implement <typeparamref name="T"/>.</summary>
    public static IEnumerable<Type> Implementing<T>() =>
        typeof(T).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(T).IsAssignableFrom(t));

    public static Func<TSession, IReadOnlyList<JasperFx.Events.IEvent>, JasperFx.Events.Grouping.IEventGrouping<TKey>, Task> By<TSession, TKey>(
        Func<JasperFx.Events.IEvent, IEnumerable<TKey>> keys) where TKey : notnull =>
        (_, events, grouping) =>
        {
            foreach (var e in events)
            foreach (var key in keys(e))
                grouping.AddEvent(key, e);
            return Task.CompletedTask;
        };
}
