using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workshops.Years;

/// <summary>
/// An example activity as the year view stores it: [activity id, event id, at, type?], the ids as base64url of their 16
/// bytes, the time in UTC as seconds since 1970 (other offsets as text), the type only when it is not "activity_logged".
/// Storage only (the store's serializer). Read as well: [activity id, event id, type, at] with whole ids (stored so
/// before) and objects (stored so before that).
/// </summary>
public sealed class StoredActivityRef : JsonConverter<ActivityRef>
{
    private const string Usual = "activity_logged";

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
        var whole = reader.ValueSpan.Length == 36;
        activity = Json.ReadId(ref reader);
        reader.Read();
        eventId = Json.ReadId(ref reader);
        reader.Read();
        if (whole)
        {
            type = reader.GetString()!;
            reader.Read();
            at = reader.GetDateTimeOffset();
        }
        else
        {
            at = Json.ReadTime(ref reader, TimeSpan.Zero);
            type = Usual;
            reader.Read();
            if (reader.TokenType == JsonTokenType.String) type = reader.GetString()!;
            else if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("an example activity's type is text");
        }
        if (reader.TokenType != JsonTokenType.EndArray) reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("an example activity has at most four members");
        return new ActivityRef(activity, eventId, type, at);
    }

    public override void Write(Utf8JsonWriter writer, ActivityRef value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        Json.WriteId(writer, value.ActivityId);
        Json.WriteId(writer, value.EventId);
        Json.WriteTime(writer, value.At, TimeSpan.Zero);
        if (value.Type != Usual) writer.WriteStringValue(value.Type);
        writer.WriteEndArray();
    }
}

/// <summary>A count and its hours as the year view stores them: [count, hours]. Storage only; objects stored before read as they are.</summary>
public sealed class StoredCountHours : JsonConverter<CountHours>
{
    public override CountHours Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var (count, hours) = (0, 0m);
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                reader.Read();
                switch (name.ToLowerInvariant())
                {
                    case "count": count = reader.GetInt32(); break;
                    case "hours": hours = reader.GetDecimal(); break;
                    default: Json.Pass(ref reader); break;
                }
            }
            return new CountHours(count, hours);
        }
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("a count with hours is an array or an object");
        reader.Read();
        count = reader.GetInt32();
        reader.Read();
        hours = reader.GetDecimal();
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("a count with hours has two members");
        return new CountHours(count, hours);
    }

    public override void Write(Utf8JsonWriter writer, CountHours value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        writer.WriteNumberValue(value.Count);
        writer.WriteNumberValue(value.Hours);
        writer.WriteEndArray();
    }
}
