using Workshops.Roster;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Given;

namespace Workshops.Tests.Roster;

/// <summary>The roster rules as pure functions, given events.</summary>
public sealed class roster_rules
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public void four_members_are_allowed_and_a_fifth_is_refused()
    {
        var three = Studio(Joined("M1"), Joined("M2"), Joined("M3"));
        Assert.Null(RosterRules.AddMember(three, Teacher("M4"), Today, Today));
        var four = Studio(Joined("M1"), Joined("M2"), Joined("M3"), Joined("M4"));
        Assert.Equal("members.max", RosterRules.AddMember(four, Teacher("M5"), Today, Today)?.Rule);
    }

    [Fact]
    public void a_trainee_does_not_count_toward_the_member_quota()
    {
        var studio = Studio(Joined("M1"), Joined("M2"), Joined("M3"), Enrolled("S1"), Enrolled("S2"));
        Assert.Null(RosterRules.AddMember(studio, Teacher("M4"), Today, Today));
        Assert.Null(RosterRules.EnrollTrainee(studio, Teacher("S3"), Today, Today));
    }

    [Fact]
    public void one_role_at_a_time()
    {
        var studio = Studio(Hosted("H"), Joined("M1"), Enrolled("S1"));
        Assert.Equal("roster.one-role", RosterRules.AddMember(studio, Teacher("H"), Today, Today)?.Rule);
        Assert.Equal("roster.one-role", RosterRules.EnrollTrainee(studio, Teacher("M1"), Today, Today)?.Rule);
        Assert.Equal("roster.one-role", RosterRules.NameCoordinator(studio, Teacher("S1"), Today, Today)?.Rule);
        Assert.Equal("host.single", RosterRules.AppointHost(studio, Teacher("X"), Today, Today)?.Rule);
    }

    [Fact]
    public void a_member_who_left_may_rejoin_and_their_history_is_kept()
    {
        var studio = Studio(Joined("M1", new DateOnly(2023, 1, 1)), Left("M1", new DateOnly(2024, 6, 30)));
        Assert.Null(RosterRules.AddMember(studio, Teacher("M1"), Today, Today));
        Assert.Equal(RosterRole.Member, studio.Roster.RoleOn("M1", new DateOnly(2024, 6, 30)));
        Assert.Equal(RosterRole.Member, studio.Roster.RoleOn("M1", new DateOnly(2023, 1, 1)));
        Assert.Null(studio.Roster.RoleOn("M1", new DateOnly(2024, 7, 1)));
        Assert.Null(studio.Roster.RoleOn("M1", new DateOnly(2022, 12, 31)));
    }

    [Fact]
    public void leaving_before_joining_or_in_the_future_is_refused()
    {
        var studio = Studio(Joined("M1", new DateOnly(2024, 9, 1)));
        Assert.Equal("roster.date-before-start", RosterRules.RemoveMember(studio, "M1", new DateOnly(2024, 8, 31), Today)?.Rule);
        Assert.Equal("roster.date-in-future", RosterRules.RemoveMember(studio, "M1", Today.AddDays(1), Today)?.Rule);
        Assert.Null(RosterRules.RemoveMember(studio, "M1", Today, Today));
        Assert.Equal("members.unknown", RosterRules.RemoveMember(studio, "M9", Today, Today)?.Rule);
    }

    [Fact]
    public void roster_dates_fall_between_founding_and_today()
    {
        var studio = Studio();
        Assert.Equal("roster.date-before-founding", RosterRules.AddMember(studio, Teacher("M1"), Founded.AddDays(-1), Today)?.Rule);
        Assert.Null(RosterRules.AddMember(studio, Teacher("M1"), Founded, Today));
        Assert.Equal("roster.date-in-future", RosterRules.AddMember(studio, Teacher("M1"), Today.AddDays(1), Today)?.Rule);
    }

    [Fact]
    public void a_mentee_has_at_most_two_mentors()
    {
        var studio = Studio(Hosted("H"), Joined("M1"), Joined("M2"), Enrolled("S1"),
            new MentorshipFormed("H", "S1", Founded, By, At), new MentorshipFormed("M1", "S1", Founded, By, At));
        Assert.Equal("mentorship.max-mentors", RosterRules.FormMentorship(studio, "M2", "S1", Today, Today)?.Rule);
        Assert.Equal("mentorship.duplicate", RosterRules.FormMentorship(studio, "H", "S1", Today, Today)?.Rule);
        Assert.Null(RosterRules.FormMentorship(studio, "M1", "M2", Today, Today));
        Assert.Equal("mentorship.mentee-not-on-roster", RosterRules.FormMentorship(studio, "M1", "H", Today, Today)?.Rule);
    }

    [Fact]
    public void warnings_show_a_composition_below_two_members_and_no_host()
    {
        Assert.Equal(["composition.no-host", "composition.members-below-min"], View(Joined("M1")).Warnings.Select(w => w.Code));
        Assert.Empty(View(Hosted("H"), Joined("M1"), Joined("M2")).Warnings);
    }
}
