using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Outputs;

/// <summary>Rules of outputs and their review (seed 001 二.3, 三.(三).3, 四), as pure functions.</summary>
public static class OutputRules
{
    /// <summary>seed 001 四: a typical case is at most 3000 characters (字数不超过3000字).</summary>
    public const int MaxCaseCharacters = 3000;

    public static bool IsCase(OutputKind kind) => kind is OutputKind.TypicalCase or OutputKind.LibraryCase;

    /// <summary>
    /// Whether an output counts where a reviewer or a checklist counts outputs: approved by its school or recommended
    /// further. Drafts, submitted and returned outputs never count (seed 001 四: what is counted has been reviewed).
    /// </summary>
    public static bool Counts(OutputState state) => state is OutputState.Approved or OutputState.Recommended;

    /// <summary>The codes of the states that <see cref="Counts"/>, for queries over the state column.</summary>
    public static readonly string[] CountingCodes = [.. Enum.GetValues<OutputState>().Where(Counts).Select(s => s.Code())];

    /// <remarks>A date after today is the input's own mistake (OutputInput.Check, a 400 with the rest of the body).</remarks>
    public static Refusal? Check(StudioState studio, OutputFacts facts)
    {
        if (facts.Date < studio.FoundedOn) return new("output.date-before-founding", $"The studio was founded on {studio.FoundedOn:yyyy-MM-dd}.");
        // A case's category and length are the input's own (OutputInput.Check, a 400 with the rest of the body).
        foreach (var author in facts.Authors)
        {
            if (!studio.Roster.EverHeld(author))
                return new("output.author-not-on-roster", $"The author {author} has never been on this studio's roster.");
        }
        return null;
    }

    public enum Step { Revise, Submit, Approve, Return, Recommend }

    /// <summary>The review path: draft → submitted → approved (or returned) → recommended upward.</summary>
    /// <param name="output">The output's standing, null when there is none (or it is another studio's).</param>
    public static Refusal? Can(OutputStanding? output, Guid outputId, Step step, RecommendationLevel? level = null)
    {
        if (output is null) return Refusal.Unknown("output.unknown", $"No output {outputId} in this studio.");
        var state = output.State;
        bool ok = step switch
        {
            Step.Revise or Step.Submit => state is OutputState.Draft or OutputState.Returned,
            Step.Approve or Step.Return => state == OutputState.Submitted,
            Step.Recommend => state is OutputState.Approved or OutputState.Recommended,
            _ => false,
        };
        if (!ok)
            return new($"output.cannot-{step.ToString().ToLowerInvariant()}",
                $"An output that is {state.Code()} ({state.Label()}) cannot be {Past(step)}.");
        if (step == Step.Recommend && output.Level is { } current && level <= current)
            return new("output.level-not-higher", $"The output is already recommended to {current.Code()}; recommend it higher.");
        return null;
    }

    /// <summary>
    /// The recommendation ladder: a reviewer recommends only to the next level above their own jurisdiction (the region
    /// claim) — a district's reviewer to the city (市级), a city's to the province (省级), a province's to the ministry
    /// (教育部); a national reviewer (000000) recommends to the ministry too. Null: no level (no usable jurisdiction).
    /// Nobody recommends to the district level: a school's approval is the step below the city.
    /// </summary>
    public static RecommendationLevel? RecommendsTo(string? jurisdiction) =>
        !Region.IsScope(jurisdiction) ? null
        : Region.Depth(jurisdiction!) switch
        {
            3 => RecommendationLevel.City,
            2 => RecommendationLevel.Province,
            _ => RecommendationLevel.Ministry,
        };

    public static Refusal? Recommends(string? jurisdiction, RecommendationLevel level) =>
        RecommendsTo(jurisdiction) is { } allowed && allowed == level
            ? null
            : new("output.level-outside-jurisdiction", RecommendsTo(jurisdiction) is { } next
                ? $"A reviewer of {jurisdiction} recommends to the next level above it, {next.Code()} ({next.Label()}), not to {level.Code()}."
                : "The reviewer's token names no region to recommend from.");

    /// <summary>
    /// Who reads an output in which state. Until it is submitted (and again once returned) an output is the studio's
    /// own: its host and members — the authors are on its roster (output.author-not-on-roster). Once submitted its
    /// school (a school admin covering the studio's region) reads it too; once approved or recommended, reviewers and
    /// integration clients covering the region as well. Everyone else reads no output of the studio.
    /// </summary>
    public static IReadOnlyList<OutputState> VisibleStates(Caller caller, Guid studioId, Region region) => caller.Role switch
    {
        Role.Host or Role.Member when caller.InStudio(studioId) => Everything,
        Role.School when caller.Covers(region) => Submitted,
        Role.Reviewer or Role.Integration when caller.Covers(region) => Approved,
        _ => [],
    };

    private static readonly OutputState[] Everything = Enum.GetValues<OutputState>();
    private static readonly OutputState[] Submitted = [OutputState.Submitted, OutputState.Approved, OutputState.Recommended];
    private static readonly OutputState[] Approved = [OutputState.Approved, OutputState.Recommended];

    private static string Past(Step step) => step switch
    {
        Step.Revise => "revised",
        Step.Submit => "submitted",
        Step.Approve => "approved",
        Step.Return => "returned",
        _ => "recommended",
    };
}
