using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Workshops.Core.Contract;

namespace Workshops.Core.Http;

/// <summary>
/// Reads a write's JSON body against its request type before anything deserializes it, and answers one 400 with every
/// problem under its JSON path: each missing field, each value of the wrong type, each unknown code (with the allowed
/// codes, their labels and, for a Chinese label, the code meant), each limit a field declares (<see cref="Limits"/>)
/// and each field the request does not have. Unknown fields are refused on every write, so nothing sent is dropped
/// silently. Runs after authorization (an unauthorized caller learns nothing about the shape) on the buffered body.
/// </summary>
public static class BodyShape
{
    public static IApplicationBuilder UseBodyShape(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var type = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        if (type is null || !Bodies.IsWrite(http.Request.Method) || http.Request.Body is not MemoryStream buffer)
        {
            await next(http);
            return;
        }
        // The buffered body as it is, without a copy.
        var found = Check(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), type, out var province);
        http.Items[ProvinceKey] = province;
        buffer.Position = 0;
        if (found is null)
        {
            await next(http);
            return;
        }
        // A malformed id in the route too: one answer with every problem of the request.
        await http.WriteProblem(RouteIds.Errors(http) is { Count: > 0 } ids ? new Check().Also(Problems.Invalid(ids)).Also(found).Result() : found);
    });

    private const string ProvinceKey = "workshops.body-province";

    /// <summary>
    /// A write whose body's <c>region</c> code says where the new record is kept (a teacher registered at a school of that
    /// region): with a database per province, the request goes to that region's province.
    /// </summary>
    public interface IPlacedByRegion
    {
        string Region { get; }
    }

    /// <summary>
    /// The <c>region.province</c> of the write's body, as the shape check found it (the tenant of a studio being
    /// established), or the province of an <see cref="IPlacedByRegion"/> body's <c>region</c>; null when the body has none.
    /// </summary>
    public static string? Province(HttpContext http) => http.Items[ProvinceKey] as string;

    /// <summary>The problem with a body meant as a <paramref name="type"/>, or null when it can be read as one.</summary>
    public static Microsoft.AspNetCore.Mvc.ProblemDetails? Check(byte[] body, Type type) => Check(body, type, out _);

    private static Microsoft.AspNetCore.Mvc.ProblemDetails? Check(ReadOnlyMemory<byte> body, Type type, out string? province)
    {
        province = null;
        var walk = new Walk();
        if (body.Span.Trim(" \t\r\n"u8).Length == 0)
        {
            walk.Check.Add("body", "is required: send a JSON object ({} when there is nothing to say)");
        }
        else
        {
            try
            {
                using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = Json.Wire.MaxDepth });
                walk.Value(document.RootElement, Json.Wire.GetTypeInfo(type), "");
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("region", out var region) && region.ValueKind == JsonValueKind.Object
                    && region.TryGetProperty("province", out var code) && code.ValueKind == JsonValueKind.String && Region.IsCode(code.GetString()!))
                    province = code.GetString();
                // A body that is placed by its region code (registering a teacher at a school of that region): its province.
                else if (typeof(IPlacedByRegion).IsAssignableFrom(type) && root.ValueKind == JsonValueKind.Object && root.TryGetProperty("region", out var placed)
                         && placed.ValueKind == JsonValueKind.String && Region.IsCode(placed.GetString()!))
                    province = placed.GetString()![..2] + "0000";
            }
            catch (JsonException e)
            {
                walk.Check.Add("body", $"is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
            }
        }
        if (walk.Check.Ok) return null;
        return walk.Check.Result();
    }

    private sealed class Walk
    {
        public Check Check { get; } = new();

        public void Value(JsonElement value, JsonTypeInfo info, string path)
        {
            var type = Nullable.GetUnderlyingType(info.Type) ?? info.Type;
            if (type == typeof(object) || type == typeof(JsonElement) || typeof(JsonNode).IsAssignableFrom(type)) return;
            if (value.ValueKind == JsonValueKind.Null)
            {
                if (info.Type.IsValueType && Nullable.GetUnderlyingType(info.Type) is null) Check.Add(At(path), "must not be null");
                return;
            }
            if (type.IsEnum)
            {
                Code(value, type, path);
                return;
            }
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object:
                    Object(value, info, path);
                    return;
                case JsonTypeInfoKind.Enumerable:
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        Check.Add(At(path), "must be a JSON array");
                        return;
                    }
                    var item = info.Options.GetTypeInfo(info.ElementType!);
                    var i = 0;
                    foreach (var element in value.EnumerateArray()) Value(element, item, $"{path}[{i++}]");
                    return;
                case JsonTypeInfoKind.Dictionary:
                    if (value.ValueKind != JsonValueKind.Object)
                    {
                        Check.Add(At(path), "must be a JSON object");
                        return;
                    }
                    var key = Nullable.GetUnderlyingType(info.KeyType!) ?? info.KeyType!;
                    var entry = info.Options.GetTypeInfo(info.ElementType!);
                    foreach (var property in value.EnumerateObject())
                    {
                        var at = Join(path, property.Name);
                        if (key.IsEnum && !Codes.List(key).Any(c => c.Code == property.Name)) Code(property.Name, key, at);
                        else if (key == typeof(string) && !Storable(property.Name)) Check.Add(at, "the name must be text without NUL characters or unpaired surrogates");
                        else Value(property.Value, entry, at);
                    }
                    return;
            }
            // A single value: read it exactly as the request will be read (strict numbers, YYYY-MM-DD dates, stored text only).
            try
            {
                JsonSerializer.Deserialize(value, info);
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or OverflowException)
            {
                Check.Add(At(path), Expected(type));
            }
        }

        private void Object(JsonElement value, JsonTypeInfo info, string path)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                Check.Add(At(path), "must be a JSON object");
                return;
            }
            var given = value.EnumerateObject().ToList();
            // A field sent twice would be read as its last value, silently: refused, like a field the request lacks.
            foreach (var twice in given.GroupBy(g => g.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
                Check.Add(Join(path, twice.Key), $"is given {twice.Count()} times ({string.Join(", ", twice.Select(g => JsonSerializer.Serialize(g.Name)))}): send each field once");
            foreach (var property in info.Properties)
            {
                var at = Join(path, property.Name);
                var match = given.FirstOrDefault(g => string.Equals(g.Name, property.Name, StringComparison.OrdinalIgnoreCase));
                var missing = match.Value.ValueKind == JsonValueKind.Undefined;
                if (missing || match.Value.ValueKind == JsonValueKind.Null)
                {
                    if (Limits.Required(property) && (missing || !Limits.Nullable(property))) Check.Add(at, "is required");
                    else if (!missing && !Limits.Nullable(property)) Check.Add(at, "must not be null");
                    continue;
                }
                var before = Check.Found;
                Value(match.Value, info.Options.GetTypeInfo(property.PropertyType), at);
                if (Check.Found == before) Declared(match.Value, property, at);
            }
            foreach (var unknown in given.Where(g => !info.Properties.Any(p => string.Equals(p.Name, g.Name, StringComparison.OrdinalIgnoreCase))))
                Check.Add(Join(path, unknown.Name), Unknown(info, unknown.Name));
        }

        /// <summary>
        /// An unknown field: renamed (<see cref="FormerlyAttribute"/>), or an edit's field sent beside its <c>changes</c>
        /// object instead of inside it (the edit convention), or simply not one of the request's fields.
        /// </summary>
        private static string Unknown(JsonTypeInfo info, string name)
        {
            if (info.Properties.FirstOrDefault(p => string.Equals(Limits.Of<FormerlyAttribute>(p)?.Name, name, StringComparison.OrdinalIgnoreCase)) is { } renamed)
                return $"was renamed: send it as {renamed.Name}";
            if (info.Properties.FirstOrDefault(p => p.Name == "changes") is { } changes &&
                info.Options.GetTypeInfo(changes.PropertyType).Properties.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                return $"belongs inside changes: an edit sends only the fields it changes, as {{\"changes\": {{\"{name}\": …}}, \"reason\": …}}";
            return $"is not a field of this request; its fields are {string.Join(", ", info.Properties.Select(p => p.Name))}";
        }

        /// <summary>The limits the member declares (<see cref="Limits"/>).</summary>
        private void Declared(JsonElement value, JsonPropertyInfo property, string at)
        {
            var required = Limits.Required(property) && !Limits.Nullable(property);
            if (Limits.Of<ItemsAttribute>(property) is { } items && value.ValueKind == JsonValueKind.Array)
                Check.Count(value.EnumerateArray().ToList(), at, items.Min, items.Max);
            foreach (var (one, path) in Each(value, at))
            {
                if (Limits.Of<TextAttribute>(property) is { } text && one.ValueKind == JsonValueKind.String)
                    Check.Text(one.GetString(), path, text.Max, required || path != at);
                if (Limits.Of<LengthAttribute>(property) is { } length && one.ValueKind == JsonValueKind.String &&
                    one.GetString()!.Length is var n && (n < length.Min || n > length.Max))
                    Check.Add(path, $"must be {length.Min}-{length.Max} characters");
                if (Limits.Of<IdAttribute>(property) is not null && one.ValueKind == JsonValueKind.String) Check.Id(one.GetString(), path);
                if (Limits.Of<HttpUrlAttribute>(property) is not null && one.ValueKind == JsonValueKind.String) Check.Url(one.GetString(), path);
                if (Limits.Of<RegionCodeAttribute>(property) is not null && one.ValueKind == JsonValueKind.String &&
                    !System.Text.RegularExpressions.Regex.IsMatch(one.GetString()!, RegionCodeAttribute.Pattern))
                    Check.Add(path, "must be a six-digit region code (000000 for national)");
                else if (Limits.Of<RegionCodeAttribute>(property) is { Listed: true } && one.ValueKind == JsonValueKind.String &&
                         one.GetString() is var code && code != Region.National && !Reference.Divisions.Exists(code))
                    Check.Add(path, $"{code} is not in the division list (GB/T 2260): use a province, city or district code, or 000000 for national");
                if (Limits.Of<OneOfAttribute>(property) is { } oneOf && one.ValueKind == JsonValueKind.String && !oneOf.Allowed.Contains(one.GetString()!))
                    Check.OneOf(oneOf.Name, oneOf.Allowed, one.GetString(), path);
                if (Limits.Of<BetweenAttribute>(property) is { } between && one.ValueKind == JsonValueKind.Number &&
                    (!one.TryGetDecimal(out var number) || !between.Holds(number)))
                    Check.Add(path, between.Message);
            }
        }

        /// <summary>The value itself, or each item of a list or each value of a map.</summary>
        private static IEnumerable<(JsonElement Value, string Path)> Each(JsonElement value, string at) => value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray().Select((v, i) => (v, $"{at}[{i}]")),
            JsonValueKind.Object => value.EnumerateObject().Select(p => (p.Value, Join(at, p.Name))),
            _ => [(value, at)],
        };

        private void Code(JsonElement value, Type type, string path)
        {
            if (value.ValueKind != JsonValueKind.String) Code((string?)null, type, path);
            else if (!Codes.List(type).Any(c => c.Code == value.GetString())) Code(value.GetString(), type, path);
        }

        private void Code(string? given, Type type, string path) => Check.Code(type, given, At(path));

        private static string At(string path) => path.Length == 0 ? "body" : path;

        private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
    }

    private static bool Storable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\0') return false;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
            else if (char.IsSurrogate(text[i])) return false;
        }
        return true;
    }

    /// <summary>What a value of the type looks like, in words (never a .NET type name).</summary>
    public static string Expected(Type type) =>
        type == typeof(string) ? "must be text (a JSON string), without NUL characters or unpaired surrogates"
        : type == typeof(DateOnly) ? "must be a date written YYYY-MM-DD"
        : type == typeof(TimeOnly) ? "must be a time of day written HH:mm or HH:mm:ss"
        : type == typeof(DateTimeOffset) || type == typeof(DateTime) ? "must be an ISO 8601 timestamp"
        : type == typeof(Guid) ? "must be a UUID"
        : type == typeof(bool) ? "must be true or false"
        : type == typeof(int) || type == typeof(long) ? "must be a whole number in range, written as a JSON number"
        : type == typeof(decimal) || type == typeof(double) ? "must be a number in range, written as a JSON number"
        : "has the wrong type or shape";
}
