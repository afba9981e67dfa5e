using Workshops.Core;
using Workshops.Plans;
using Workshops.Roster;
using Workshops.Studios;
using TaskStatus = Workshops.Plans.TaskStatus;

namespace Workshops.Activities;

/// <summary>Rules an activity's facts must meet, as pure functions of the studio's decision state and the day's activities.</summary>
public static class ActivityRules
{
    /// <summary>An activity lasts at most a day; a teacher attends at most as long across a day's activities.</summary>
    public const int HoursPerDay = 24;
    public const decimal MaxHoursPerDay = HoursPerDay;

    /// <param name="sameDay">The studio's activities on the same date (for the 24-hours-a-day rule).</param>
    /// <param name="tasks">The standings of the ledger tasks the facts name.</param>
    /// <remarks>A date after today is the input's own mistake (ActivityInput.Check, a 400 with the rest of the body).</remarks>
    public static Refusal? Check(StudioState studio, IReadOnlyList<ActivityEntry> sameDay, ActivityFacts facts, Guid? activityId = null,
        IReadOnlyList<TaskStanding>? tasks = null)
    {
        if (facts.Date < studio.FoundedOn)
            return new("activity.date-before-founding", $"The studio was founded on {studio.FoundedOn:yyyy-MM-dd}.");
        // The hours' range, an attendee's hours against the activity's and a teacher listed twice are the request's own
        // shape, told with every other problem in one 400 (LogActivity, ActivityInput.Check); what is left needs the studio.
        foreach (var a in facts.Attendees)
        {
            if (!a.Guest && !OnTeam(studio.Roster, a.TeacherId, facts.Date))
                return new("attendance.not-on-roster",
                    $"{a.TeacherId} was not on the roster on {facts.Date:yyyy-MM-dd}; mark outside people as guests.");
            if (!a.Guest && HoursOn(sameDay, a.TeacherId, facts.Date, activityId) + a.Hours > MaxHoursPerDay)
                return new("attendance.day-over-24", $"{a.TeacherId} would attend more than {MaxHoursPerDay} hours on {facts.Date:yyyy-MM-dd}.");
        }

        foreach (var taskId in facts.TaskIds)
        {
            var task = TaskStanding.Find(studio.Plans, tasks ?? [], taskId, studio.Id);
            if (task is null) return new("activity.unknown-task", $"No task {taskId} in this studio's ledgers.");
            if (task.Status == TaskStatus.Cancelled) return new("activity.task-cancelled", $"The task {taskId} is cancelled.");
        }
        return null;
    }

    /// <summary>Hours a teacher attended on a day, across other standing activities.</summary>
    public static decimal HoursOn(IEnumerable<ActivityEntry> activities, string teacherId, DateOnly date, Guid? except) =>
        activities.Where(r => !r.Voided && r.Date == date && r.Id != except)
            .SelectMany(r => r.Attendees).Where(x => x.TeacherId == teacherId && !x.Guest).Sum(x => x.Hours);

    /// <summary>On the roster that day, or an expert invited by then.</summary>
    public static bool OnTeam(RosterState roster, string teacherId, DateOnly date) =>
        roster.RoleOn(teacherId, date) is not null || roster.Experts.Any(x => x.ExpertId == teacherId && x.Since <= date);

    public static Refusal? Changeable(ActivityEntry? entry, Guid studioId)
    {
        if (entry is null || entry.StudioId != studioId)
            return Refusal.Unknown("activity.unknown", "No such activity in this studio.");
        return entry.Voided ? new("activity.voided", "The activity is voided; it cannot be changed.") : null;
    }
}
