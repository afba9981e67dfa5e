using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workshops.Core;

/// <summary>The Chinese label of an enumeration member; its code is the member name in kebab case.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class LabelAttribute(string chinese) : Attribute
{
    public string Chinese { get; } = chinese;
}

/// <summary>Overrides the ASCII code derived from the member name.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class CodeAttribute(string code) : Attribute
{
    public string Code { get; } = code;
}

/// <summary>Marks an enumeration whose codes are part of the public API and listed by /api/reference.</summary>
[AttributeUsage(AttributeTargets.Enum)]
public sealed class CodesAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

public sealed record CodeLabel(string Code, string Label);

/// <summary>Stable ASCII codes with Chinese labels for every enumeration the API accepts.</summary>
public static class Codes
{
    private sealed record Table(Type Type, string Name, IReadOnlyList<(Enum Value, string Code, string Label)> Rows)
    {
        public string Allowed => string.Join(", ", Rows.Select(r => r.Code));
    }

    private static readonly ConcurrentDictionary<Type, Table> Tables = new();

    private static Table For(Type type) => Tables.GetOrAdd(type, static t =>
    {
        var name = t.GetCustomAttribute<CodesAttribute>()?.Name ?? Kebab(t.Name);
        var rows = t.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((Enum)f.GetValue(null)!,
                f.GetCustomAttribute<CodeAttribute>()?.Code ?? Kebab(f.Name),
                f.GetCustomAttribute<LabelAttribute>()?.Chinese ?? f.Name))
            .ToList();
        return new Table(t, name, rows);
    });

    public static string Code<T>(this T value) where T : struct, Enum =>
        For(typeof(T)).Rows.First(r => r.Value.Equals(value)).Code;

    public static string Label<T>(this T value) where T : struct, Enum =>
        For(typeof(T)).Rows.First(r => r.Value.Equals(value)).Label;

    /// <summary>The label of a code-list value whose type is known only at run time.</summary>
    public static string LabelOf(Enum value) => For(value.GetType()).Rows.First(r => r.Value.Equals(value)).Label;

    public static IReadOnlyList<CodeLabel> List<T>() where T : struct, Enum => List(typeof(T));

    public static IReadOnlyList<CodeLabel> List(Type type) =>
        For(type).Rows.Select(r => new CodeLabel(r.Code, r.Label)).ToList();

    public static string NameOf(Type type) => For(type).Name;

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        foreach (var row in For(typeof(T)).Rows)
        {
            if (row.Code == code)
            {
                value = (T)row.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public static string Allowed<T>() where T : struct, Enum => For(typeof(T)).Allowed;

    /// <summary>
    /// The code someone meant who sent <paramref name="given"/>: the code whose Chinese label it is (or one part of a
    /// label such as 示范课/公开课), or the code written with other case, spaces or underscores.
    /// </summary>
    public static CodeLabel? Suggest(Type type, string given)
    {
        var codes = List(type);
        var text = given.Trim();
        var kebab = text.Replace('_', '-').Replace(' ', '-');
        return codes.FirstOrDefault(c => c.Label == text)
               ?? codes.FirstOrDefault(c => c.Label.Split('/', '（', '）', '、').Contains(text))
               ?? codes.FirstOrDefault(c => string.Equals(c.Code, kebab, StringComparison.OrdinalIgnoreCase) ||
                                            string.Equals(c.Code.Replace("-", ""), kebab.Replace("-", ""), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every enumeration marked [Codes] in this assembly.</summary>
    public static IEnumerable<Type> All() =>
        typeof(Codes).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.GetCustomAttribute<CodesAttribute>() is not null)
            .OrderBy(t => For(t).Name, StringComparer.Ordinal);

    internal static string Kebab(string name)
    {
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0) chars.Add('-');
                chars.Add(char.ToLowerInvariant(c));
            }
            else
            {
                chars.Add(c);
            }
        }
        return new string([.. chars]);
    }

    /// <summary>Reads and writes enumerations as their codes; an unknown code names the allowed ones.</summary>
    public sealed class JsonFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

        private sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
        {
            public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                // Thrown without a message so System.Text.Json adds the JSON path; the problem answer
                // then names the allowed codes (see ProblemShape).
                if (reader.TokenType == JsonTokenType.String && TryParse<T>(reader.GetString(), out var value)) return value;
                throw new JsonException();
            }

            public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
                writer.WriteStringValue(value.Code());

            public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            {
                if (TryParse<T>(reader.GetString(), out var value)) return value;
                throw new JsonException();
            }

            public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
                writer.WritePropertyName(value.Code());
        }
    }
}
