using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using Workshops.Core;

namespace Workshops;

/// <summary>
/// The JSON shape of the wire, which Marten's storage shares (camel case, Chinese written as itself) except for
/// enumerations: the wire writes their stable codes ("municipal"), storage their member names ("Municipal"), so a
/// stored document is read into its type before it is served.
/// </summary>
public static class Json
{
    public static void Shape(JsonSerializerOptions o)
    {
        o.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        o.DictionaryKeyPolicy = null;
        // Chinese text is written as itself, not as \u escapes; HTML-sensitive characters stay escaped.
        o.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        o.Converters.Add(new Codes.JsonFactory());
        // Compiled contracts first, reflection for anything else (Marten's and Wolverine's own types).
        o.TypeInfoResolver = JsonTypeInfoResolver.Combine(JsonContracts.Default, o.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver());
    }

    /// <summary>
    /// Steps over a value inside a converter. A converter is handed its whole value, but when a document is read from a
    /// stream (Marten reads every document so) in more than one buffer the reader is not marked final, and Skip()
    /// refuses it whatever it holds; TrySkip() passes a value that is all there. Skip() broke every read of a credit
    /// month longer than the first buffer (16 KB): a busy teacher's hours, growth file, checklist and annual report
    /// answered 500.
    /// </summary>
    public static void Pass(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip()) throw new JsonException("a value ends past what was read");
    }

    /// <summary>
    /// The store's shape: the wire's, with the values documents repeat most written as arrays (event references, example
    /// activities, credit totals, counts with hours, attendees; credits have their own converter), and the nulls of document-only
    /// types left out (<see cref="StoredWithoutNullsAttribute"/>). Each reads the shapes stored before.
    /// </summary>
    public static void Stored(JsonSerializerOptions o)
    {
        Shape(o);
        o.Converters.Add(new Studios.StoredEventRef());
        o.Converters.Add(new Years.StoredActivityRef());
        o.Converters.Add(new Growth.StoredCreditTotal());
        o.Converters.Add(new Years.StoredCountHours());
        o.Converters.Add(new Activities.StoredAttended());
        o.TypeInfoResolver = o.TypeInfoResolver!.WithAddedModifier(StoredWithoutNullsAttribute.Modify);
    }

    /// <summary>An id as the store writes it inside its shortest shapes: base64url of its 16 bytes (22 characters against 36).</summary>
    public static void WriteId(Utf8JsonWriter writer, Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes);
        writer.WriteStringValue(System.Buffers.Text.Base64Url.EncodeToString(bytes));
    }

    /// <summary>An id written by <see cref="WriteId"/>, or as its 36 characters (stored so before).</summary>
    public static Guid ReadId(ref Utf8JsonReader reader) =>
        reader.ValueSpan.Length == 22 && !reader.ValueIsEscaped ? new(System.Buffers.Text.Base64Url.DecodeFromChars(reader.GetString())) : reader.GetGuid();

    /// <summary>
    /// A time as the store writes it inside its shortest shapes: at <paramref name="offset"/> (and not before 1970) as
    /// seconds since 1970 with up to seven decimals, exact to the tick; at any other offset as text, which keeps it.
    /// </summary>
    public static void WriteTime(Utf8JsonWriter writer, DateTimeOffset time, TimeSpan offset)
    {
        if (time.Offset != offset || time < DateTimeOffset.UnixEpoch)
        {
            writer.WriteStringValue(time);
            return;
        }
        var ticks = time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var fraction);
        writer.WriteRawValue(fraction == 0
            ? seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : $"{seconds}.{fraction.ToString("0000000", System.Globalization.CultureInfo.InvariantCulture).TrimEnd('0')}", skipInputValidation: true);
    }

    /// <summary>A time written by <see cref="WriteTime"/> at <paramref name="offset"/>.</summary>
    public static DateTimeOffset ReadTime(ref Utf8JsonReader reader, TimeSpan offset) =>
        reader.TokenType == JsonTokenType.String
            ? reader.GetDateTimeOffset()
            : DateTimeOffset.UnixEpoch.AddTicks((long)(reader.GetDecimal() * TimeSpan.TicksPerSecond)).ToOffset(offset);

    /// <summary>
    /// Requests are read strictly: a missing required member or a null where none is allowed is a 400, and so is a
    /// number written as a string ("2"): the contract says numbers, and the document says nothing else.
    /// </summary>
    public static void StrictRequests(JsonSerializerOptions o)
    {
        Shape(o);
        o.TypeInfoResolver = o.TypeInfoResolver!.WithAddedModifier(Core.Contract.WireShape.Modify);
        o.NumberHandling = JsonNumberHandling.Strict;
        o.RespectNullableAnnotations = true;
        o.RespectRequiredConstructorParameters = true;
        o.AllowTrailingCommas = false;
        o.MaxDepth = 32;
        o.Converters.Insert(0, new StoredTextOnly());
    }

    /// <summary>
    /// Refuses text PostgreSQL cannot store in jsonb or that would not round-trip exactly:
    /// NUL characters and unpaired UTF-16 surrogates.
    /// </summary>
    private sealed class StoredTextOnly : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String) throw new JsonException();
            return Checked(reader.GetString()!);
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value);

        // Dictionary keys are text too (a studio's growth files are keyed by teacher id).
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Checked(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);

        private static string Checked(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\0') throw new JsonException();
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }
                if (char.IsSurrogate(c)) throw new JsonException();
            }
            return text;
        }
    }

    public static readonly JsonSerializerOptions Wire = Create(StrictRequests);

    private static JsonSerializerOptions Create(Action<JsonSerializerOptions> configure)
    {
        var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        configure(o);
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }
}

/// <summary>
/// Marks a type that only documents hold (never an event, never a request): the store leaves out its members that are
/// null and its members computed from others (a getter with nothing to set), which a read gives back as they were (a
/// missing member reads as null; a computed one is computed again). Put it only on types whose nullable members have
/// no other default. Storage only: answers are written by the wire's options and keep every member.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StoredWithoutNullsAttribute : Attribute
{
    public static void Modify(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !info.Type.IsDefined(typeof(StoredWithoutNullsAttribute), inherit: false)) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var p = info.Properties[i];
            if (p.Set is null && p.AssociatedParameter is null) info.Properties.RemoveAt(i);
            else if (!p.PropertyType.IsValueType || Nullable.GetUnderlyingType(p.PropertyType) is not null)
                p.ShouldSerialize = static (_, value) => value is not null;
        }
    }
}
