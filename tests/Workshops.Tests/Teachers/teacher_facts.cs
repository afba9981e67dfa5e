using Workshops.Roster;
using Workshops.Studios;
using Workshops.Teachers;
using static Workshops.Tests.Support.Given;
using static Workshops.Tests.Teachers.TeacherGiven;

namespace Workshops.Tests.Teachers;

/// <summary>A teacher's record answers "as of day D": service periods summed without gaps, titles, schools, honours.</summary>
public sealed class teacher_facts
{
    private static TeacherRecord TwoPeriodsWithAGap()
    {
        var first = Started("2010-09-01");
        var second = Started("2016-09-01");
        return Record(first, Ended(first.PeriodId, "2014-08-31"), second);
    }

    [Theory]
    // 2010-09-01..2014-08-31 is 4 years; the second period adds whole years on the anniversary shifted by the gap.
    [InlineData("2014-08-31", 3, true)]
    [InlineData("2014-09-01", 4, false)]
    [InlineData("2015-06-01", 4, false)]
    [InlineData("2016-09-01", 4, true)]
    [InlineData("2017-08-31", 4, true)]
    [InlineData("2017-09-01", 5, true)]
    [InlineData("2018-08-31", 5, true)]
    [InlineData("2018-09-01", 6, true)]
    public void two_service_periods_with_a_gap_count_without_the_gap(string day, int years, bool serving)
    {
        var facts = Facts(TwoPeriodsWithAGap(), day);
        Assert.Equal((years, serving), (facts.HeadTeacherYears, facts.ServingAsHeadTeacher));
    }

    [Fact]
    public void the_gap_adds_no_days_and_the_open_period_counts_up_to_the_day()
    {
        var record = TwoPeriodsWithAGap();
        var inGap = Facts(record, "2016-08-31");
        Assert.Equal(Facts(record, "2014-09-01").HeadTeacherDays, inGap.HeadTeacherDays);
        Assert.Equal(1461, inGap.HeadTeacherDays);
        Assert.Equal(1461 + 10, Facts(record, "2016-09-11").HeadTeacherDays);
        Assert.Equal(2, Facts(record, "2016-09-11").HeadTeacherPeriods.Count);
        Assert.Equal(D("2014-08-31"), Facts(record, "2016-09-11").HeadTeacherPeriods[0].To);
        Assert.Null(Facts(record, "2016-09-11").HeadTeacherPeriods[1].To);
        Assert.Empty(Facts(record, "2010-08-31").HeadTeacherPeriods);
    }

    [Fact]
    public void a_single_period_completes_its_years_on_the_anniversary_as_before()
    {
        var record = Record(Started("2021-03-01"));
        Assert.Equal(4, Facts(record, "2026-02-28").HeadTeacherYears);
        Assert.Equal(5, Facts(record, "2026-03-01").HeadTeacherYears);
        Assert.True(Facts(record, "2021-03-01").ServingAsHeadTeacher);
        Assert.Equal(0, Facts(record, "2021-03-01").HeadTeacherDays);
        Assert.False(Facts(record, "2021-02-28").ServingAsHeadTeacher);
    }

    [Fact]
    public void a_title_changed_mid_year_reads_differently_on_each_side_of_the_change()
    {
        var record = Record(Title(ProfessionalTitle.Second, "2012-09-01"), Title(ProfessionalTitle.First, "2018-09-01"),
            Title(ProfessionalTitle.Senior, "2026-03-15"));
        Assert.Null(Facts(record, "2012-08-31").Title);
        Assert.Equal(ProfessionalTitle.First, Facts(record, "2026-03-14").Title);
        Assert.Equal(D("2018-09-01"), Facts(record, "2026-03-14").TitleSince);
        Assert.Equal(ProfessionalTitle.Senior, Facts(record, "2026-03-15").Title);
        Assert.Equal(ProfessionalTitle.Senior, Facts(record, "2026-12-31").Title);
    }

    [Fact]
    public void teaching_years_count_from_the_teaching_start()
    {
        var record = Record(Teaching("2021-09-01"));
        Assert.Equal(4, Facts(record, "2026-08-31").TeachingYears);
        Assert.Equal(5, Facts(record, "2026-09-01").TeachingYears);
        Assert.Null(Facts(record, "2021-08-31").TeachingYears);
        Assert.Null(Facts(Record(), "2026-09-01").TeachingYears);
    }

    [Fact]
    public void a_correction_replaces_a_start_and_keeps_the_period_and_its_end()
    {
        var start = Started("2012-09-01");
        var end = Ended(start.PeriodId, "2020-07-31");
        var corrected = Started("2011-09-01", start.PeriodId, corrects: start.FactId);
        var record = Record(start, end, corrected);
        var period = Assert.Single(record.HeadTeacher);
        Assert.Equal((D("2011-09-01"), D("2020-07-31"), corrected.FactId), (period.From, period.To!.Value, period.StartFact));
        Assert.Equal(8, Facts(record, "2020-08-01").HeadTeacherYears);
        var correction = Assert.Single(record.Corrections);
        Assert.Equal((start.FactId, FactKind.HeadTeacherStart, corrected.FactId), (correction.FactId, correction.Kind, correction.ReplacedBy));
    }

