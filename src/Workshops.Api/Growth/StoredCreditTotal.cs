using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workshops.Growth;

/// <summary>
/// A credit month's total as stored: [category, level, count, hours, first, last, studio] (the last three null in
/// totals written before they were kept; the studio id as base64url of its 16 bytes, or whole as written before). Storage only (the store's serializer and <see cref="CreditTotal.ColumnRow"/>,
/// which reads the totals column by column); totals stored as objects before read as they are.
/// </summary>
public sealed class StoredCreditTotal : JsonConverter<CreditTotal>
{
    public override CreditTotal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        CreditCategory category = default;
        TrainingLevel level = default;
        var count = 0;
        decimal hours = 0;
        DateOnly? first = null, last = null;
        Guid? studio = null;
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                reader.Read();
                switch (name.ToLowerInvariant())
                {
                    case "category": category = JsonSerializer.Deserialize<CreditCategory>(ref reader, options); break;
                    case "level": level = JsonSerializer.Deserialize<TrainingLevel>(ref reader, options); break;
                    case "count": count = reader.GetInt32(); break;
                    case "hours": hours = reader.GetDecimal(); break;
                    case "first": first = Day(ref reader); break;
                    case "last": last = Day(ref reader); break;
                    case "studioid": studio = reader.TokenType == JsonTokenType.Null ? null : reader.GetGuid(); break;
                    default: Json.Pass(ref reader); break;
                }
            }
            return new CreditTotal(category, level, count, hours, first, last, studio);
        }
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("a credit total is an array or an object");
        reader.Read();
        category = JsonSerializer.Deserialize<CreditCategory>(ref reader, options);
        reader.Read();
        level = JsonSerializer.Deserialize<TrainingLevel>(ref reader, options);
        reader.Read();
        count = reader.GetInt32();
        reader.Read();
        hours = reader.GetDecimal();
        reader.Read();
        first = Day(ref reader);
        reader.Read();
        last = Day(ref reader);
        reader.Read();
        studio = reader.TokenType == JsonTokenType.Null ? null : Json.ReadId(ref reader);
        reader.Read();
        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("a credit total has seven members");
        return new CreditTotal(category, level, count, hours, first, last, studio);
    }

    public override void Write(Utf8JsonWriter writer, CreditTotal value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        JsonSerializer.Serialize(writer, value.Category, options);
        JsonSerializer.Serialize(writer, value.Level, options);
        writer.WriteNumberValue(value.Count);
        writer.WriteNumberValue(value.Hours);
        WriteDay(writer, value.First);
        WriteDay(writer, value.Last);
        if (value.StudioId is { } studio) Json.WriteId(writer, studio);
        else writer.WriteNullValue();
        writer.WriteEndArray();
    }

    private static DateOnly? Day(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.Null ? null : DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteDay(Utf8JsonWriter writer, DateOnly? day)
    {
        if (day is { } d) writer.WriteStringValue(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        else writer.WriteNullValue();
    }
}
