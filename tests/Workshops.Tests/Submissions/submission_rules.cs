using Workshops.Core.Auth;
using Workshops.Outputs;
using Workshops.Studios;
using Workshops.Submissions;

namespace Workshops.Tests.Submissions;

/// <summary>The provincial submission's rules (seed 001 四), called with a given package and given facts.</summary>
public sealed class submission_rules
{
    private static readonly Actor Province = new("r1", "福建省教育厅评审", Role.Reviewer);

    private static Submission Package(SubmissionState state = SubmissionState.Open, string? summary = "阶段性工作小结", params Guid[] cases) => new()
    {
        Id = SubmissionStreams.IdOf("350000", 2026), Province = "350000", Year = 2026, Deadline = new DateOnly(2026, 6, 30), State = state,
        Summary = summary, Cases = cases, Opened = new(Province, new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero)),
    };

    private static CaseFacts Case(Guid? id = null, OutputKind kind = OutputKind.TypicalCase, OutputState state = OutputState.Recommended,
        string province = "350000", int year = 2026, Track track = Track.Vocational) =>
        new(id ?? Guid.NewGuid(), kind, state, province, year, track);

    [Fact]
    public void one_and_two_cases_may_be_picked()
    {
        Assert.Null(SubmissionRules.Pick(Package(), Case()));
        Assert.Null(SubmissionRules.Pick(Package(cases: [Guid.NewGuid()]), Case()));
    }

    [Fact]
    public void a_picked_case_is_dropped_while_the_package_is_open_and_another_takes_its_place()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        Submission? package = null;
        var version = 0;
        void Apply(ISubmissionEvent e) => package = Submission.Fold(package, Workshops.Tests.Support.Given.Wrap(e, ++version));
        var at = new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero);
        var id = SubmissionStreams.IdOf("350000", 2026);
        Apply(new SubmissionOpened(id, "350000", 2026, new DateOnly(2026, 6, 30), Province, at));
        Apply(new SubmissionCasePicked(id, first, Province, at));
        Apply(new SubmissionCasePicked(id, second, Province, at));
        Assert.Equal("submission.cases.max", SubmissionRules.Pick(package!, Case())?.Rule);
        Assert.Null(SubmissionRules.Drop(package!));
        Apply(new SubmissionCaseDropped(id, first, Province, at));
        Assert.Equal([second], package!.Cases);
        Assert.Null(SubmissionRules.Pick(package!, Case()));
    }

    [Fact]
    public void a_third_case_is_refused() =>
        Assert.Equal("submission.cases.max", SubmissionRules.Pick(Package(cases: [Guid.NewGuid(), Guid.NewGuid()]), Case())?.Rule);

    [Fact]
    public void picking_a_case_already_picked_is_a_repeat_even_with_two()
    {
        var id = Guid.NewGuid();
        Assert.Null(SubmissionRules.Pick(Package(cases: [id, Guid.NewGuid()]), Case(id)));
    }

    [Theory]
    [InlineData(OutputKind.LibraryCase, OutputState.Recommended, "350000", 2026, Track.Vocational, "submission.case-not-typical")]
    [InlineData(OutputKind.TypicalCase, OutputState.Submitted, "350000", 2026, Track.Vocational, "submission.case-not-approved")]
    [InlineData(OutputKind.TypicalCase, OutputState.Returned, "350000", 2026, Track.Vocational, "submission.case-not-approved")]
    [InlineData(OutputKind.TypicalCase, OutputState.Approved, "350000", 2026, Track.K12, "submission.case-not-vocational")]
    [InlineData(OutputKind.TypicalCase, OutputState.Approved, "440000", 2026, Track.Vocational, "submission.case-outside-province")]
    [InlineData(OutputKind.TypicalCase, OutputState.Approved, "350000", 2025, Track.Vocational, "submission.case-other-year")]
    public void only_approved_typical_cases_of_the_provinces_vocational_studios_of_the_year_are_picked(OutputKind kind, OutputState state,
        string province, int year, Track track, string rule) =>
        Assert.Equal(rule, SubmissionRules.Pick(Package(), Case(kind: kind, state: state, province: province, year: year, track: track))?.Rule);

    [Fact]
    public void a_submission_on_the_deadline_is_in_time_a_day_later_is_late()
    {
        var id = Guid.NewGuid();
        Assert.Null(SubmissionRules.Submit(Package(cases: [id]), new DateOnly(2026, 6, 30), [Case(id)]));
        Assert.Equal("submission.late", SubmissionRules.Submit(Package(cases: [id]), new DateOnly(2026, 7, 1), [Case(id)])?.Rule);
    }

    [Fact]
    public void a_package_without_cases_or_summary_is_not_submitted()
    {
        var today = new DateOnly(2026, 6, 1);
        Assert.Equal("submission.cases.min", SubmissionRules.Submit(Package(), today, [])?.Rule);
        var id = Guid.NewGuid();
        Assert.Equal("submission.summary.required", SubmissionRules.Submit(Package(summary: null, cases: [id]), today, [Case(id)])?.Rule);
    }

    [Fact]
    public void a_case_returned_after_it_was_picked_stops_the_submission()
    {
        var id = Guid.NewGuid();
        Assert.Equal("submission.case-not-approved",
            SubmissionRules.Submit(Package(cases: [id]), new DateOnly(2026, 6, 1), [Case(id, state: OutputState.Returned)])?.Rule);
    }

    [Theory]
    [InlineData(SubmissionState.Submitted)]
    [InlineData(SubmissionState.Received)]
    public void a_submitted_package_is_frozen(SubmissionState state)
    {
        Assert.Equal("submission.not-open", SubmissionRules.Pick(Package(state), Case())?.Rule);
        Assert.Equal("submission.not-open", SubmissionRules.Summary(Package(state))?.Rule);
        Assert.Equal("submission.not-open", SubmissionRules.Drop(Package(state, cases: [Guid.NewGuid()]))?.Rule);
        Assert.Equal("submission.not-open", SubmissionRules.Open(Package(state), new DateOnly(2026, 6, 30))?.Rule);
        // Submitting again is a repeat, even after the deadline: nothing is appended.
        Assert.Null(SubmissionRules.Submit(Package(state), new DateOnly(2026, 12, 1), []));
        Assert.True(SubmissionRules.Submitted(Package(state)));
    }

    [Fact]
    public void receipt_is_acknowledged_only_once_submitted()
    {
        Assert.Equal("submission.not-submitted", SubmissionRules.Acknowledge(Package())?.Rule);
        Assert.Null(SubmissionRules.Acknowledge(Package(SubmissionState.Submitted)));
    }

    [Fact]
    public void opening_again_with_the_same_deadline_is_a_repeat_another_deadline_is_refused()
    {
        Assert.Null(SubmissionRules.Open(null, new DateOnly(2026, 6, 30)));
        Assert.Null(SubmissionRules.Open(Package(), new DateOnly(2026, 6, 30)));
        Assert.Equal("submission.deadline-differs", SubmissionRules.Open(Package(), new DateOnly(2026, 7, 31))?.Rule);
    }

    [Theory]
    [InlineData("350000", "350000", true)]
    [InlineData("350200", "350000", false)]
    [InlineData("440000", "350000", false)]
    [InlineData("000000", "350000", false)]
    public void only_the_provinces_own_reviewers_act_on_its_package(string caller, string province, bool acts) =>
        Assert.Equal(acts, SubmissionRules.ActsForProvince(caller, province));

    [Theory]
    [InlineData("000000", true)]
    [InlineData("350000", false)]
    public void receipt_is_acknowledged_by_the_ministry(string caller, bool acts) =>
        Assert.Equal(acts, SubmissionRules.ActsForMinistry(caller));
}
