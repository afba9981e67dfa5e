using CsCheck;
using Workshops.Growth;
using Workshops.Years;
using static Workshops.Tests.Support.Given;

namespace Workshops.Tests.Growth;

/// <summary>
/// "Now" questions read whole past years of credits as totals. Whatever the credits, anchors and day asked about, every
/// hour policy must judge exactly as it does with each credit in hand.
/// </summary>
public sealed class credit_totals
{
    private static readonly Guid[] Studios = [Guid.Parse("0195a000-0000-7000-8000-000000000001"), Guid.Parse("0195a000-0000-7000-8000-000000000002")];

    private static readonly Gen<Credit> AnyCredit =
        Gen.Select(Gen.Int[2014, 2026], Gen.Int[1, 365], Gen.Enum<CreditCategory>(), Gen.Enum<TrainingLevel>(),
                Gen.Int[1, 80], Gen.Bool, Gen.Int[0, 1])
            .Select((year, day, category, level, tenths, removed, studio) => new Credit(Guid.NewGuid().ToString(), Studios[studio], category, level, tenths / 10m,
                new DateOnly(year, 1, 1).AddDays(Math.Min(day, DateTime.IsLeapYear(year) ? 366 : 365) - 1), "学时", Recorded,
                RemovedAt: removed ? Recorded.AddDays(1) : null));

    /// <summary>"Now" questions come after every recording and removal.</summary>
    private static readonly DateTimeOffset Recorded = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static DateOnly Day(int year, int dayOfYear) => new DateOnly(year, 1, 1).AddDays(dayOfYear - 1);

    [Fact]
    public void whole_years_read_as_totals_judge_every_policy_as_the_credits_do()
    {
        Gen.Select(AnyCredit.List[0, 60], Gen.Int[2008, 2026], Gen.Int[1, 365], Gen.Int[2020, 2026], Gen.Int[1, 365])
            .Sample((credits, anchorYear, anchorDay, askedYear, askedDay) =>
            {
                var asOf = Day(askedYear, askedDay);
                var anchor = Day(anchorYear, anchorDay);
                var teacher = Teacher("T", since: anchor, teaching: anchor) with { PrincipalSince = anchor };
                var years = credits.Where(c => c.Date.Year <= asOf.Year).GroupBy(c => c.Date.Year)
                    .Select(g => new CreditYear { Id = CreditYear.Key("T", g.Key), TeacherId = "T", Year = g.Key, Credits = [.. g] }.Totalled())
                    .ToList();
                var totals = years.Select(y => new CreditYearTotals { TeacherId = y.TeacherId, Year = y.Year, Totals = y.Totals });
                var fullYears = TeacherFiles.YearsToRead(teacher, HourPolicies.Presets, [asOf], totals);
                var moment = History.EndOf(asOf);
                var every = new TeacherFile { Id = "T", Credits = [.. years.SelectMany(y => y.Credits)] }.CreditsAt(moment, asOf).ToList();
                var summarized = new TeacherFile { Id = "T", Credits = TeacherFiles.Summarized(years, totals, fullYears) }.CreditsAt(moment, asOf).ToList();
                // The annual report's hours of the year asked about, per studio.
                foreach (var studio in Studios)
                    Assert.Equal(every.Where(c => c.Date.Year == asOf.Year && c.StudioId == studio).Sum(c => c.Hours),
                        summarized.Where(c => c.Date.Year == asOf.Year && c.StudioId == studio).Sum(c => c.Hours));
                foreach (var policy in HourPolicies.Presets.Where(p => HourPolicies.Applies(p, teacher)))
                {
                    var expected = HourPolicies.Evaluate(policy, teacher, every, asOf);
                    var actual = HourPolicies.Evaluate(policy, teacher, summarized, asOf);
                    Assert.Equal((expected.Earned, expected.Status, expected.WindowStart, expected.Due), (actual.Earned, actual.Status, actual.WindowStart, actual.Due));
                }
            }, iter: 400);
    }

    [Fact]
    public void totals_leave_out_removed_credits()
    {
        var kept = new Credit("a", Guid.Empty, CreditCategory.StudioActivity, TrainingLevel.School, 2, new DateOnly(2025, 3, 1), "活动", At);
        var removed = kept with { Key = "b", Hours = 5, RemovedAt = At.AddDays(1) };
        var year = new CreditYear { Id = "T:2025", TeacherId = "T", Year = 2025, Credits = [kept, removed] }.Totalled();
        Assert.Equal([new CreditTotal(CreditCategory.StudioActivity, TrainingLevel.School, 1, 2, kept.Date, kept.Date, Guid.Empty)], year.Totals);
    }

