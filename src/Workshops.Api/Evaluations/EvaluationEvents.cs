namespace Workshops.Evaluations;

/// <summary>
/// An anonymous evaluation (seed 004 八 学员网络匿名评估). Deliberately unlike every other event, it names no author —
/// not their id, not their token's subject, not the one-way token that keeps them to one evaluation (that is kept apart,
/// <see cref="EvaluationTokens"/>) — and it carries the day only, not the moment. The stream is the subject's own: one per
/// activity or training programme, never the studio's.
/// </summary>
public sealed record EvaluationSubmitted(
    string Subject,
    SubjectKind Kind,
    Guid? StudioId,
    Guid? ActivityId,
    string? Region,
    string? Programme,
    int Year,
    DateOnly Day,
    IReadOnlyDictionary<Question, int> Scores,
    string? Comment);
