using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Growth;
using Workshops.Programmes;
using Workshops.Studios;

namespace Workshops.Training;

/// <summary>
/// One rule of a region's credit recognition (学分互认): which outside credits it matches (issued inside
/// <see cref="FromRegion"/>, by one of <see cref="Issuers"/>, under one of <see cref="Programmes"/>, at
/// <see cref="MinLevel"/> or above, of one of <see cref="Categories"/>; each left out matches anything), and whether it
/// recognises them (toward the policies in <see cref="Toward"/>; none listed: every policy) or refuses them.
/// </summary>
public sealed record RecognitionRule(
    string Code,
    bool Accept,
    IReadOnlyList<string> Toward,
    string Source,
    string? FromRegion = null,
    IReadOnlyList<string>? Issuers = null,
    IReadOnlyList<string>? Programmes = null,
    TrainingLevel? MinLevel = null,
    IReadOnlyList<CreditCategory>? Categories = null)
{
    public bool Matches(OutsideCredit c) =>
        (FromRegion is null || Region.Contains(FromRegion, c.Source.Region))
        && (Issuers is not { Count: > 0 } || Issuers.Contains(c.Source.Issuer))
        && (Programmes is not { Count: > 0 } || Programmes.Contains(c.Source.Programme))
        && (MinLevel is not { } min || c.Level >= min)
        && (Categories is not { Count: > 0 } || Categories.Contains(c.Category));
}

/// <summary>A region's rules from a day; later adoptions are added, never edited (the days before keep the rules they had).</summary>
public sealed record RecognitionAdoption(DateOnly From, IReadOnlyList<RecognitionRule> Rules, Actor By, DateTimeOffset At);

/// <summary>Every adoption of recognition rules a region (province, city or district) has made.</summary>
public sealed record RegionCreditRules
{
    public string Id { get; init; } = "";
    public IReadOnlyList<RecognitionAdoption> Adoptions { get; init; } = [];
}

/// <summary>The rules in effect for a region on a day: those of the most specific region along its chain that adopted some.</summary>
public sealed record RulesInEffect(string? Region, DateOnly? Since, IReadOnlyList<RecognitionRule> Rules);

/// <summary>What the rules say of one credit.</summary>
public sealed record Verdict(bool Recognised, IReadOnlyList<string> Toward, string Rule, string? RulesRegion, string Why);

/// <summary>An outside credit with where it stands for the teacher's school on the day.</summary>
public sealed record CreditView(OutsideCredit Credit, CreditStanding Standing, string Label, IReadOnlyList<string>? Toward);

/// <summary>
/// The credit bank (seed 004 五 建立培训学分管理制度，探索建立培训学分银行…学分互认) as pure functions. Credits keep
/// their source. A credit issued by an authority whose area covers the teacher's school — the district, city or
/// province of the school, or the ministry (000000) — is local and counts toward every policy. Any other is counted
/// only once the region's rules recognised it: the decision is an event on the teacher's stream, toward the policies
/// the matching rule names. No rule matching (or no rules adopted) is a refusal.
/// </summary>
public static class CreditBank
{
    public const string Source = "seed 004 五 建立培训学分管理制度，探索建立培训学分银行…学分互认";

    public static bool IsLocal(CreditSource source, string schoolRegion) =>
        source.Region == Region.National || (Region.IsCode(source.Region) && Region.Contains(source.Region, schoolRegion));

    public static RulesInEffect Resolve(IReadOnlyList<RegionCreditRules> adoptions, string region, DateOnly day, DateTimeOffset? recordedBy = null)
    {
        foreach (var code in RuleSetLibrary.Chain(region))
        {
            var adopted = adoptions.FirstOrDefault(a => a.Id == code)?.Adoptions
                .Where(a => a.From <= day && (recordedBy is null || a.At < recordedBy))
                .OrderBy(a => a.From).ThenBy(a => a.At)
                .LastOrDefault();
            if (adopted is not null) return new RulesInEffect(code, adopted.From, adopted.Rules);
        }
        return new RulesInEffect(null, null, []);
    }

