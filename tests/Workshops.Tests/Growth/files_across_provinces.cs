using Workshops.Activities;
using Workshops.Core;
using Workshops.Growth;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Teachers;
using static Workshops.Tests.Support.Given;

namespace Workshops.Tests.Growth;

/// <summary>
/// A teacher who served in Fujian, then in Beijing: each province keeps its part of the growth file, and the national
/// read merges them (pure functions here; the fan-out over HTTP in Tenancy/a_teacher_in_two_provinces).
/// </summary>
public sealed class files_across_provinces
{
    private static readonly Guid Xiamen = Guid.Parse("00000000-0000-0000-0000-0000000035a1");
    private static readonly Guid Dongcheng = Guid.Parse("00000000-0000-0000-0000-0000000011b1");
    private static readonly DateOnly Today = new(2026, 3, 1);

    private static EventRef Ref(DateOnly day) => new(Guid.NewGuid(), "x", 1, By, new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));

    private static Credit Credit(Guid studio, CreditCategory category, decimal hours, DateOnly date, string title) =>
        new(Guid.NewGuid().ToString(), studio, category, TrainingLevel.School, hours, date, title, Ref(date).At, Ref: Ref(date));

    private static TeacherFile Fujian => new()
    {
        Id = "T-LIN",
        Teacher = Teacher("T-LIN", since: new DateOnly(2006, 9, 1)),
        Studios = [new Membership(Xiamen, "厦门市思明区班主任工作坊", new Region("350000", "350200", "350203"), RosterRole.Member, new DateOnly(2022, 10, 16), new DateOnly(2024, 7, 1))],
        StudioIds = [Xiamen],
        RegionCodes = ["350000", "350200", "350203"],
        Credits =
        [
            Credit(Xiamen, CreditCategory.StudioActivity, 3, new DateOnly(2023, 3, 10), "主题班会研讨"),
            Credit(Xiamen, CreditCategory.StudioActivity, 1.5m, new DateOnly(2024, 4, 2), "家校共育案例分析"),
            Credit(Xiamen, CreditCategory.HeadTeacherTraining, 24, new DateOnly(2024, 1, 15), "厦门市班主任专题培训"),
        ],
        Awards = [new Award(Guid.NewGuid(), AwardKind.ExcellentHeadTeacher, "思明区优秀班主任", TrainingLevel.District, new DateOnly(2023, 9, 10), null, Ref(new DateOnly(2023, 9, 10)))],
        Tiers = [new TierStep(Tier.Backbone, "seed 000", "考核合格", new DateOnly(2023, 12, 20), Xiamen, Ref(new DateOnly(2023, 12, 20)))],
    };

    private static TeacherFile Beijing => new()
    {
        Id = "T-LIN",
        Teacher = Teacher("T-LIN", since: new DateOnly(2006, 9, 1)) with { School = "北京市东城区第一中学" },
        Studios = [new Membership(Dongcheng, "北京市东城区班主任工作坊", new Region("110000", "110100", "110101"), RosterRole.Host, new DateOnly(2024, 9, 1), null)],
        StudioIds = [Dongcheng],
        RegionCodes = ["110000", "110100", "110101"],
        Credits =
        [
            Credit(Dongcheng, CreditCategory.StudioActivity, 2, new DateOnly(2024, 10, 9), "班级文化建设研修"),
            Credit(Dongcheng, CreditCategory.HeadTeacherTraining, 6, new DateOnly(2025, 5, 20), "北京市班主任培训"),
        ],
        Notes = [new Note(Guid.NewGuid(), "reflection", "T-LIN", new DateOnly(2024, 11, 1), "到北京后第一次主持研修。", Ref(new DateOnly(2024, 11, 1)))],
        Tiers = [new TierStep(Tier.Leader, "seed 000", "考核优秀", new DateOnly(2025, 12, 20), Dongcheng, Ref(new DateOnly(2025, 12, 20)))],
    };

    [Fact]
    public void hours_by_year_and_kind_are_the_sums_of_the_provinces_hours()
    {
        var merged = GrowthFileView.Of(FilesAcrossProvinces.Merge([Fujian, Beijing])!, Today).HoursByYear;

        Assert.Equal([2023, 2024, 2025], merged.Select(y => y.Year));
        Assert.Equal((3m, 0m), (merged[0].StudioActivities, merged[0].OutsideTraining));
        Assert.Equal((3.5m, 24m, 27.5m), (merged[1].StudioActivities, merged[1].OutsideTraining, merged[1].Total));
        Assert.Equal((0m, 6m), (merged[2].StudioActivities, merged[2].OutsideTraining));
        var alone = new[] { Fujian, Beijing }.SelectMany(f => GrowthFileView.Of(f, Today).HoursByYear)
            .SelectMany(y => y.ByCategory.Select(c => (y.Year, c.Code, c.Count, c.Hours)))
            .GroupBy(x => (x.Year, x.Code)).Select(g => (g.Key.Year, g.Key.Code, Count: g.Sum(x => x.Count), Hours: g.Sum(x => x.Hours))).Order().ToList();
        Assert.Equal(alone, merged.SelectMany(y => y.ByCategory.Select(c => (y.Year, c.Code, c.Count, c.Hours))).Order().ToList());
    }

    [Fact]
    public void every_entry_of_both_provinces_is_kept_in_time_order()
    {
        var merged = FilesAcrossProvinces.Merge([Beijing, Fujian])!;
        var view = GrowthFileView.Of(merged, Today);

        Assert.Equal(Fujian.Credits.Count + Beijing.Credits.Count, merged.Credits.Count);
        Assert.Equal([Xiamen, Dongcheng], merged.Studios.Select(s => s.StudioId));
        Assert.Equal(GrowthFileView.Of(Fujian, Today).Timeline.Count + GrowthFileView.Of(Beijing, Today).Timeline.Count, view.Timeline.Count);
        Assert.Equal(view.Timeline.Select(e => e.Date).Order(), view.Timeline.Select(e => e.Date));
        Assert.Equal(merged.Credits.Select(c => c.Date).Order(), merged.Credits.Select(c => c.Date));
    }

    [Fact]
    public void tiers_and_who_may_read_are_judged_over_both_provinces()
    {
        var merged = FilesAcrossProvinces.Merge([Fujian, Beijing])!;
        var view = GrowthFileView.Of(merged, Today);

        Assert.Equal(Tier.Leader, view.Tier);
        Assert.Equal([Tier.Backbone, Tier.Leader], view.TierHistory.Select(t => t.Tier));
        Assert.Equal(["350000", "350200", "350203", "110000", "110100", "110101"], merged.RegionCodes);
        Assert.Equal([Xiamen, Dongcheng], merged.StudioIds);
        // The teacher as the province of their latest studio knows them.
        Assert.Equal("北京市东城区第一中学", merged.Teacher!.School);
    }

    [Fact]
    public void one_province_answers_its_file_as_it_is()
    {
        var fujian = Fujian;
        Assert.Same(fujian, FilesAcrossProvinces.Merge([fujian]));
        Assert.Null(FilesAcrossProvinces.Merge([]));
    }

    [Fact]
    public void the_record_is_judged_where_it_is_kept_else_where_the_teacher_joined_last()
    {
        var record = new TeacherRecord { TeacherId = "T-LIN" };

        Assert.Equal("350000", FilesAcrossProvinces.Home([new("110000", Beijing, null), new("350000", Fujian, record)])!.Province);
        Assert.Equal("110000", FilesAcrossProvinces.Home([new("110000", Beijing, record), new("350000", Fujian, record)])!.Province);
        Assert.Equal("110000", FilesAcrossProvinces.Home([new("350000", Fujian, null), new("110000", Beijing, null)])!.Province);
        Assert.Null(FilesAcrossProvinces.Home([new("350000", null, null)]));
    }

    [Fact]
    public void the_index_names_where_to_ask_within_what_the_caller_reaches()
    {
        string[] all = ["000000", "110000", "350000"];

        Assert.Equal(["110000", "350000"], ServedInIndex.Targets(["350000", "110000"], all));
        Assert.Equal(["350000"], ServedInIndex.Targets(["350000", "110000"], ["350000"]));
        Assert.Equal(all, ServedInIndex.Targets([], all)); // nothing indexed yet: ask every province reached
        Assert.Equal("350000", ServedInIndex.Province("350000"));
        Assert.Null(ServedInIndex.Province("000000"));
        Assert.Null(ServedInIndex.Province("Marten"));
        Assert.True(ServedInIndex.Joins(Hosted("T-LIN")));
        Assert.True(ServedInIndex.Joins(Enrolled("T-LIN")));
        Assert.False(ServedInIndex.Joins(Left("T-LIN", Today)));
    }
}
