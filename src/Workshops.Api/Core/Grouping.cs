namespace Workshops.Core;

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
