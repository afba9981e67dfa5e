using Workshops.Reference;
using Workshops.Core.Contract;

namespace Workshops.Core;

/// <summary>
/// National administrative division codes (six digits): province, city and, below a city, district.
/// </summary>
public sealed record Region([RegionCode] string Province, [RegionCode] string City, [RegionCode] string? District = null)
{
    /// <summary>The scope of the ministry: a region claim of 000000 covers every region.</summary>
    public const string National = "000000";

    /// <summary>The significant prefix of a code: 000000 → "", 350000 → 35, 350200 → 3502, 350203 → 350203.</summary>
    public static string Prefix(string code) =>
        code == National ? ""
        : code.EndsWith("0000", StringComparison.Ordinal) ? code[..2]
        : code.EndsWith("00", StringComparison.Ordinal) ? code[..4]
        : code;

    /// <summary>Does the scope code (a region claim or filter) contain the code?</summary>
    public static bool Contains(string scope, string code) =>
        (scope == National || IsCode(scope)) && (code == National || IsCode(code)) && code.StartsWith(Prefix(scope), StringComparison.Ordinal);

    /// <summary>A scope's level: national, province, city or district.</summary>
    public static int Depth(string code) => code == National ? 0 : code.EndsWith("0000", StringComparison.Ordinal) ? 1 : code.EndsWith("00", StringComparison.Ordinal) ? 2 : 3;

    /// <summary>A region code or the national scope, as used in claims and filters.</summary>
    public static bool IsScope(string? code) => code == National || IsCode(code);

    public static bool IsCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit) && code != "000000";

    /// <summary>The most precise code of the region.</summary>
    public string Code => District ?? City;

    public IEnumerable<string> Codes() => District is null ? [Province, City] : [Province, City, District];

    /// <summary>
    /// Per-field problems of a region: each code well formed, in the division list (Reference/divisions.tsv) at its
    /// level, and inside the code above it.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Problems(Region? region)
    {
        if (region is null)
        {
            yield return ("region", "is required");
            yield break;
        }
        if (!IsCode(region.Province) || !region.Province.EndsWith("0000", StringComparison.Ordinal))
            yield return ("region.province", "must be a six-digit province code ending in 0000, e.g. 350000");
        else if (Divisions.Level(region.Province) != DivisionLevel.Province)
            yield return ("region.province", $"{region.Province} is not a province in the division list");
        if (!IsCode(region.City) || region.City.EndsWith("0000", StringComparison.Ordinal) ||
            !region.City.EndsWith("00", StringComparison.Ordinal) || !region.City.StartsWith(region.Province[..Math.Min(2, region.Province.Length)], StringComparison.Ordinal))
            yield return ("region.city", "must be a six-digit city code ending in 00 inside the province, e.g. 350200");
        else if (Divisions.Find(region.City) is not { Level: DivisionLevel.City } city || city.Parent != region.Province)
            yield return ("region.city", $"{region.City} is not a city of {region.Province} in the division list");
        if (region.District is null) yield break;
        if (!IsCode(region.District) || region.District.EndsWith("00", StringComparison.Ordinal) ||
            region.City.Length < 4 || !region.District.StartsWith(region.City[..4], StringComparison.Ordinal))
            yield return ("region.district", "must be a six-digit district code inside the city, e.g. 350203");
        else if (Divisions.Find(region.District) is not { Level: DivisionLevel.District } district || district.Parent != region.City)
            yield return ("region.district", $"{region.District} is not a county-level division of {region.City} in the division list");
    }
}

/// <summary>
/// The names of a region's divisions, beside its codes on the wire (<c>region</c> → <c>regionNames</c> in a labelled
/// record): <c>province</c>, <c>city</c> and <c>district</c> as the division list (GB/T 2260) names them, and the
/// <c>label</c> people write ("福建省 厦门市 思明区"); null for a code the list does not hold.
/// </summary>
public sealed record RegionNames(string? Province, string? City, string? District, string? Label)
{
    public static RegionNames Of(Region region) =>
        new(Divisions.Name(region.Province), Divisions.Name(region.City), Divisions.Name(region.District), Divisions.Label(region));
}
