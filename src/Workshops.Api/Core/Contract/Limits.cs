using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;

namespace Workshops.Core.Contract;

// The limits of a request's fields, declared once on the request records: the body check (Http/BodyShape) enforces
// them and answers 400 under each field's JSON path, and the OpenAPI document (SchemaShapes) states them, so the two
// cannot disagree. On a list, a limit about one value (Text, Id, HttpUrl, RegionCode, Between) applies to each item.

/// <summary>Text of at most <see cref="Max"/> characters, counted as Unicode scalar values (seed 001 counts 字); required text may not be blank.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class TextAttribute(int max) : Attribute
{
    public int Max { get; } = max;
}

/// <summary>A list of <see cref="Min"/> to <see cref="Max"/> items.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class ItemsAttribute(int min, int max) : Attribute
{
    public int Min { get; } = min;
    public int Max { get; } = max;
}

/// <summary>
/// A number from <see cref="Min"/> to <see cref="Max"/>; with <see cref="AboveMin"/>, more than <see cref="Min"/>. Without a
/// maximum, only the lower bound holds (a bound the request relates to another field, such as an attendee's hours to the
/// activity's, is checked with the request).
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class BetweenAttribute(double min, double max) : Attribute
{
    public BetweenAttribute(double min) : this(min, double.PositiveInfinity) { }

    public double Min { get; } = min;
    public double Max { get; } = max;
    public bool AboveMin { get; init; }
    public bool Bounded => !double.IsPositiveInfinity(Max);

    public bool Holds(decimal value) => (AboveMin ? value > (decimal)Min : value >= (decimal)Min) && (!Bounded || value <= (decimal)Max);

    public string Message => !Bounded ? (AboveMin ? $"must be more than {Min}" : $"must be at least {Min}")
        : AboveMin ? $"must be more than {Min} and at most {Max}" : $"must be from {Min} to {Max}";
}

/// <summary>An identifier (teacher ids such as T350203-0100): 1-64 ASCII letters, digits, '-', '_' or '.'.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class IdAttribute : Attribute
{
    public const string Pattern = "^[A-Za-z0-9._-]{1,64}$";
    public const int MaxLength = 64;
}

/// <summary>
/// An administrative division code (GB/T 2260): six digits; 000000 is national. With <see cref="Listed"/>, the code must
/// also be in the division list, so a code that names no region is a 400 and not a 403 for a region the caller lacks.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class RegionCodeAttribute : Attribute
{
    public const string Pattern = "^[0-9]{6}$";

    public bool Listed { get; set; }
}

/// <summary>
/// A code from a fixed list of text codes that is not an enumeration (webhook event types): the list is the public static
/// <c>IReadOnlyList&lt;string&gt;</c> member <paramref name="member"/> of <paramref name="source"/>, named
/// <paramref name="name"/> in answers. On a list, each item.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class OneOfAttribute(Type source, string name, string member = "All") : Attribute
{
    public string Name { get; } = name;

    public IReadOnlyList<string> Allowed => field ??=
        (IReadOnlyList<string>)(source.GetField(member)?.GetValue(null) ?? source.GetProperty(member)?.GetValue(null)
                                ?? throw new InvalidOperationException($"{source.Name}.{member} is not a static list of codes"));
}

/// <summary>
/// The field's name before the contract renamed it: a request that still sends the old name is told the new one
/// (400 under the old name) instead of only that the field is unknown.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class FormerlyAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>An absolute http or https URL of at most <see cref="MaxLength"/> characters.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class HttpUrlAttribute : Attribute
{
    public const int MaxLength = 2000;
}

/// <summary>Text of <see cref="Min"/> to <see cref="Max"/> characters, such as a secret (counted in UTF-16 units, like the check).</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class LengthAttribute(int min, int max) : Attribute
{
    public int Min { get; } = min;
    public int Max { get; } = max;
}

public static class Limits
{
    /// <summary>
    /// The limits found on each member, by attribute type: the body check asks for six kinds of limit on every field of
    /// every write, and reading attributes through reflection allocates them anew each time (a measured share of a
    /// write's processor time). A member's attributes never change, so each is read once per member.
    /// </summary>
    private static readonly ConditionalWeakTable<JsonPropertyInfo, ConcurrentDictionary<Type, Attribute?>> Found = new();

    /// <summary>A limit declared on a member of a request record, on the property or on its constructor parameter.</summary>
    public static T? Of<T>(JsonPropertyInfo property) where T : Attribute =>
        (T?)Found.GetValue(property, _ => new()).GetOrAdd(typeof(T), static (type, member) => Read(member, type), property);

    private static Attribute? Read(JsonPropertyInfo property, Type type) =>
        property.AttributeProvider?.GetCustomAttributes(type, true).OfType<Attribute>().FirstOrDefault()
        ?? property.AssociatedParameter?.AttributeProvider?.GetCustomAttributes(type, true).OfType<Attribute>().FirstOrDefault();

    /// <summary>Whether a request must carry the member: required, or a constructor parameter without a default.</summary>
    public static bool Required(JsonPropertyInfo property) =>
        property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false };

    /// <summary>Whether the member may be null.</summary>
    public static bool Nullable(JsonPropertyInfo property) =>
        property.AssociatedParameter?.IsNullable ?? property.IsSetNullable;
}

/// <summary>
/// The answers an endpoint's <c>format</c> parameter gives (json, csv, xlsx); without it, all three. An endpoint that
/// takes <c>format</c> only to refuse exports says json alone, so the document declares no CSV or XLSX answer for it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FormatsAttribute(params string[] formats) : Attribute
{
    public IReadOnlyList<string> Formats { get; } = formats;
}
