using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Contract;
using Workshops.Integrations;
using Workshops.Tests.Support;

namespace Workshops.Tests.Contract;

/// <summary>
/// The README's role table, webhook guide, export list and test count, and docs/ERRORS.md, are written from the code
/// (ops/openapi writes them, with UPDATE_OPENAPI=1); this test fails when the committed text differs from what the code says.
/// </summary>
public sealed partial class generated_docs(AppFixture fixture) : ApiTest(fixture)
{
    private static string Readme => Path.Combine(OpenApiContract.Root(), "README.md");
    private static string Errors => Path.Combine(OpenApiContract.Root(), "docs", "ERRORS.md");
    private static bool Update => Environment.GetEnvironmentVariable("UPDATE_OPENAPI") == "1";

    [Fact]
    public async Task the_readme_and_the_error_catalogue_say_what_the_code_does()
    {
        var readme = await File.ReadAllTextAsync(Readme);
        Assert.Matches(TestCount(), readme);
        var written = readme;
        written = Section(written, "roles", await RoleTable());
        written = Section(written, "webhooks", WebhookGuide.Markdown.Trim());
        written = Section(written, "exports", await Exports());
        written = TestCount().Replace(written, $"runs the {CountTests()} tests and ends with one line such as `{CountTests()} passed, 0 failed`");
        var errors = ErrorCatalogue((await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json);
        if (Update)
        {
            await File.WriteAllTextAsync(Readme, written);
            await File.WriteAllTextAsync(Errors, errors);
            readme = written;
        }
        Assert.True(readme == written, "README.md is not what the code says: run ops/openapi and commit README.md");
        Assert.True(File.Exists(Errors) && await File.ReadAllTextAsync(Errors) == errors, "docs/ERRORS.md is not the rule catalogue: run ops/openapi");
    }

    private static string Section(string text, string name, string body)
    {
        var start = $"<!-- generated: {name} -->";
        var end = $"<!-- end: {name} -->";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"README.md lacks the markers {start} … {end}");
        return text[..(from + start.Length)] + "\n" + body + "\n" + text[to..];
    }

