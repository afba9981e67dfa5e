using Workshops.Teachers;
using static Workshops.Tests.Support.Given;
using static Workshops.Tests.Teachers.TeacherGiven;

namespace Workshops.Tests.Teachers;

/// <summary>The rules of a record: periods with gaps but no overlaps, corrections of the same kind, retractions that keep it whole.</summary>
public sealed class record_rules
{
    private static readonly PeriodKind Head = PeriodKind.HeadTeacher;

    [Fact]
    public void a_new_period_needs_the_last_one_ended_before_it()
    {
        var first = Started("2010-09-01");
        var open = Record(first);
        Assert.Equal("head-teacher.open", TeacherRules.StartPeriod(open, Head, D("2016-09-01"), null, null)?.Rule);
        var ended = Record(first, Ended(first.PeriodId, "2014-08-31"));
        Assert.Equal("head-teacher.overlap", TeacherRules.StartPeriod(ended, Head, D("2014-08-31"), null, null)?.Rule);
        Assert.Null(TeacherRules.StartPeriod(ended, Head, D("2014-09-01"), null, null));
        Assert.Equal("head-teacher.overlap", TeacherRules.StartPeriod(ended, Head, D("2005-09-01"), null, null)?.Rule);
    }

    [Fact]
    public void a_whole_past_period_fits_into_a_gap()
    {
        var later = Started("2016-09-01");
        var record = Record(later);
        Assert.Null(TeacherRules.StartPeriod(record, Head, D("2010-09-01"), D("2014-08-31"), null));
        Assert.Equal("head-teacher.overlap", TeacherRules.StartPeriod(record, Head, D("2010-09-01"), D("2016-09-01"), null)?.Rule);
        Assert.Equal("head-teacher.end-before-start", TeacherRules.StartPeriod(record, Head, D("2014-09-01"), D("2010-08-31"), null)?.Rule);
    }

    [Fact]
    public void an_end_needs_an_open_period_and_a_day_after_its_start()
    {
        Assert.Equal("head-teacher.none-open", TeacherRules.EndPeriod(Record(), Head, D("2020-07-31"), null)?.Rule);
        var record = Record(Started("2016-09-01"));
        Assert.Equal("head-teacher.end-before-start", TeacherRules.EndPeriod(record, Head, D("2016-08-31"), null)?.Rule);
        Assert.Null(TeacherRules.EndPeriod(record, Head, D("2016-09-01"), null));
    }

    [Fact]
    public void a_correction_names_a_live_fact_of_the_same_kind_and_keeps_periods_apart()
    {
        var first = Started("2010-09-01");
        var end = Ended(first.PeriodId, "2014-08-31");
        var second = Started("2016-09-01");
        var record = Record(first, end, second, Teaching("2008-09-01"));
        Assert.Equal("teacher.fact-unknown", TeacherRules.StartPeriod(record, Head, D("2009-09-01"), null, Guid.NewGuid())?.Rule);
        Assert.Equal("teacher.fact-kind", TeacherRules.StartPeriod(record, Head, D("2009-09-01"), null, end.FactId)?.Rule);
        Assert.Null(TeacherRules.StartPeriod(record, Head, D("2009-09-01"), null, first.FactId));
        Assert.Equal("head-teacher.start-after-end", TeacherRules.StartPeriod(record, Head, D("2014-09-01"), null, first.FactId)?.Rule);
        Assert.Equal("head-teacher.overlap", TeacherRules.EndPeriod(record, Head, D("2016-09-01"), end.FactId)?.Rule);
        Assert.Null(TeacherRules.EndPeriod(record, Head, D("2016-08-31"), end.FactId));
        Assert.Equal("teaching.recorded", TeacherRules.TeachingStart(record, null)?.Rule);
        Assert.Null(TeacherRules.TeachingStart(record, record.TeachingSince!.FactId));
    }

    [Fact]
    public void retracting_an_end_may_not_reopen_a_period_across_a_later_one()
    {
        var first = Started("2010-09-01");
        var end = Ended(first.PeriodId, "2014-08-31");
        Assert.Equal("teacher.retraction-overlaps", TeacherRules.Retract(Record(first, end, Started("2016-09-01")), end.FactId)?.Rule);
        Assert.Null(TeacherRules.Retract(Record(first, end), end.FactId));
        Assert.Equal("teacher.fact-unknown", TeacherRules.Retract(Record(first, end), Guid.NewGuid())?.Rule);
        var retracted = Record(first, end, new TeacherFactRetracted(Id, end.FactId, "误录", By, At));
        Assert.Equal("teacher.fact-unknown", TeacherRules.Retract(retracted, end.FactId)?.Rule);
    }

    [Fact]
    public void titles_honours_schools_and_mentors_refuse_repeats()
    {
        var record = Record(Title(ProfessionalTitle.First, "2018-09-01"), Honour(HonourKind.TopTenHeadTeacher, HonourLevel.District, "2020-09-10"),
            new SchoolMoved(Id, Guid.NewGuid(), "厦门市湖里实验中学", "350206", Workshops.Studios.Track.K12, false, D("2022-09-01"), null, null, By, At));
        Assert.Equal("title.unchanged", TeacherRules.Title(record, ProfessionalTitle.First, D("2020-01-01"), null)?.Rule);
        Assert.Null(TeacherRules.Title(record, ProfessionalTitle.Senior, D("2020-01-01"), null));
        Assert.Null(TeacherRules.Title(record, ProfessionalTitle.First, D("2017-01-01"), null));
        Assert.Equal("honour.duplicate", TeacherRules.Honour(record, HonourKind.TopTenHeadTeacher, HonourLevel.District, D("2020-09-10"), null)?.Rule);
        Assert.Equal("school.unchanged", TeacherRules.SchoolMove(record, "厦门市湖里实验中学", D("2023-09-01"), null)?.Rule);
        Assert.Equal("school.same-day", TeacherRules.SchoolMove(record, "厦门市第二中学", D("2022-09-01"), null)?.Rule);
        Assert.Null(TeacherRules.SchoolMove(record, "厦门市第一中学", D("2024-09-01"), null));
        Assert.Equal("mentor.self", TeacherRules.Mentor(record, Id, null)?.Rule);
    }
}
