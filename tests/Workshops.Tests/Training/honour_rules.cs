using Workshops.Training;
using static Workshops.Tests.Support.Given;
using static Workshops.Tests.Teachers.TeacherGiven;

namespace Workshops.Tests.Training;

/// <summary>seed 003's honour for 累计 20 years as head teacher: periods summed, gaps excluded, due from the day the twentieth year completes.</summary>
public sealed class honour_rules
{
    /// <summary>Five years (2000-09-01..2005-08-31), a two-year gap, then serving again from 2007-09-01: 20 years on 2022-09-01, not 2020.</summary>
    private static Workshops.Teachers.TeacherRecord WithAGap()
    {
        var first = Started("2000-09-01");
        return Record(first, Ended(first.PeriodId, "2005-08-31"), Started("2007-09-01"));
    }

    [Theory]
    [InlineData("2020-09-01", 18, false)]
    [InlineData("2022-08-31", 19, false)]
    [InlineData("2022-09-01", 20, true)]
    public void the_twentieth_year_completes_with_the_gaps_left_out(string day, int years, bool due)
    {
        var facts = Facts(WithAGap(), day);
        Assert.Equal((years, due), (facts.HeadTeacherYears, HonourRules.Due(facts)));
    }

    [Fact]
    public void the_day_it_became_due_is_found_across_the_gap()
    {
        Assert.Equal(D("2022-09-01"), HonourRules.ReachedOn(WithAGap(), D("2026-03-01")));
        Assert.Null(HonourRules.ReachedOn(WithAGap(), D("2022-08-31")));
        Assert.Equal(D("2022-09-01"), HonourRules.ReachedOn(Record(Started("2002-09-01")), D("2026-03-01")));
    }

    [Fact]
    public void a_teacher_who_stopped_after_twenty_years_stays_due()
    {
        var first = Started("1995-09-01");
        var record = Record(first, Ended(first.PeriodId, "2016-07-31"));
        Assert.True(HonourRules.Due(Facts(record, "2026-03-01")));
        Assert.Equal(D("2015-09-01"), HonourRules.ReachedOn(record, D("2026-03-01")));
    }

    [Fact]
    public void the_honour_is_issued_once_and_only_when_due()
    {
        var empty = TrainingRecord.Empty(Workshops.Tests.Teachers.TeacherGiven.Stream, Id);
        Assert.Equal("honour.not-due", HonourRules.MayIssue(Facts(WithAGap(), "2022-08-31"), empty)?.Rule);
        Assert.Null(HonourRules.MayIssue(Facts(WithAGap(), "2022-09-01"), empty));
        var issued = empty with { HeadTeacherHonour = new HonourEntry(D("2022-09-10"), 20, "成都市龙泉驿区教育局", "LQY-2022-001", By, At) };
        Assert.Equal("honour.issued", HonourRules.MayIssue(Facts(WithAGap(), "2023-01-01"), issued)?.Rule);
    }
}
