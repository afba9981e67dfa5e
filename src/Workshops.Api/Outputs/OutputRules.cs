using Workshops.Core;
using Workshops.Studios;

namespace Workshops.Outputs;

/// <summary>Rules of outputs and their review (seed 001 二.3, 三.(三).3, 四), as pure functions.</summary>
public static class OutputRules
{
    /// <summary>seed 001 四: a typical case is at most 3000 characters (字数不超过3000字).</summary>
    public const int MaxCaseCharacters = 3000;

    public static bool IsCase(OutputKind kind) => kind is OutputKind.TypicalCase or OutputKind.LibraryCase;

    public static Refusal? Check(StudioState studio, OutputFacts facts, DateOnly today)
    {
        if (facts.Date > today) return new("output.date-in-future", $"The date {facts.Date:yyyy-MM-dd} is in the future.");
        if (facts.Date < studio.FoundedOn) return new("output.date-before-founding", $"The studio was founded on {studio.FoundedOn:yyyy-MM-dd}.");
        if (IsCase(facts.Kind) && facts.Category is null)
            return new("output.category-required",
                $"A case needs one of the five categories: {Codes.Allowed<CaseCategory>()}.");
        if (!IsCase(facts.Kind) && facts.Category is not null)
            return new("output.category-not-applicable", "Only cases carry a case category.");
        var length = Core.Check.Length(facts.Body);
        if (IsCase(facts.Kind) && length > MaxCaseCharacters)
            return new("output.case-too-long", $"The case is {length} characters; seed 001 allows at most {MaxCaseCharacters}.");
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

    private static string Past(Step step) => step switch
    {
        Step.Revise => "revised",
        Step.Submit => "submitted",
        Step.Approve => "approved",
        Step.Return => "returned",
        _ => "recommended",
    };
}
