using Workshops.Evaluations;
using static Workshops.Tests.Support.Given;

namespace Workshops.Tests.Evaluations;

/// <summary>What anonymous evaluations may show: nothing below five, aggregates from five on.</summary>
public sealed class evaluation_rules
{
    private static readonly Guid Subject = Guid.NewGuid();

    private static EvaluationSubmitted Scored(int score, string? comment = null) =>
        new("activity:x", SubjectKind.Activity, StudioId, Guid.NewGuid(), null, null, 2026, new DateOnly(2026, 3, 2),
            Enum.GetValues<Question>().ToDictionary(q => q, q => q == Question.Overall ? score : 4), comment);

    private static EvaluationTally? Tally(params EvaluationSubmitted[] evaluations)
    {
        EvaluationTally? tally = null;
        var version = 0L;
        foreach (var e in evaluations) tally = EvaluationTally.Fold(tally, Wrap(e, ++version, Subject));
        return tally;
    }

    [Fact]
    public void four_evaluations_show_nothing_not_even_how_many()
    {
        var results = EvaluationResultsRules.Of(Tally(Scored(5, "很有收获"), Scored(4), Scored(3), Scored(5)));
        Assert.Equal((false, (int?)null, 0, 0), (results.Shown, results.Responses, results.Questions.Count, results.Comments.Count));
    }

    [Fact]
    public void five_evaluations_show_the_means_the_distribution_and_the_comments_in_text_order()
    {
        var results = EvaluationResultsRules.Of(Tally(Scored(5, "希望多一些案例研讨"), Scored(4), Scored(3, "案例很贴近班级实际"), Scored(5), Scored(2)));
        Assert.Equal((true, (int?)5), (results.Shown, results.Responses));
        var overall = results.Questions.Single(q => q.Question == Question.Overall);
        Assert.Equal((3.8m, "总体满意度"), (overall.Mean, overall.Label));
        Assert.Equal([0, 1, 1, 1, 2], overall.Distribution);
        Assert.Equal([0, 0, 0, 5, 0], results.Questions.Single(q => q.Question == Question.Relevance).Distribution);
        Assert.Equal(["希望多一些案例研讨", "案例很贴近班级实际"], results.Comments);
    }

    [Fact]
    public void a_pool_counts_only_subjects_that_show_on_their_own()
    {
        var shown = Tally(Scored(5), Scored(5), Scored(5), Scored(5), Scored(5))!;
        var hidden = Tally(Scored(1))! with { Id = Guid.NewGuid() };
        var pooled = EvaluationResultsRules.Pool([shown, hidden]);
        Assert.Equal((5, 5m), (pooled.Responses, pooled.Questions.Single(q => q.Question == Question.Overall).Mean));
        Assert.False(EvaluationResultsRules.Pool([hidden]).Shown);
    }
}
