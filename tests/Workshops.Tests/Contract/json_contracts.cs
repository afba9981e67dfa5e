using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Marten;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core;
using Workshops.Studios;
using Workshops.Tests.Support;

namespace Workshops.Tests.Contract;

/// <summary>
/// Every type the store writes (documents, events) and every body an endpoint reads or declares has compiled JSON
/// contracts: nothing is described by reflection on a cold start. A new type missing from JsonContracts fails here.
/// </summary>
public sealed class json_contracts(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public void every_stored_and_wire_type_has_generated_json_contracts()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        var ours = typeof(Studio).Assembly;
        var documents = store.Options.AllKnownDocumentTypes().Select(d => d.DocumentType);
        var events = Grouping.Implementing<IStudioEvent>().Concat(Grouping.Implementing<Workshops.Teachers.ITeacherEvent>());
        var endpoints = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true).ToList();
        var bodies = endpoints.SelectMany(e => e.Metadata.OfType<IAcceptsMetadata>()).Select(a => a.RequestType)
            .Concat(endpoints.SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>()).Select(p => p.Type));
        var wanted = documents.Concat(events).Concat(bodies).OfType<Type>().Where(t => t.Assembly == ours).Distinct().ToList();
        Assert.True(wanted.Count > 60, $"only {wanted.Count} types found: the discovery above is broken");

        var missing = wanted.Where(t => JsonContracts.Default.GetTypeInfo(t) is null).Select(t => t.FullName).Order().ToList();
        Assert.True(missing.Count == 0, "Add to JsonContracts: " + string.Join(", ", missing));
    }
}

/// <summary>
/// The compiled contracts write exactly what reflection writes and read back what they wrote, for every type they list,
/// in both shapes (storage: enumeration names; wire: codes and strict requests), on a sample of each type with every
/// member filled (lists and dictionaries with one entry, optional members set).
/// </summary>
public sealed class compiled_json_contracts
{
    public static TheoryData<string> Types() => [.. Listed().Select(t => t.FullName!)];

    private static IEnumerable<Type> Listed() =>
        typeof(JsonContracts).GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(JsonSerializableAttribute))
            .Select(a => (Type)a.ConstructorArguments[0].Value!);

    [Theory, MemberData(nameof(Types))]
    public async Task write_and_read_like_reflection(string typeName)
    {
        var type = typeof(JsonContracts).Assembly.GetType(typeName)!;
        var sample = Samples.Of(type, 0)!;
        // Records with internal members are only ever written to the wire (served from storage), never read from it.
        var wireReadsIt = !type.GetProperties().Any(p => p.IsDefined(typeof(Workshops.Core.Contract.InternalAttribute), true));
        foreach (var (compiled, reflected, storage) in new[] { (Shapes(storage: true), true), (Shapes(storage: false), false) }
                     .Select(x => (x.Item1.Compiled, x.Item1.Reflected, x.Item2)))
        {
            var expected = JsonSerializer.Serialize(sample, type, reflected);
            var written = JsonSerializer.Serialize(sample, type, compiled);
            Assert.Equal(expected, written);
            // Streamed in small pieces, as a large response is written to Kestrel: converters pause and resume (a
            // dictionary then writes its keys through the string converter).
            using var stream = new MemoryStream();
            await JsonSerializer.SerializeAsync(stream, sample, type, new JsonSerializerOptions(compiled) { DefaultBufferSize = 16 });
            Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            if (!storage && !wireReadsIt) continue;
            var read = JsonSerializer.Deserialize(written, type, compiled);
            Assert.Equal(expected, JsonSerializer.Serialize(read, type, reflected));
        }
    }

    private static (JsonSerializerOptions Compiled, JsonSerializerOptions Reflected) Shapes(bool storage)
    {
        JsonSerializerOptions Make(bool compiled)
        {
            var o = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            if (storage) o.Converters.Add(new JsonStringEnumConverter());
            if (storage) Json.Stored(o); else Json.StrictRequests(o);
            // Reflection with the same wire view (internal members out, labels beside codes) as the compiled contracts get.
            // The store's shape leaves out the nulls and computed members of document-only types, as Json.Stored does.
            if (!compiled) o.TypeInfoResolver = storage ? new DefaultJsonTypeInfoResolver().WithAddedModifier(StoredWithoutNullsAttribute.Modify)
                : new DefaultJsonTypeInfoResolver().WithAddedModifier(Workshops.Core.Contract.WireShape.Modify);
            return o;
        }
        return (Make(true), Make(false));
    }

    [Fact]
    public void the_list_is_read()
    {
        Assert.Contains(typeof(Studio), Listed());
        Assert.True(Listed().Count() > 60);
    }
}

/// <summary>Sample values with every member filled, built from a type's widest constructor and settable members.</summary>
internal static class Samples
{
    public static object? Of(Type type, int depth)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return Of(inner, depth);
        if (type == typeof(string)) return "文本 text";
        if (type == typeof(Guid)) return Guid.Parse("0195a000-3502-7030-8000-000000000042");
        if (type == typeof(int)) return 3;
        if (type == typeof(long)) return 7L;
        if (type == typeof(decimal)) return 2.5m;
        if (type == typeof(double)) return 1.5d;
        if (type == typeof(bool)) return true;
        if (type == typeof(DateOnly)) return new DateOnly(2026, 3, 2);
        if (type == typeof(TimeOnly)) return new TimeOnly(9, 30);
        if (type == typeof(DateTimeOffset)) return new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
        if (type == typeof(DateTime)) return new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);
        if (type == typeof(TimeSpan)) return TimeSpan.FromMinutes(90);
        if (type == typeof(Uri)) return new Uri("https://example.org/a");
        if (type == typeof(object)) return "x";
        if (type.IsEnum) return Enum.GetValues(type).Cast<object>().Last();
        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, depth > 3 ? 0 : 1);
            if (array.Length > 0) array.SetValue(Of(type.GetElementType()!, depth + 1), 0);
            return array;
        }
        if (type.IsGenericType)
        {
            var args = type.GetGenericArguments();
            var definition = type.GetGenericTypeDefinition();
            if (args.Length == 2 && typeof(System.Collections.IDictionary).IsAssignableFrom(typeof(Dictionary<,>).MakeGenericType(args))
                && (definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>) || definition == typeof(Dictionary<,>)))
            {
                var map = (System.Collections.IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(args))!;
                if (depth <= 3) map[Of(args[0], depth + 1)!] = Of(args[1], depth + 1);
                return map;
            }
            if (args.Length == 1 && (definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(List<>)
                || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>) || definition == typeof(ICollection<>)))
            {
                var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(args))!;
                if (depth <= 3) list.Add(Of(args[0], depth + 1));
                return list;
            }
            if (args.Length == 1 && (definition == typeof(ISet<>) || definition == typeof(IReadOnlySet<>) || definition == typeof(HashSet<>)))
            {
                var set = Activator.CreateInstance(typeof(HashSet<>).MakeGenericType(args))!;
                if (depth <= 3) set.GetType().GetMethod("Add")!.Invoke(set, [Of(args[0], depth + 1)]);
                return set;
            }
        }
        if (depth > 12 || type.IsAbstract || type.IsInterface) return null;
        var ctor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (ctor is null) return null;
        var instance = ctor.Invoke([.. ctor.GetParameters().Select(p => Of(p.ParameterType, depth + 1))]);
        foreach (var property in type.GetProperties().Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0))
            property.SetValue(instance, Of(property.PropertyType, depth + 1));
        return instance;
    }
}