    /// <summary>Every operation and who may call it, from each endpoint's policy (<see cref="Permits"/>).</summary>
    private async Task<string> RoleTable()
    {
        var provider = Host.Services.GetRequiredService<IAuthorizationPolicyProvider>();
        var tags = Contracts.Tags.Select((t, i) => (t.Name, i)).ToDictionary(t => t.Name, t => t.i);
        var rows = new List<(int Tag, string Line)>();
        foreach (var endpoint in Endpoints.All(Host).Where(e => Endpoints.Name(e) is { } n && Contracts.Operation(n) is not null))
        {
            var name = Endpoints.Name(endpoint)!;
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods[0];
            var tag = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>()?.Tags[0] ?? "";
            IReadOnlyList<Permit>? permits = null;
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                var policyName = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
                var policy = policyName is null ? await provider.GetFallbackPolicyAsync() : await provider.GetPolicyAsync(policyName);
                permits = Permits.Of(policyName, policy!, endpoint.RoutePattern.RawText ?? "");
            }
            var cells = Enum.GetValues<Role>().Select(role => permits is null ? "anyone"
                : permits.FirstOrDefault(p => p.Role == role) is { } p ? Short(p.Scope) : "");
            rows.Add((tags.GetValueOrDefault(tag, 99),
                $"| {Contracts.Operation(name)!.Summary} | `{method} {endpoint.RoutePattern.RawText}` | {string.Join(" | ", cells)} |"));
        }
        var header = "| operation | endpoint | " + string.Join(" | ", Enum.GetValues<Role>().Select(r => $"{r.Code()} ({r.Label()})")) + " |\n" +
                     "|---|---|" + string.Concat(Enum.GetValues<Role>().Select(_ => "---|"));
        return header + "\n" + string.Join("\n", rows.OrderBy(r => r.Tag).ThenBy(r => r.Line, StringComparer.Ordinal).Select(r => r.Line));
    }

    private static string Short(string scope) => scope switch
    {
        Permits.OwnStudio => "own studio",
        Permits.StudioRegion => "studio's region",
        Permits.RouteRegion => "region in route",
        Permits.BodyRegion => "region in body",
        Permits.OwnRegion => "own region",
        Permits.Anywhere => "yes",
        _ => scope.Replace("the teacher's own login", "own file").Replace("host of a studio the teacher is or was in", "their host")
            .Replace("region of a studio the teacher is or was in", "their studios' region"),
    };

    /// <summary>The operations that answer CSV and XLSX, and those that answer XLSX only, from the document.</summary>
    private async Task<string> Exports()
    {
        var doc = (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;
        IEnumerable<string> Answering(Func<JsonNode?, bool> formats) => doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => formats(m.Value!["responses"]?["200"]?["content"]))
                .Select(m => $"`{m.Key.ToUpperInvariant()} {p.Key}`"))
            .Order(StringComparer.Ordinal);
        var both = Answering(c => c?[MediaTypes.Csv] is not null && c[MediaTypes.Xlsx] is not null).ToList();
        var xlsx = Answering(c => c?[MediaTypes.Csv] is null && c?[MediaTypes.Xlsx] is not null).ToList();
        var csv = Answering(c => c?[MediaTypes.Csv] is not null && c[MediaTypes.Xlsx] is null).ToList();
        return "CSV (`?format=csv`) and XLSX (`?format=xlsx`) exports: " + string.Join(", ", both) + "." +
               (xlsx.Count > 0 ? " XLSX only: " + string.Join(", ", xlsx) + "." : "") +
               (csv.Count > 0 ? " CSV only: " + string.Join(", ", csv) + "." : "");
    }

    /// <summary>
    /// docs/ERRORS.md: every rule a refusal can name, with its meaning, its fix and the operations that answer it, read
    /// from the contract's 422 <c>x-rules</c> (an operation's own rules and those derived from the state it writes, such as
    /// <c>studio.dissolved</c>), so the catalogue names exactly the operations the contract does.
    /// </summary>
    private static string ErrorCatalogue(JsonNode contract)
    {
        var answering = RulesInContract(contract);
        var text = new StringBuilder();
        text.Append("# Error catalogue\n\n");
        text.Append("Written by `ops/openapi` from the rule catalogue (each capability's `*Docs.cs`) and the operations the contract lists ");
        text.Append("under each rule; a test fails when it differs.\n\n");
        text.Append("Every refusal is `application/problem+json`. A 400 lists every problem of the request under its JSON path in `errors` ");
        text.Append("(and, for unknown codes, the allowed codes with their labels and the suggested code in `codes`). A 403 names the role and ");
        text.Append("the studio or region that would be allowed. The refusals below name a domain rule in `rule`: 422 unless the meaning says otherwise.\n\n");
        text.Append("| rule | meaning | how to fix it | answered by |\n|---|---|---|---|\n");
        foreach (var rule in Contracts.Rules.Values.OrderBy(r => r.Rule, StringComparer.Ordinal))
        {
            var by = answering.GetValueOrDefault(rule.Rule) ?? [];
            text.Append($"| `{rule.Rule}` | {rule.Meaning} | {rule.Fix} | {string.Join(", ", by.Select(o => $"`{o}`"))} |\n");
        }
        return text.ToString();
    }

    /// <summary>Each rule the contract lists among an operation's 422 <c>x-rules</c>, with those operations' ids in order.</summary>
    private static Dictionary<string, SortedSet<string>> RulesInContract(JsonNode contract)
    {
        var answering = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (_, operations) in contract["paths"]!.AsObject())
        foreach (var (_, operation) in operations!.AsObject())
        foreach (var rule in operation?["responses"]?["422"]?["x-rules"]?.AsArray() ?? [])
        {
            var name = rule!["rule"]!.GetValue<string>();
            if (!answering.TryGetValue(name, out var ids)) answering[name] = ids = new SortedSet<string>(StringComparer.Ordinal);
            ids.Add(operation!["operationId"]!.GetValue<string>());
        }
        return answering;
    }

    /// <summary>
    /// The committed catalogue and the committed contract agree: each rule's row names the operations whose 422 lists it,
    /// derived rules included (<c>studio.dissolved</c> on every write to a studio's stream), and no rule of the contract lacks a row.
    /// </summary>
    [Fact]
    public async Task the_error_catalogue_names_the_operations_the_contract_lists_for_each_rule()
    {
        var contract = JsonNode.Parse(await File.ReadAllTextAsync(OpenApiContract.CommittedPath))!;
        var inContract = RulesInContract(contract);
        var inCatalogue = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var row in (await File.ReadAllLinesAsync(Errors)).Select(l => CatalogueRow().Match(l)).Where(m => m.Success))
            inCatalogue[row.Groups["rule"].Value] = new SortedSet<string>(
                row.Groups["by"].Value.Split(", ", StringSplitOptions.RemoveEmptyEntries).Select(o => o.Trim('`')), StringComparer.Ordinal);

        Assert.Empty(inContract.Keys.Except(inCatalogue.Keys));
        foreach (var (rule, by) in inCatalogue)
            Assert.True(by.SetEquals(inContract.GetValueOrDefault(rule) ?? []),
                $"{rule}: the catalogue names {string.Join(", ", by)}; the contract {string.Join(", ", inContract.GetValueOrDefault(rule) ?? [])}");
        Assert.Contains("reviseTask", inCatalogue["studio.dissolved"]);
        Assert.Contains("logActivity", inCatalogue["studio.dissolved"]);
    }

    [GeneratedRegex(@"^\| `(?<rule>[^`]+)` \|.*\| (?<by>(`[A-Za-z0-9]+`(, )?)*) \|$")]
    private static partial Regex CatalogueRow();

    /// <summary>Test cases the suite runs: each fact once, each theory once per data row.</summary>
    private static int CountTests() =>
        typeof(generated_docs).Assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Sum(m => m.GetCustomAttribute<TheoryAttribute>() is not null ? Rows(m) : m.GetCustomAttribute<FactAttribute>() is not null ? 1 : 0);

    private static int Rows(MethodInfo test)
    {
        var rows = test.GetCustomAttributes<InlineDataAttribute>().Count();
        foreach (var data in test.GetCustomAttributes<MemberDataAttribute>())
        {
            var type = data.MemberType ?? test.DeclaringType!;
            const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.FlattenHierarchy;
            var value = type.GetProperty(data.MemberName, flags)?.GetValue(null) ?? type.GetField(data.MemberName, flags)?.GetValue(null)
                        ?? type.GetMethod(data.MemberName, flags)?.Invoke(null, null);
            rows += ((System.Collections.IEnumerable)value!).Cast<object>().Count();
        }
        return rows;
    }

    [GeneratedRegex(@"runs the \d+ tests and ends with one line such as `\d+ passed, 0 failed`")]
    private static partial Regex TestCount();
}
