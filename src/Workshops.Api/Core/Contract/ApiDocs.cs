using System.Reflection;

namespace Workshops.Core.Contract;

/// <summary>A group of operations in the contract, with what it is about; Scalar lists tags by <see cref="Order"/>.</summary>
public sealed record TagDoc(string Name, string Description, int Order);

/// <summary>
/// An operation in words: a one-line summary, a description in plain words (Chinese terms with their meaning), the
/// domain rules (by name or by prefix such as "activity.") its 422 answers can name, a real request example, and
/// parameters that mean something else here than everywhere (<see cref="ParameterDoc"/>).
/// </summary>
public sealed record OperationDoc(string Name, string Summary, string Description, string[]? Rules = null, object? Example = null,
    IReadOnlyList<ParameterDoc>? Parameters = null);

/// <summary>A rule a refusal names in its <c>rule</c> member: what it means and how to fix the request.</summary>
public sealed record RuleDoc(string Rule, string Meaning, string Fix);

/// <summary>
/// A route or query parameter by name, wherever it appears: what it is and the limits the code enforces
/// (the limits test sends each bound and one past it): a code list it takes (<see cref="Codes"/>, shown with its
/// labels), the only values it takes (<see cref="Values"/>), the most characters of a search term (<see cref="MaxLength"/>).
/// </summary>
public sealed record ParameterDoc(string Name, string Description, int? Min = null, int? Max = null, string? Pattern = null, string? Format = null,
    Type? Codes = null, string[]? Values = null, int? MaxLength = null);

/// <summary>
/// What one capability tells integrators. Each capability declares one public static field of this type (in its
/// <c>*Docs.cs</c>); <see cref="Contracts"/> finds them, so Core names no feature.
/// </summary>
public sealed record ApiDocs(IReadOnlyList<TagDoc> Tags, IReadOnlyList<OperationDoc> Operations, IReadOnlyList<RuleDoc> Rules,
    IReadOnlyList<ParameterDoc>? Parameters = null);

/// <summary>Every capability's docs together: the tags, the operations by name and the rule catalogue.</summary>
public static class Contracts
{
    private static readonly Lazy<IReadOnlyList<ApiDocs>> Found = new(() =>
        [.. typeof(Contracts).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.FieldType == typeof(ApiDocs))
            .OrderBy(f => f.DeclaringType!.FullName, StringComparer.Ordinal)
            .Select(f => (ApiDocs)f.GetValue(null)!)]);

    private static readonly Lazy<IReadOnlyDictionary<string, OperationDoc>> ByName = new(() =>
        Found.Value.SelectMany(d => d.Operations).ToDictionary(o => o.Name, StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlyDictionary<string, RuleDoc>> ByRule = new(() =>
        Found.Value.SelectMany(d => d.Rules).ToDictionary(r => r.Rule, StringComparer.Ordinal));

    private static readonly Lazy<IReadOnlyDictionary<string, ParameterDoc>> ByParameter = new(() =>
        Found.Value.SelectMany(d => d.Parameters ?? []).ToDictionary(p => p.Name, StringComparer.Ordinal));

    public static IReadOnlyDictionary<string, ParameterDoc> Parameters => ByParameter.Value;

    public static IReadOnlyList<TagDoc> Tags => [.. Found.Value.SelectMany(d => d.Tags).OrderBy(t => t.Order).ThenBy(t => t.Name, StringComparer.Ordinal)];

    public static IReadOnlyDictionary<string, OperationDoc> Operations => ByName.Value;

    /// <summary>The rule catalogue: every rule the API may name in a refusal.</summary>
    public static IReadOnlyDictionary<string, RuleDoc> Rules => ByRule.Value;

    public static OperationDoc? Operation(string? name) => name is not null && ByName.Value.TryGetValue(name, out var doc) ? doc : null;

    /// <summary>The rules an operation declares, in catalogue order.</summary>
    public static IReadOnlyList<RuleDoc> RulesOf(OperationDoc operation) => RulesOf(operation.Rules ?? []);

    /// <summary>The catalogue's rules named (a name, or a prefix such as "activity."), in catalogue order.</summary>
    public static IReadOnlyList<RuleDoc> RulesOf(IReadOnlyList<string> named) =>
        [.. Rules.Values.Where(r => named.Any(p => p.EndsWith('.') ? r.Rule.StartsWith(p, StringComparison.Ordinal) : r.Rule == p))
            .OrderBy(r => r.Rule, StringComparer.Ordinal)];

    /// <summary>The endpoint's name (Wolverine's <c>Name</c> or a minimal API's <c>WithName</c>) as a camelCase operationId.</summary>
    public static string OperationId(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