    /// <summary>The first rule matching the credit decides it.</summary>
    public static Verdict Decide(RulesInEffect rules, OutsideCredit credit)
    {
        if (rules.Rules.FirstOrDefault(r => r.Matches(credit)) is not { } rule)
            return new Verdict(false, [], "credit-bank.no-rule", rules.Region, rules.Region is null
                ? "No region along the school's chain has adopted recognition rules: credits from elsewhere count toward nothing."
                : $"No rule of {rules.Region} matches credits of {credit.Source.Issuer} ({credit.Source.Region}, {credit.Level.Code()}, {credit.Category.Code()}).");
        return rule.Accept
            ? new Verdict(true, rule.Toward, rule.Code, rules.Region,
                $"Rule {rule.Code} of {rules.Region} recognises it toward {(rule.Toward.Count == 0 ? "every policy" : string.Join(", ", rule.Toward))} ({rule.Source}).")
            : new Verdict(false, [], rule.Code, rules.Region, $"Rule {rule.Code} of {rules.Region} refuses it ({rule.Source}).");
    }

    public static CreditStanding StandingOf(OutsideCredit credit, string schoolRegion) =>
        credit.RetractedAt is not null ? CreditStanding.Retracted
        : IsLocal(credit.Source, schoolRegion) ? CreditStanding.Local
        : credit.Decision is not { } d ? CreditStanding.Undecided
        : d.Recognised ? CreditStanding.Recognised
        : CreditStanding.Refused;

    public static CreditView View(OutsideCredit credit, string schoolRegion)
    {
        var standing = StandingOf(credit, schoolRegion);
        return new CreditView(credit, standing, standing.Label(), standing == CreditStanding.Recognised ? credit.Decision!.Toward : null);
    }

    /// <summary>The credits that count for a teacher whose school is in <paramref name="schoolRegion"/>: local ones, and recognised ones toward their policies.</summary>
    public static IReadOnlyList<TrainingCredit> Counting(TrainingRecord record, string schoolRegion) =>
    [
        .. record.Credits.Select(c => (Credit: c, Standing: StandingOf(c, schoolRegion)))
            .Where(x => x.Standing is CreditStanding.Local or CreditStanding.Recognised)
            .Select(x => new TrainingCredit(x.Credit.CreditId.ToString(), x.Credit.Course, x.Credit.Date, x.Credit.Hours, x.Credit.Category, x.Credit.Level,
                x.Credit.Source, x.Standing == CreditStanding.Recognised ? x.Credit.Decision!.Toward : null)),
    ];

    /// <summary>Per-field problems of rules sent as data.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(IReadOnlyList<RecognitionRule>? rules)
    {
        if (rules is null || rules.Count > 50)
        {
            yield return ("rules", "list 0-50 rules");
            yield break;
        }
        var codes = new HashSet<string>();
        for (var i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            var field = $"rules[{i}]";
            if (r is null)
            {
                yield return (field, "is required");
                continue;
            }
            if (string.IsNullOrEmpty(r.Code) || r.Code.Length > 50 || !r.Code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
                yield return ($"{field}.code", "must be 1-50 lower-case ASCII letters, digits or '-'");
            else if (!codes.Add(r.Code)) yield return ($"{field}.code", "codes must be distinct");
            if (string.IsNullOrWhiteSpace(r.Source) || Check.Length(r.Source) > 300) yield return ($"{field}.source", "is required, at most 300 characters");
            if (r.FromRegion is not null && !Region.IsScope(r.FromRegion)) yield return ($"{field}.fromRegion", "must be a six-digit region code or 000000");
            if (r.Toward is null || r.Toward.Count > 20 || r.Toward.Any(t => HourClocks.Find(t) is null))
                yield return ($"{field}.toward", "list 0-20 codes of hour policies with clocks");
            foreach (var (list, name) in new[] { (r.Issuers, "issuers"), (r.Programmes, "programmes") })
                if (list is { } items && (items.Count > 50 || items.Any(x => string.IsNullOrWhiteSpace(x) || Check.Length(x) > 100)))
                    yield return ($"{field}.{name}", "list at most 50 texts of 1-100 characters");
        }
    }
}
