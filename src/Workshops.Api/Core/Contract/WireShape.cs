using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Workshops.Core.Contract;

/// <summary>A member kept for storage and queries (search terms, codes duplicated for indexes), never sent or accepted.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InternalAttribute : Attribute;

/// <summary>A record whose code-list members are sent with their Chinese label beside them: <c>state</c> and <c>stateLabel</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LabelledAttribute : Attribute;

/// <summary>
/// The wire's view of stored records (a JSON contract modifier on the wire options only; storage keeps everything):
/// internal members are left out, and labelled records carry each code's label.
/// </summary>
public static class WireShape
{
    public static void Modify(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
            if (info.Properties[i].AttributeProvider?.IsDefined(typeof(InternalAttribute), true) == true) info.Properties.RemoveAt(i);
        if (info.Type.GetCustomAttribute<LabelledAttribute>() is null) return;
        foreach (var property in info.Properties.ToList())
        {
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (!SchemaShapes.IsCodes(type) || property.Get is not { } get) continue;
            var label = info.CreateJsonPropertyInfo(typeof(string), property.Name + "Label");
            label.Get = owner => get(owner) is Enum value ? Codes.LabelOf(value) : null;
            label.IsGetNullable = Nullable.GetUnderlyingType(property.PropertyType) is not null;
            info.Properties.Insert(info.Properties.IndexOf(property) + 1, label);
        }
        // A region's codes with the division names beside them (GB/T 2260, Reference/divisions.tsv): "regionNames".
        foreach (var property in info.Properties.Where(p => p.PropertyType == typeof(Region)).ToList())
        {
            if (property.Get is not { } get) continue;
            var names = info.CreateJsonPropertyInfo(typeof(RegionNames), property.Name + "Names");
            names.Get = owner => get(owner) is Region region ? RegionNames.Of(region) : null;
            names.IsGetNullable = true;
            info.Properties.Insert(info.Properties.IndexOf(property) + 1, names);
        }
    }
}
