using System.Data.Common;
using JasperFx.Events;
using Marten;

namespace Workshops.Core;

/// <summary>
/// Events read straight off a reader and deserialized synchronously with the store's serializer: the one-pass rebuild
/// reads a million of them, and reads of the views read the few their projections have not folded yet.
/// </summary>
public sealed class EventRows(IDocumentStore store)
{
    /// <summary>The columns <see cref="Read"/> expects, in this order, from a query over mt_events aliased <paramref name="alias"/>.</summary>
    public static string Columns(string alias) =>
        $"{alias}.data, {alias}.type, {alias}.seq_id, {alias}.id, {alias}.stream_id, {alias}.version, {alias}.timestamp, {alias}.tenant_id";

    private readonly Marten.Events.EventGraph _graph = (Marten.Events.EventGraph)store.Options.Events;
    private readonly ISerializer _serializer = store.Options.Serializer();
    private readonly Dictionary<string, Marten.Events.EventMapping> _mappings = [];

    /// <summary>The event in the row, its <see cref="Columns"/> starting at <paramref name="first"/>.</summary>
    public IEvent Read(DbDataReader reader, int first = 0)
    {
        var name = reader.GetString(first + 1);
        if (!_mappings.TryGetValue(name, out var mapping))
        {
            mapping = _graph.AllKnownEventTypes().Where(t => t.EventTypeName == name).Select(t => _graph.EventMappingFor(t.EventType)).FirstOrDefault()
                      ?? throw new InvalidOperationException($"Event {reader.GetInt64(first + 2)} is of type '{name}', which is not registered.");
            _mappings[name] = mapping;
        }
        var e = mapping.Wrap(_serializer.FromJson(mapping.DocumentType, reader, first));
        e.Sequence = reader.GetInt64(first + 2);
        e.Id = reader.GetGuid(first + 3);
        e.StreamId = reader.GetGuid(first + 4);
        e.Version = reader.GetInt64(first + 5);
        e.Timestamp = reader.GetFieldValue<DateTimeOffset>(first + 6);
        e.TenantId = reader.GetString(first + 7);
        return e;
    }
}