    [Fact]
    public void retracting_an_end_reopens_the_period_and_retracting_a_start_removes_it()
    {
        var start = Started("2012-09-01");
        var end = Ended(start.PeriodId, "2020-07-31");
        var reopened = Record(start, end, new TeacherFactRetracted(Id, end.FactId, "误录卸任", By, At));
        Assert.True(Facts(reopened, "2026-03-01").ServingAsHeadTeacher);
        var removed = Record(start, end, new TeacherFactRetracted(Id, start.FactId, "误录", By, At));
        Assert.Empty(removed.HeadTeacher);
        Assert.Equal(0, Facts(removed, "2026-03-01").HeadTeacherYears);
        Assert.Equal(FactKind.HeadTeacherStart, removed.Corrections.Single().Kind);
    }

    [Fact]
    public void a_corrected_title_is_read_from_its_new_day()
    {
        var wrong = Title(ProfessionalTitle.Senior, "2024-09-01");
        var record = Record(Title(ProfessionalTitle.First, "2018-09-01"), wrong, Title(ProfessionalTitle.Senior, "2025-09-01", corrects: wrong.FactId));
        Assert.Equal(ProfessionalTitle.First, Facts(record, "2025-08-31").Title);
        Assert.Equal(ProfessionalTitle.Senior, Facts(record, "2025-09-01").Title);
    }

    [Fact]
    public void school_rural_and_principal_facts_follow_their_days()
    {
        var posting = new RuralPostingStarted(Id, Guid.NewGuid(), Guid.NewGuid(), D("2023-09-01"), "同安区汀溪中心小学", null, null, By, At);
        var record = Record(
            new SchoolMoved(Id, Guid.NewGuid(), "厦门市湖里实验中学", "350206", Track.K12, false, D("2020-09-01"), null, null, By, At),
            posting, new RuralPostingEnded(Id, Guid.NewGuid(), posting.PeriodId, D("2024-07-31"), null, null, By, At),
            new PrincipalServiceStarted(Id, Guid.NewGuid(), Guid.NewGuid(), D("2021-03-01"), "厦门市湖里实验中学", null, null, By, At));
        Assert.Equal(("厦门市第一中学", "350203"), (Facts(record, "2020-08-31").School, Facts(record, "2020-08-31").Region));
        Assert.Equal(("厦门市湖里实验中学", "350206"), (Facts(record, "2020-09-01").School, Facts(record, "2020-09-01").Region));
        Assert.False(Facts(record, "2023-08-31").Rural);
        Assert.True(Facts(record, "2024-07-31").Rural);
        Assert.True(Facts(record, "2024-07-31").OnRuralPosting);
        Assert.False(Facts(record, "2024-08-01").Rural);
        Assert.True(Facts(record, "2026-03-01").Principal);
        Assert.Equal(5, Facts(record, "2026-03-01").PrincipalYears);
        Assert.False(Facts(record, "2021-02-28").Principal);
        Assert.True(Facts(RecordOf(Registered(rural: true)), "2026-03-01").Rural);
    }

    [Fact]
    public void honours_are_held_from_their_day_until_they_lapse()
    {
        var record = Record(Honour(HonourKind.SubjectLeader, HonourLevel.Municipal, "2022-01-01", "语文", until: "2024-12-31"),
            Honour(HonourKind.ExcellentHeadTeacher, HonourLevel.District, "2019-09-10"));
        Assert.Single(Facts(record, "2021-12-31").Honours);
        Assert.Equal(2, Facts(record, "2024-12-31").Honours.Count);
        Assert.Equal(HonourKind.ExcellentHeadTeacher, Assert.Single(Facts(record, "2025-01-01").Honours).Honour);
    }

    [Fact]
    public void a_recognition_is_held_until_the_day_it_is_revoked()
    {
        var record = Record(Recognised("youth-backbone", "2024-09-01"),
            new RecognitionRevoked(Id, "xiamen-k12-2022", "youth-backbone", "考核不合格", D("2026-01-10"), By, At));
        Assert.Single(Facts(record, "2026-01-09").Recognitions);
        Assert.Empty(Facts(record, "2026-01-10").Recognitions);
        Assert.Equal("考核不合格", record.Recognitions.Single().RevokedReason);
    }

    [Fact]
    public void join_facts_answer_for_a_teacher_without_a_record()
    {
        var info = new TeacherInfo("M1", "林晓燕", Gender.Female, "厦门市第一中学", "语文", "一级教师", D("2019-09-01"), D("2015-09-01"), true, true,
            CitySubjectLeader: true);
        var facts = TeacherFacts.FromJoinFacts(info, D("2022-10-16"), D("2026-09-01"), "350203", Track.K12);
        Assert.Equal((7, true, 11, ProfessionalTitle.First, true), (facts.HeadTeacherYears, facts.ServingAsHeadTeacher, facts.TeachingYears!.Value,
            facts.Title!.Value, facts.Rural));
        Assert.Equal(HonourKind.SubjectLeader, Assert.Single(facts.Honours).Honour);
        var former = TeacherFacts.FromJoinFacts(info with { ServingAsHeadTeacher = false }, D("2022-10-16"), D("2026-09-01"), "350203", Track.K12);
        Assert.Equal((3, false), (former.HeadTeacherYears, former.ServingAsHeadTeacher));
    }

    [Fact]
    public void the_stream_id_is_the_same_for_the_same_teacher_id_and_differs_otherwise()
    {
        Assert.Equal(TeacherStreams.IdOf("M1"), TeacherStreams.IdOf("M1"));
        Assert.NotEqual(TeacherStreams.IdOf("M1"), TeacherStreams.IdOf("m1"));
        Assert.Equal(5, TeacherStreams.IdOf("M1").Version);
    }
}
