using Workshops.Core;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace Workshops.Activities;

/// <summary>
/// One activity as stored: what lists filter and sort on, who attended for how long (the 24-hours-a-day rule), the
/// title and tasks the ledger links, whether it was voided, and the stream versions of its events. Kept inline (a small
/// insert when an activity is logged), so lists, the ledger and the rules see every write at once. The activity in
/// full, facts and history, is folded from its events when it is served (<see cref="ActivityRecords"/>): the events
/// are not stored twice.
/// </summary>
public sealed record ActivityEntry
{
    public Guid Id { get; init; }
    public Guid StudioId { get; init; }
    public int Year { get; init; }
    public DateOnly Date { get; init; }
    public string KindCode { get; init; } = "";
    public IReadOnlyList<string> DomainCodes { get; init; } = [];
    public string Title { get; init; } = "";
    public IReadOnlyList<Guid> TaskIds { get; init; } = [];
    public IReadOnlyList<Attended> Attendees { get; init; } = [];
    public bool Voided { get; init; }
    /// <summary>The stream versions of the activity's events: logged, then each correction or void.</summary>
    public IReadOnlyList<long> Versions { get; init; } = [];

    [System.Text.Json.Serialization.JsonIgnore]
    public ActivityKind Kind => Core.Codes.TryParse<ActivityKind>(KindCode, out var kind) ? kind : default;

    public static ActivityEntry? Fold(ActivityEntry? entry, IEvent e) => e.Data switch
    {
        ActivityLogged x => With(new ActivityEntry { Id = x.ActivityId, StudioId = e.StreamId }, x.Facts) with { Versions = [e.Version] },
        ActivityCorrected x when entry is not null => With(entry, x.After) with { Versions = [.. entry.Versions, e.Version] },
        ActivityVoided when entry is not null => entry with { Voided = true, Versions = [.. entry.Versions, e.Version] },
        _ => entry,
    };

    private static ActivityEntry With(ActivityEntry entry, ActivityFacts facts) => entry with
    {
        Year = facts.Year,
        Date = facts.Date,
        KindCode = facts.Kind.Code(),
        DomainCodes = [.. facts.Domains.Select(d => d.Code())],
        Title = facts.Title,
        TaskIds = facts.TaskIds,
        Attendees = [.. facts.Attendees.Select(a => new Attended(a.TeacherId, a.Hours, a.Guest))],
    };

    /// <summary>The activity an event is about.</summary>
    public static IEnumerable<Guid> Keys(IEvent e) => e.Data is IActivityEvent x ? [x.ActivityId] : [];
}

/// <summary>Who attended an activity and for how long (a guest's name is in the activity's facts).</summary>
public sealed record Attended(string TeacherId, decimal Hours,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)] bool Guest = false);

/// <summary>
/// Who attended as an activity's entry stores it: [teacher id, hours], with true after them for a guest. An entry is
/// mostly its attendees, and their two member names were a third of their bytes. Storage only (the store's
/// serializer); attendees stored as objects before read as they are (the list's teacher filter matches both shapes).
/// </summary>
public sealed class StoredAttended : System.Text.Json.Serialization.JsonConverter<Attended>
{
    public override Attended Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
    {
        if (reader.TokenType == System.Text.Json.JsonTokenType.StartObject)
        {
            var (teacher, hours, guest) = ("", 0m, false);
            while (reader.Read() && reader.TokenType != System.Text.Json.JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                reader.Read();
                switch (name.ToLowerInvariant())
                {
                    case "teacherid": teacher = reader.GetString()!; break;
                    case "hours": hours = reader.GetDecimal(); break;
                    case "guest": guest = reader.GetBoolean(); break;
                    default: Json.Pass(ref reader); break;
                }
            }
            return new Attended(teacher, hours, guest);
        }
        if (reader.TokenType != System.Text.Json.JsonTokenType.StartArray) throw new System.Text.Json.JsonException("an attendee is an array or an object");
        reader.Read();
        var id = reader.GetString()!;
        reader.Read();
        var h = reader.GetDecimal();
        reader.Read();
        var g = false;
        if (reader.TokenType != System.Text.Json.JsonTokenType.EndArray)
        {
            g = reader.GetBoolean();
            reader.Read();
        }
        if (reader.TokenType != System.Text.Json.JsonTokenType.EndArray) throw new System.Text.Json.JsonException("an attendee has at most three members");
        return new Attended(id, h, g);
    }

    public override void Write(System.Text.Json.Utf8JsonWriter writer, Attended value, System.Text.Json.JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.TeacherId);
        writer.WriteNumberValue(value.Hours);
        if (value.Guest) writer.WriteBooleanValue(true);
        writer.WriteEndArray();
    }

    /// <summary>
    /// The list's teacher filter: entries whose attendees include the teacher, stored in either shape (jsonb containment:
    /// [["T"]] is contained in [["T", 2.5], …], [{"teacherId": "T"}] in the objects stored before).
    /// </summary>
    public static (string Rows, string Objects) Containing(string teacherId)
    {
        var id = System.Text.Json.JsonEncodedText.Encode(teacherId);
        return ($"[[\"{id}\"]]", $"[{{\"teacherId\":\"{id}\"}}]");
    }
}

/// <summary>
/// Writes an activity's entry as its events are appended: logging stores a new one without reading anything first;
/// a correction or void reads the entry and stores it changed.
/// </summary>
public partial class ActivityEntryProjection : EventProjection
{
    public ActivityEntryProjection() => Name = nameof(ActivityEntry);

    public ActivityEntry Create(IEvent<ActivityLogged> e) => ActivityEntry.Fold(null, e)!;

    public async Task Project(IEvent<ActivityCorrected> e, IDocumentOperations ops, CancellationToken ct) => await Change(e, ops, ct);

    public async Task Project(IEvent<ActivityVoided> e, IDocumentOperations ops, CancellationToken ct) => await Change(e, ops, ct);

    private static async Task Change(IEvent e, IDocumentOperations ops, CancellationToken ct)
    {
        var entry = await ops.LoadAsync<ActivityEntry>(((IActivityEvent)e.Data).ActivityId, ct);
        if (ActivityEntry.Fold(entry, e) is { } next) ops.Store(next);
    }
}

/// <summary>Activities in full (facts and history), folded from the events their entries point at.</summary>
public static class ActivityRecords
{
    public static async Task<IReadOnlyList<ActivityRecord>> Of(IQuerySession session, IReadOnlyList<ActivityEntry> entries, CancellationToken ct)
    {
        if (entries.Count == 0) return [];
        var byStudio = entries.GroupBy(a => a.StudioId).ToList();
        var events = new List<IEvent>();
        foreach (var studio in byStudio)
        {
            var versions = studio.SelectMany(a => a.Versions).ToArray();
            events.AddRange(await session.Events.QueryAllRawEvents()
                .Where(e => e.StreamId == studio.Key && versions.Contains(e.Version)).ToListAsync(ct));
        }
        var records = new Dictionary<Guid, ActivityRecord>();
        foreach (var e in events.OrderBy(e => e.Version))
            if (e.Data is IActivityEvent a && ActivityRecord.Fold(records.GetValueOrDefault(a.ActivityId), e) is { } record)
                records[a.ActivityId] = record;
        return [.. entries.Where(a => records.ContainsKey(a.Id)).Select(a => records[a.Id])];
    }

    public static async Task<ActivityRecord?> Of(IQuerySession session, ActivityEntry? entry, CancellationToken ct) =>
        entry is null ? null : (await Of(session, [entry], ct)).FirstOrDefault();
}
