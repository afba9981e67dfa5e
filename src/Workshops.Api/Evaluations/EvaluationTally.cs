using JasperFx.Events;
using Marten.Events.Aggregation;
using Workshops.Core;

namespace Workshops.Evaluations;

/// <summary>How many evaluations gave each score (1–5) to one question.</summary>
public sealed record QuestionCounts(Question Question, IReadOnlyList<int> Counts);

/// <summary>
/// The evaluations of one subject summed: how many, the score counts per question and the comments. Folded inline from
/// the subject's stream (each evaluation is appended with the stream's version checked, so none is lost from the sum).
/// It holds nothing an author could be found by.
/// </summary>
public sealed record EvaluationTally
{
    public Guid Id { get; init; }
    public string Subject { get; init; } = "";
    public SubjectKind Kind { get; init; }
    public Guid? StudioId { get; init; }
    public Guid? ActivityId { get; init; }
    public string? Region { get; init; }
    public string? Programme { get; init; }
    public int Year { get; init; }
    public int Count { get; init; }
    public IReadOnlyList<QuestionCounts> Questions { get; init; } = [];
    public IReadOnlyList<string> Comments { get; init; } = [];

    public static EvaluationTally? Fold(EvaluationTally? tally, IEvent e)
    {
        if (e.Data is not EvaluationSubmitted x) return tally;
        var doc = tally ?? new EvaluationTally
        {
            Id = e.StreamId, Subject = x.Subject, Kind = x.Kind, StudioId = x.StudioId, ActivityId = x.ActivityId, Region = x.Region,
            Programme = x.Programme, Year = x.Year,
            Questions = [.. Enum.GetValues<Question>().Select(q => new QuestionCounts(q, [0, 0, 0, 0, 0]))],
        };
        return doc with
        {
            Count = doc.Count + 1,
            Questions = [.. doc.Questions.Select(q => x.Scores.TryGetValue(q.Question, out var score) && score is >= 1 and <= 5
                ? q with { Counts = [.. q.Counts.Select((n, i) => i == score - 1 ? n + 1 : n)] }
                : q)],
            Comments = string.IsNullOrWhiteSpace(x.Comment) ? doc.Comments : [.. doc.Comments, x.Comment],
        };
    }
}

public partial class EvaluationTallyProjection : SingleStreamProjection<EvaluationTally, Guid>
{
    public EvaluationTallyProjection()
    {
        ProjectionTuning.Apply(Options);
        IncludeType<EvaluationSubmitted>();
    }

    public override EvaluationTally? Evolve(EvaluationTally? snapshot, Guid id, IEvent e) => EvaluationTally.Fold(snapshot, e);
}

/// <summary>One question's results: the mean score and how many gave each score 1–5.</summary>
public sealed record QuestionResult(Question Question, string Label, decimal Mean, IReadOnlyList<int> Distribution);

/// <summary>Results of one subject (or pooled): shown only from <see cref="EvaluationResultsRules.Floor"/> evaluations on.</summary>
public sealed record EvaluationResults(bool Shown, int? Responses, IReadOnlyList<QuestionResult> Questions, IReadOnlyList<string> Comments, string Why);

/// <summary>
/// What evaluations may show, as pure functions: nothing below five evaluations (a smaller group would let its members,
/// or the host who knows who attended, tell who said what), not even how many; the comments in text order, not the
/// order they came in.
/// </summary>
public static class EvaluationResultsRules
{
    public const int Floor = 5;

    public static readonly EvaluationResults Hidden = new(false, null, [], [],
        $"Results show once at least {Floor} evaluations exist: a smaller group would reveal who said what.");

    public static EvaluationResults Of(EvaluationTally? tally) => Pool(tally is null ? [] : [tally]);

    /// <summary>Several subjects' evaluations together, counting only subjects that show on their own (no difference reveals a hidden one).</summary>
    public static EvaluationResults Pool(IEnumerable<EvaluationTally> tallies)
    {
        var shown = tallies.Where(t => t.Count >= Floor).ToList();
        if (shown.Count == 0) return Hidden;
        var count = shown.Sum(t => t.Count);
        var questions = Enum.GetValues<Question>().Select(q =>
        {
            var counts = Enumerable.Range(0, 5).Select(i => shown.Sum(t => t.Questions.FirstOrDefault(x => x.Question == q)?.Counts.ElementAtOrDefault(i) ?? 0)).ToList();
            var answered = counts.Sum();
            var mean = answered == 0 ? 0 : Math.Round((decimal)counts.Select((n, i) => n * (i + 1)).Sum() / answered, 2);
            return new QuestionResult(q, q.Label(), mean, counts);
        }).ToList();
        return new EvaluationResults(true, count, questions, [.. shown.SelectMany(t => t.Comments).Order(StringComparer.Ordinal)],
            $"{count} evaluations from {shown.Count} {(shown.Count == 1 ? "subject" : "subjects")} with at least {Floor} each.");
    }
}
