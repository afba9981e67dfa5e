using System.Text.RegularExpressions;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Outputs;
using Workshops.Roster;
using Workshops.Teachers;
using Workshops.Tests.Support;

namespace Workshops.Tests.Contract;

/// <summary>
/// Every rule a refusal can name is in the rule catalogue, with its meaning and fix: the rules written in the code are
/// found by reading it, the ones it composes are listed here, and every HTTP test checks the rules it is answered
/// (Support/Api.cs).
/// </summary>
public sealed partial class the_rule_catalogue
{
    [GeneratedRegex("""(?:\bnew(?: Refusal)?|\.Unknown|\.Rule|\.Conflict)\(\s*"([a-z][a-z0-9-]*\.[a-z0-9.-]+)"|\["rule"\] = "([a-z.-]+)" """)]
    private static partial Regex RuleLiteral();

    [Fact]
    public void every_rule_written_in_the_code_is_in_the_catalogue()
    {
        var source = Path.Combine(OpenApiContract.Root(), "src", "Workshops.Api");
        var found = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith("Docs.cs", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => RuleLiteral().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Rule: m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)))
            .ToList();
        Assert.True(found.Count > 60, $"only {found.Count} rules found in the code");
        var missing = found.Where(r => !Contracts.Rules.ContainsKey(r.Rule)).Select(r => $"{r.File}: {r.Rule}").ToList();
        Assert.True(missing.Count == 0, "Not in the catalogue: " + string.Join(", ", missing));
    }

    [Fact]
    public void the_rules_the_code_composes_are_in_the_catalogue()
    {
        var composed = Enum.GetValues<OutputRules.Step>().Select(s => $"output.cannot-{s.ToString().ToLowerInvariant()}")
            .Concat(new[] { RosterRole.Host, RosterRole.Coordinator }.Select(r => $"{r.Code()}.none"))
            .Concat(new[] { PeriodKind.HeadTeacher, PeriodKind.Rural, PeriodKind.Principal }
                .SelectMany(k => new[] { "open", "overlap", "end-before-start", "start-after-end", "none-open" }.Select(r => $"{k.Rule}.{r}")));
        var missing = composed.Where(r => !Contracts.Rules.ContainsKey(r)).ToList();
        Assert.True(missing.Count == 0, "Not in the catalogue: " + string.Join(", ", missing));
    }
}
