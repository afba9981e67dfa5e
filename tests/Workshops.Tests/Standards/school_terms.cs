using Workshops.Growth;
using Workshops.Standards;
using Workshops.Years;
using static Workshops.Tests.Support.Given;

namespace Workshops.Tests.Standards;

/// <summary>1.1.1 by school terms (autumn September–January, spring February–July) and its attested part 纳入学校党建工作规划.</summary>
public sealed class school_terms
{
    private static ChecklistFacts Facts(int year, DateOnly asOf, params object[] events)
    {
        var wrapped = new object[] { Established() }.Concat(events).Select((e, i) => Wrap(e, i + 1)).ToList();
        var at = History.Fold(wrapped, asOf)!;
        return new ChecklistFacts(at.Studio, at.Years, year, asOf, new Dictionary<string, TeacherFile>(), HourPolicies.Presets);
    }

    private static Judgement Evaluate(ChecklistFacts facts) =>
        ChecklistRules.Evaluate(StandardCatalog.Moe, StandardCatalog.Moe.Items.Single(i => i.Code == "1.1.1"), facts);

    private static LeadershipHearingHeld Hearing(string date) => new(Guid.NewGuid(), DateOnly.Parse(date), Semesters.Of(DateOnly.Parse(date)), null, By, At);

    private static AttestationRecorded PartyPlan(bool met = true, int year = 2026) =>
        new(Guid.NewGuid(), "moe-2022", "1.1.1", year, met, met ? "已纳入学校2026年党建工作要点" : "党建工作规划未涉及班主任队伍建设", By, At);

    [Theory]
    [InlineData("2026-01-15", "autumn", 2025)]
    [InlineData("2026-02-01", "spring", 2026)]
    [InlineData("2026-07-31", "spring", 2026)]
    [InlineData("2026-08-20", "autumn", 2026)]
    [InlineData("2026-09-01", "autumn", 2026)]
    [InlineData("2026-12-31", "autumn", 2026)]
    public void a_day_falls_in_a_term_that_counts_for_the_year_it_begins_in(string day, string term, int year)
    {
        var date = DateOnly.Parse(day);
        Assert.Equal(term, Semesters.Of(date).ToString().ToLowerInvariant());
        Assert.Equal(year, Semesters.YearOf(date));
    }

    [Fact]
    public void a_january_hearing_counts_for_the_autumn_term_of_the_year_before()
    {
        var spring = Hearing("2026-03-10");
        var january = Hearing("2027-01-12");
        Assert.Equal(ItemStatus.PartlyMet, Evaluate(Facts(2026, new(2026, 12, 31), PartyPlan(), spring)).Status);
        var next = Facts(2026, new(2027, 1, 20), PartyPlan(), spring, january);
        Assert.Equal(ItemStatus.Met, Evaluate(next).Status);
        Assert.Contains(next.Years[2026].Hearings, h => h.HearingId == january.HearingId && h.Semester == Semester.Autumn);
        Assert.DoesNotContain(2027, next.Years.Keys);
    }

    [Fact]
    public void a_january_hearing_does_not_count_for_the_spring_term_of_its_calendar_year()
    {
        var facts = Facts(2026, new(2026, 5, 1), Hearing("2026-01-20"));
        Assert.Equal(ItemStatus.NotMet, Evaluate(facts).Status);
        Assert.Contains("春季学期", Evaluate(facts).Reason);
    }

    [Fact]
    public void no_term_has_begun_in_january()
    {
        // The events are recorded on 2026-03-02 (Given.At): a January later than that.
        var judgement = Evaluate(Facts(2027, new(2027, 1, 20)));
        Assert.Equal(ItemStatus.NotMet, judgement.Status);
        Assert.Contains("尚未开始", judgement.Reason);
    }

    [Fact]
    public void a_hearing_stored_with_the_calendar_half_year_is_read_by_its_term()
    {
        // Before school terms, a January hearing was stored as spring.
        var old = Hearing("2027-01-12") with { Semester = Semester.Spring };
        var facts = Facts(2026, new(2027, 1, 20), old);
        Assert.Equal(Semester.Autumn, facts.Years[2026].Hearings.Single().Semester);
    }

    [Fact]
    public void the_party_plan_part_is_attested_and_both_parts_are_needed()
    {
        var heard = new object[] { Hearing("2026-03-10") };
        var day = new DateOnly(2026, 5, 1);
        var awaiting = Evaluate(Facts(2026, day, heard));
        Assert.Equal(ItemStatus.PartlyMet, awaiting.Status);
        Assert.Contains("纳入学校党建工作规划", awaiting.Reason);
        Assert.Contains("尚未认定", awaiting.Reason);
        Assert.Equal(ItemStatus.Met, Evaluate(Facts(2026, day, [.. heard, PartyPlan()])).Status);
        Assert.Equal(ItemStatus.PartlyMet, Evaluate(Facts(2026, day, [.. heard, PartyPlan(met: false)])).Status);
        Assert.Equal(ItemStatus.PartlyMet, Evaluate(Facts(2026, day, PartyPlan())).Status);
        Assert.Equal(ItemStatus.NotMet, Evaluate(Facts(2026, day, PartyPlan(met: false))).Status);
        Assert.Equal(ItemStatus.NotMet, Evaluate(Facts(2026, day)).Status);
        // An attestation of another year does not count.
        Assert.Equal(ItemStatus.PartlyMet, Evaluate(Facts(2026, day, [.. heard, PartyPlan(year: 2025)])).Status);
        var attested = Evaluate(Facts(2026, day, [.. heard, PartyPlan()]));
        Assert.Equal(2, attested.Evidence.Count);
    }

    [Fact]
    public void the_attested_part_makes_the_item_attestable()
    {
        Assert.True(ChecklistRules.Attestable(StandardCatalog.Moe.Items.Single(i => i.Code == "1.1.1")));
        Assert.False(ChecklistRules.Attestable(StandardCatalog.Moe.Items.Single(i => i.Code == "1.3.1")));
        Assert.True(ChecklistRules.Attestable(StandardCatalog.Moe.Items.Single(i => i.Code == "2.2.1")));
    }
}
