using System.Text.Json;
using System.Text.Json.Serialization;
using Workshops.Core.Auth;

namespace Workshops.Studios;

/// <summary>
/// An event reference as documents store it: one array, [event id, type, version, [actor id, name, role], at]. Views
/// repeat a reference in every step of every history, so its eight member names were a large share of their bytes.
/// The event id is base64url of its 16 bytes and a time in UTC seconds since 1970 (<see cref="Json.WriteId"/>,
/// <see cref="Json.WriteTime"/>); arrays with the whole id and the time as text (stored before) read as well.
/// Storage only (the store's serializer): answers still carry the object. References stored as objects before read as
/// they are, and are written as arrays when their document is next written or rebuilt.
/// </summary>
public sealed class StoredEventRef : JsonConverter<EventRef>
{
    public override EventRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject) return ReadObject(ref reader, options);
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("an event reference is an array or an object");
        reader.Read();
        var id = Json.ReadId(ref reader);
        reader.Read();
        var type = reader.GetString()!;
        reader.Read();
        var version = reader.GetInt64();
        reader.Read();
        var by = ReadActor(ref reader, options);
        reader.Read();
        var at = Json.ReadTime(ref reader, TimeSpan.Zero);
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("an event reference has five members");
        return new EventRef(id, type, version, by, at);
    }

    public override void Write(Utf8JsonWriter writer, EventRef value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        Json.WriteId(writer, value.EventId);
        writer.WriteStringValue(value.Type);
        writer.WriteNumberValue(value.Version);
        writer.WriteStartArray();
        writer.WriteStringValue(value.By.Id);
        writer.WriteStringValue(value.By.Name);
        JsonSerializer.Serialize(writer, value.By.Role, options);
        writer.WriteEndArray();
        Json.WriteTime(writer, value.At, TimeSpan.Zero);
        writer.WriteEndArray();
    }

    private static Actor ReadActor(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartObject) return JsonSerializer.Deserialize<Actor>(ref reader, options)!;
        reader.Read();
        var id = reader.GetString()!;
        reader.Read();
        var name = reader.GetString()!;
        reader.Read();
        var role = JsonSerializer.Deserialize<Role>(ref reader, options);
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("an actor has three members");
        return new Actor(id, name, role);
    }

    private static EventRef ReadObject(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        Guid id = default;
        string type = "";
        long version = 0;
        Actor? by = null;
        DateTimeOffset at = default;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name.ToLowerInvariant())
            {
                case "eventid": id = reader.GetGuid(); break;
                case "type": type = reader.GetString()!; break;
                case "version": version = reader.GetInt64(); break;
                case "by": by = ReadActor(ref reader, options); break;
                case "at": at = reader.GetDateTimeOffset(); break;
                default: Json.Pass(ref reader); break;
            }
        }
        return new EventRef(id, type, version, by ?? throw new JsonException("an event reference without who recorded it"), at);
    }
}
