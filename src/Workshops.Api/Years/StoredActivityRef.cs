using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workshops.Years;

/// <summary>
/// An example activity as the year view stores it: [activity id, event id, type, at]. Storage only (the store's
/// serializer); examples stored as objects before read as they are.
/// </summary>
public sealed class StoredActivityRef : JsonConverter<ActivityRef>
{
    public override ActivityRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Guid activity = default, eventId = default;
        string type = "";
        DateTimeOffset at = default;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                reader.Read();
                switch (name.ToLowerInvariant())
                {
                    case "activityid": activity = reader.GetGuid(); break;
                    case "eventid": eventId = reader.GetGuid(); break;
                    case "type": type = reader.GetString()!; break;
                    case "at": at = reader.GetDateTimeOffset(); break;
                    default: Json.Pass(ref reader); break;
                }
            }
            return new ActivityRef(activity, eventId, type, at);
        }
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("an example activity is an array or an object");
        reader.Read();
        activity = reader.GetGuid();
        reader.Read();
        eventId = reader.GetGuid();
        reader.Read();
        type = reader.GetString()!;
        reader.Read();
        at = reader.GetDateTimeOffset();
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("an example activity has four members");
        return new ActivityRef(activity, eventId, type, at);
    }

    public override void Write(Utf8JsonWriter writer, ActivityRef value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteStringValue(value.ActivityId);
        writer.WriteStringValue(value.EventId);
        writer.WriteStringValue(value.Type);
        writer.WriteStringValue(value.At);
        writer.WriteEndArray();
    }
}
