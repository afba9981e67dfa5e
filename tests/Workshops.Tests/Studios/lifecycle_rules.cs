using Workshops.Core.Auth;
using Workshops.Studios;
using Workshops.Tests.Support;
using Workshops.Years;

namespace Workshops.Tests.Studios;

/// <summary>The studio's term, its assessment, renewal and dissolution, decided on given events (Given: a municipal studio founded 2022-10-16).</summary>
public sealed class lifecycle_rules
{
    private static readonly Actor Reviewer = new("r1", "厦门市教育局评审", Role.Reviewer);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly DateOnly TermEnds = new(2025, 10, 15);

    private static TermAssessed Assessed(AssessmentResult result, DateOnly? rectifyBy = null, DateOnly? termEnds = null) =>
        new(termEnds ?? TermEnds, result, null, new DateOnly(2025, 10, 1), rectifyBy, Reviewer, Given.At);

    [Fact]
    public void a_term_runs_three_years_from_the_founding_day()
    {
        var state = Given.Studio();
        Assert.Equal(new DateOnly(2025, 10, 15), state.Lifecycle.TermEnds);
        Assert.Equal(new DateOnly(2023, 2, 28), Lifecycle.TermEnd(new DateOnly(2020, 2, 29), 3));
        Assert.Equal(new DateOnly(2024, 2, 29), Lifecycle.TermEnd(new DateOnly(2021, 3, 1), 3));
    }

    [Fact]
    public void a_term_is_assessed_in_its_last_year_or_after_not_before()
    {
        var state = Given.Studio().Lifecycle;
        Assert.Equal("term.not-ending", Lifecycle.Assess(state, "350200", new DateOnly(2024, 10, 15), Today)?.Rule);
        Assert.Null(Lifecycle.Assess(state, "350200", new DateOnly(2024, 10, 16), Today));
        Assert.Null(Lifecycle.Assess(state, "350200", Today, Today));
        Assert.Equal("term.date-in-future", Lifecycle.Assess(state, "350200", Today.AddDays(1), Today)?.Rule);
    }

    [Theory]
    [InlineData("350203", StudioLevel.Municipal, "studio.level-above-reviewer")]
    [InlineData("350200", StudioLevel.Municipal, null)]
    [InlineData("350000", StudioLevel.Municipal, null)]
    [InlineData("000000", StudioLevel.Provincial, null)]
    [InlineData("350200", StudioLevel.Provincial, "studio.level-above-reviewer")]
    [InlineData("350203", StudioLevel.District, null)]
    [InlineData("350203", StudioLevel.School, null)]
    [InlineData(null, StudioLevel.School, "studio.level-above-reviewer")]
    public void a_reviewer_decides_a_term_at_the_studios_level_or_above(string? jurisdiction, StudioLevel level, string? rule) =>
        Assert.Equal(rule, Lifecycle.ActsAt(jurisdiction, level)?.Rule);

    [Fact]
    public void unqualified_opens_a_rectification_and_a_passing_reassessment_closes_it()
    {
        var failed = Given.Studio(Assessed(AssessmentResult.Unqualified, new DateOnly(2026, 4, 1))).Lifecycle;
        Assert.Equal((AssessmentResult.Unqualified, new DateOnly(2026, 4, 1)), (failed.TermResult!.Value, failed.RectifyBy!.Value));
        var rectified = Given.Studio(Assessed(AssessmentResult.Unqualified, new DateOnly(2026, 4, 1)), Assessed(AssessmentResult.Qualified)).Lifecycle;
        Assert.Equal((AssessmentResult.Qualified, (DateOnly?)null), (rectified.TermResult!.Value, rectified.RectifyBy));
    }

    [Fact]
    public void only_a_term_assessed_qualified_or_excellent_is_renewed()
    {
        Assert.Equal("term.renewal-needs-pass", Lifecycle.Renew(Given.Studio().Lifecycle, "350200")?.Rule);
        Assert.Equal("term.renewal-needs-pass",
            Lifecycle.Renew(Given.Studio(Assessed(AssessmentResult.Unqualified, new DateOnly(2026, 4, 1))).Lifecycle, "350200")?.Rule);
        Assert.Null(Lifecycle.Renew(Given.Studio(Assessed(AssessmentResult.Excellent)).Lifecycle, "350200"));
        Assert.Equal("studio.level-above-reviewer", Lifecycle.Renew(Given.Studio(Assessed(AssessmentResult.Qualified)).Lifecycle, "350203")?.Rule);
    }

    [Fact]
    public void a_renewal_starts_a_new_unassessed_term_and_an_old_terms_assessment_does_not_count_for_it()
    {
        var renewed = Given.Studio(Assessed(AssessmentResult.Qualified),
            new StudioRenewed(new DateOnly(2025, 10, 16), new DateOnly(2028, 10, 15), "续建", Reviewer, Given.At)).Lifecycle;
        Assert.Equal((new DateOnly(2028, 10, 15), (AssessmentResult?)null), (renewed.TermEnds, renewed.TermResult));
        var late = Given.Studio(new StudioRenewed(new DateOnly(2025, 10, 16), new DateOnly(2028, 10, 15), "续建", Reviewer, Given.At),
            Assessed(AssessmentResult.Excellent, termEnds: TermEnds)).Lifecycle;
        Assert.Equal("term.renewal-needs-pass", Lifecycle.Renew(late, "350200")?.Rule);
    }

