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
    /// activities, credit totals; credits have their own converter). Each reads the objects stored before.
    /// </summary>
    public static void Stored(JsonSerializerOptions o)
    {
        Shape(o);
        o.Converters.Add(new Studios.StoredEventRef());
        o.Converters.Add(new Years.StoredActivityRef());
        o.Converters.Add(new Growth.StoredCreditTotal());
    }

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