    [Fact]
    public void totals_summed_again_only_where_credits_changed_equal_totals_summed_from_scratch()
    {
        // A year as the daemon folds it: some credits, then more added and some standing ones marked removed.
        Gen.Select(AnyCredit.List[0, 40], AnyCredit.List[0, 6], Gen.Int[0, 4], Gen.Int[0, 1000])
            .Sample((earlier, added, removals, seed) =>
            {
                static Credit In2025(Credit c) => c with { Date = new DateOnly(2025, c.Date.Month, Math.Min(c.Date.Day, 28)) };
                var before = new CreditYear { Id = "T:2025", TeacherId = "T", Year = 2025, Credits = [.. earlier.Select(In2025)] }.Totalled();
                var random = new Random(seed);
                var credits = before.Credits.ToList();
                for (var i = 0; i < removals && credits.Count > 0; i++)
                {
                    var at = random.Next(credits.Count);
                    if (credits[at].RemovedAt is null) credits[at] = credits[at] with { RemovedAt = Recorded.AddDays(2) };
                }
                credits.AddRange(added.Select(In2025));
                var after = before with { Credits = credits };
                Assert.Equal(after.Totalled().Totals, after.Retotalled(before).Totals);
            }, iter: 400);
    }

    [Fact]
    public void totals_counted_one_added_credit_at_a_time_equal_totals_summed_from_scratch()
    {
        // A month as activities are attended one after another, with a credit marked removed now and then.
        Gen.Select(AnyCredit.List[1, 40], Gen.Int[0, 1000])
            .Sample((credits, seed) =>
            {
                var random = new Random(seed);
                var year = new CreditYear { Id = "T:2025", TeacherId = "T", Year = 2025 };
                foreach (var credit in credits)
                {
                    var standing = year.Credits.ToList();
                    if (standing.Count > 0 && random.Next(6) == 0 && standing[random.Next(standing.Count)] is { RemovedAt: null } c)
                        standing[standing.IndexOf(c)] = c with { RemovedAt = Recorded.AddDays(2) };
                    var next = year with { Credits = [.. standing, credit with { Date = new DateOnly(2025, credit.Date.Month, Math.Min(credit.Date.Day, 28)) }] };
                    year = next.Retotalled(year);
                    Assert.Equal(next.Totalled().Totals, year.Totals);
                }
            }, iter: 400);
    }

    [Fact]
    public void totals_kept_before_they_carried_days_and_studios_are_summed_from_scratch()
    {
        var credit = new Credit("a", Guid.Empty, CreditCategory.StudioActivity, TrainingLevel.School, 2, new DateOnly(2025, 3, 1), "活动", At);
        var old = new CreditYear { Id = "T:2025", TeacherId = "T", Year = 2025, Credits = [credit],
            Totals = [new CreditTotal(CreditCategory.StudioActivity, TrainingLevel.School, 1, 2)] };
        var next = old with { Credits = [credit, credit with { Key = "b", Date = new DateOnly(2025, 4, 2) }] };
        Assert.Equal(next.Totalled().Totals, next.Retotalled(old).Totals);
        Assert.All(next.Retotalled(old).Totals, t => Assert.True(t.Placed));
    }

    [Fact]
    public void a_year_is_read_in_full_only_where_a_window_edge_falls_between_its_credits()
    {
        var teacher = Teacher("T", since: new DateOnly(2019, 9, 1), teaching: new DateOnly(2019, 9, 1));
        CreditYearTotals Year(int year, DateOnly? first, DateOnly? last) => new()
        {
            TeacherId = "T", Year = year, Totals = [new CreditTotal(CreditCategory.StudioActivity, TrainingLevel.School, 2, 3, first, last, Guid.Empty)],
        };
        var asOf = new DateOnly(2026, 6, 30);
        var totals = new[]
        {
            Year(2023, new DateOnly(2023, 3, 1), new DateOnly(2023, 11, 1)),
            Year(2025, new DateOnly(2025, 2, 1), new DateOnly(2025, 12, 1)),
            Year(2026, new DateOnly(2026, 3, 1), new DateOnly(2026, 5, 1)),
        };
        // Every credit of 2026 is dated before the day asked about, and no preset window starts inside a year's credits.
        Assert.Empty(TeacherFiles.YearsToRead(teacher, [], [asOf], totals));
        // A credit of 2026 dated after the day asked about, totals written without their days, and a year asked for.
        Assert.Equal([2026], TeacherFiles.YearsToRead(teacher, [], [new DateOnly(2026, 4, 1)], totals));
        Assert.Equal([2023], TeacherFiles.YearsToRead(teacher, [], [asOf], [Year(2023, null, null), totals[2]]));
        Assert.Equal([2024], TeacherFiles.YearsToRead(teacher, [], [asOf], totals, 2024));
        // A three-year cycle anchored on 2019-09-01 restarts on 2025-09-01, inside 2025's credits; one anchored on
        // 2020-03-01 restarts on 2026-03-01, the first day of 2026's credits, which the total answers whole.
        var cycle = HourPolicies.Presets.First(p => p.Window == PolicyWindow.Cycle);
        Assert.Equal([2025], TeacherFiles.YearsToRead(teacher, [cycle], [asOf], totals));
        Assert.Empty(TeacherFiles.YearsToRead(Teacher("T", since: new DateOnly(2020, 3, 1)), [cycle], [asOf], totals));
    }
}
