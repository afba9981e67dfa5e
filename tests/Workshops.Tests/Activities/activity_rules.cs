using Workshops.Activities;
using Workshops.Tests.Support;
using Workshops.Years;
using static Workshops.Tests.Support.Given;

namespace Workshops.Tests.Activities;

/// <summary>Activity rules given events: dates, hours, the roster on the day, and hours per teacher per day.</summary>
public sealed class activity_rules
{
    private static readonly DateOnly Today = new(2026, 6, 1);
    private static readonly DateOnly Day = new(2026, 5, 20);

    [Fact]
    public void an_attendee_attends_at_most_the_activitys_hours_and_is_listed_once()
    {
        static IReadOnlyList<string> Problems(ActivityFacts facts)
        {
            var check = new Workshops.Core.Check();
            ActivityInput.Check(check, facts, facts.Hours, null, null, Today);
            return check.Result() is Microsoft.AspNetCore.Mvc.ValidationProblemDetails invalid ? [.. invalid.Errors.Keys.Order(StringComparer.Ordinal)] : [];
        }
        Assert.Empty(Problems(Facts(Day, 2, ("M1", 2), ("M2", 0.5m))));
        Assert.Equal(["attendees[0].hours"], Problems(Facts(Day, 2, ("M1", 2.5m))));
        Assert.Equal(["attendees[1].teacherId"], Problems(Facts(Day, 2, ("M1", 2), ("M1", 1))));
    }

    [Fact]
    public void the_date_is_between_founding_and_today()
    {
        var studio = Studio();
        Assert.Null(ActivityRules.Check(studio, [], Facts(Today, 1)));
        Assert.Equal("activity.date-before-founding", ActivityRules.Check(studio, [], Facts(Founded.AddDays(-1), 1))?.Rule);
        // After today is the input's own mistake, told with the rest of the body under its path.
        var check = new Workshops.Core.Check();
        ActivityInput.Check(check, Facts(Today.AddDays(1), 1), 1, null, null, Today);
        Assert.Equal(["date"], ((Microsoft.AspNetCore.Mvc.ValidationProblemDetails)check.Result()).Errors.Keys);
        var today = new Workshops.Core.Check();
        ActivityInput.Check(today, Facts(Today, 1), 1, null, null, Today);
        Assert.True(today.Ok);
    }

    [Fact]
    public void attendees_were_on_the_roster_that_day()
    {
        var studio = Studio(Joined("M1", new DateOnly(2024, 1, 1)), Left("M1", new DateOnly(2025, 1, 1)), Enrolled("S1", new DateOnly(2026, 5, 21)));
        Assert.Null(ActivityRules.Check(studio, [], Facts(new DateOnly(2024, 6, 1), 2, ("M1", 2))));
        Assert.Equal("attendance.not-on-roster", ActivityRules.Check(studio, [], Facts(new DateOnly(2025, 6, 1), 2, ("M1", 2)))?.Rule);
        Assert.Equal("attendance.not-on-roster", ActivityRules.Check(studio, [], Facts(Day, 2, ("S1", 2)))?.Rule);
        Assert.Null(ActivityRules.Check(studio, [], Facts(Day.AddDays(1), 2, ("S1", 2))));
        var guest = Facts(Day, 2) with { Attendees = [new Attendance("G1", 2, Guest: true, Name: "嘉宾")] };
        Assert.Null(ActivityRules.Check(studio, [], guest));
    }

    [Fact]
    public void a_teacher_attends_at_most_24_hours_a_day_across_activities()
    {
        var first = Guid.NewGuid();
        var events = new object[] { Established(), Joined("M1"), new ActivityLogged(first, Facts(Day, 20, ("M1", 20)), By, At) }
            .Select((e, i) => Wrap(e, i + 1)).ToList();
        var at = History.Fold(events, Today)!;
        var sameDay = at.Activities!.Values.ToList();
        var studio = Studio(Joined("M1"));
        Assert.Equal("attendance.day-over-24", ActivityRules.Check(studio, sameDay, Facts(Day, 5, ("M1", 5)))?.Rule);
        Assert.Null(ActivityRules.Check(studio, sameDay, Facts(Day, 4, ("M1", 4))));
        Assert.Null(ActivityRules.Check(studio, sameDay, Facts(Day.AddDays(1), 5, ("M1", 5))));
        // Correcting the same activity does not count its old hours twice.
        Assert.Null(ActivityRules.Check(studio, sameDay, Facts(Day, 24, ("M1", 24)), first));
    }

    [Fact]
    public void a_voided_or_corrected_activity_leaves_the_year_counts()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var before = Facts(Day, 2, ("M1", 2));
        var events = new object[]
        {
            Established(), Joined("M1"),
            new ActivityLogged(a, before, By, At),
            new ActivityLogged(b, Facts(Day, 3, ("M1", 3)), By, At),
            new ActivityCorrected(a, before, before with { Hours = 1.5m, Attendees = [new Attendance("M1", 1.5m)] }, ["hours"], "更正", By, At),
            new ActivityVoided(b, Facts(Day, 3, ("M1", 3)), "重复", By, At),
        }.Select((e, i) => Wrap(e, i + 1)).ToList();
        var at = History.Fold(events, Today)!;
        var year = at.Year(2026);
        Assert.Equal((1, 1.5m), (year.ActivityCount, year.ActivityHours));
        Assert.Equal(new CountHours(1, 1.5m), year.ByTeacher["M1"]);
        Assert.Equal(new CountHours(1, 1.5m), year.ByKind[ActivityKind.Lecture]);
        Assert.Equal([a], year.ExamplesOf("kind:lecture").Select(x => x.ActivityId));
        Assert.Equal(1.5m, ActivityRules.HoursOn(at.Activities!.Values, "M1", Day, null));
    }
}