    [Fact]
    public void a_dissolved_studio_refuses_every_write()
    {
        var open = Given.Studio();
        Assert.Null(open.RefusesWrites());
        var dissolved = Given.Studio(new StudioDissolved(new DateOnly(2026, 3, 1), "整改不到位", Reviewer, Given.At));
        Assert.Equal(("studio.dissolved", 422), (dissolved.RefusesWrites()!.Rule, dissolved.RefusesWrites()!.Status));
    }

    [Fact]
    public void a_dissolution_is_dated_between_the_founding_and_today()
    {
        var state = Given.Studio();
        Assert.Equal("term.date-before-founding", Lifecycle.Dissolve(state.Lifecycle, state.FoundedOn, "350200", new DateOnly(2022, 10, 15), Today)?.Rule);
        Assert.Equal("term.date-in-future", Lifecycle.Dissolve(state.Lifecycle, state.FoundedOn, "350200", Today.AddDays(1), Today)?.Rule);
        Assert.Null(Lifecycle.Dissolve(state.Lifecycle, state.FoundedOn, "350200", Today, Today));
    }

    [Theory]
    [InlineData(Role.School, "350203", StudioLevel.School, null, null)]
    [InlineData(Role.Reviewer, "350203", StudioLevel.School, null, null)]
    [InlineData(Role.School, "350203", StudioLevel.District, "已遴选", "studio.level-by-selection")]
    [InlineData(Role.School, "350200", StudioLevel.Municipal, "已遴选", "studio.level-by-selection")]
    [InlineData(Role.Reviewer, "350203", StudioLevel.Municipal, "已遴选", "studio.level-by-selection")]
    [InlineData(Role.Reviewer, "350000", StudioLevel.Municipal, "已遴选", "studio.level-by-selection")]
    [InlineData(Role.Reviewer, "000000", StudioLevel.Provincial, "已遴选", "studio.level-by-selection")]
    [InlineData(Role.Reviewer, "350200", StudioLevel.Municipal, " ", "studio.registration-needs-reason")]
    [InlineData(Role.Reviewer, "350200", StudioLevel.Municipal, "已遴选", null)]
    [InlineData(Role.Reviewer, "350203", StudioLevel.District, "已遴选", null)]
    [InlineData(Role.Reviewer, "350000", StudioLevel.Provincial, "已遴选", null)]
    public void only_a_school_level_studio_is_established_directly_but_a_bureau_registers_its_own_level_with_a_reason(
        Role role, string jurisdiction, StudioLevel level, string? reason, string? rule) =>
        Assert.Equal(rule, Establishing.Directly(role, jurisdiction, level, reason)?.Rule);

    [Theory]
    [InlineData("2026-06-30", false, "2026-06-30", false)]
    [InlineData("2026-06-30", false, "2026-07-01", true)]
    [InlineData("2026-06-30", true, "2026-07-01", false)]
    [InlineData(null, false, "2026-07-01", false)]
    public void a_rectification_is_overdue_the_day_after_it_was_due(string? rectifyBy, bool dissolved, string day, bool overdue) =>
        Assert.Equal(overdue, Lifecycle.Overdue(rectifyBy is null ? null : DateOnly.Parse(rectifyBy), dissolved, DateOnly.Parse(day)));

    [Theory]
    [InlineData("2025-10-15", "", false, "2025-10-15", false)]
    [InlineData("2025-10-15", "", false, "2025-10-16", true)]
    [InlineData("2025-10-15", "2025-10-15", false, "2026-03-02", false)]
    [InlineData("2028-10-15", "2025-10-15", false, "2026-03-02", false)]
    [InlineData("2025-10-15", "2022-10-15", false, "2026-03-02", true)]
    [InlineData("2025-10-15", "", true, "2026-03-02", false)]
    public void a_term_is_overdue_for_assessment_the_day_after_it_ended_until_it_is_assessed(string termEnds, string assessed, bool dissolved, string day, bool overdue) =>
        Assert.Equal(overdue, Lifecycle.Unassessed(DateOnly.Parse(termEnds), assessed.Length == 0 ? [] : [DateOnly.Parse(assessed)], dissolved, DateOnly.Parse(day)));

    [Fact]
    public void the_standing_is_derived_from_the_rectification_and_the_dissolution()
    {
        var started = StudioLifecycle.Start(Given.Established());
        Assert.Equal(StudioStanding.Active, started.Standing);
        var at = new EventRef(Guid.NewGuid(), "x", 2, Reviewer, Given.At);
        var rectifying = started.Fold(Assessed(AssessmentResult.Unqualified, new DateOnly(2026, 6, 30)), at);
        Assert.Equal((StudioStanding.Rectifying, "整改中"), (rectifying.Standing, rectifying.StandingLabel));
        Assert.True(rectifying.On(new DateOnly(2026, 7, 1)).RectificationOverdue);
        Assert.Equal(StudioStanding.Dissolved, rectifying.Fold(new StudioDissolved(Today, "撤销", Reviewer, Given.At), at).Standing);
    }
}
