using Workshops.Core;
using Workshops.Studios;
using TaskStatus = Workshops.Plans.TaskStatus;

namespace Workshops.Plans;

/// <summary>
/// Rules of the annual plan and the task ledger (seed 001 三.(三).1), as pure functions of the studio's decision state
/// and the standings of the tasks a command names.
/// </summary>
public static class PlanRules
{
    /// <summary>A plan may be drafted for any year from the founding year to next year.</summary>
    public static Refusal? Year(StudioState studio, int year, DateOnly today) =>
        year < studio.FoundedOn.Year || year > today.Year + 1
            ? new("plan.year-out-of-range", $"Plans can be made for {studio.FoundedOn.Year}–{today.Year + 1}, not {year}.")
            : null;

    /// <summary>
    /// The first draft of a year's plan (PUT): once drafted, a plan changes by revisions in the edit convention
    /// (POST …/plans/{year}/revision with only the changed parts and a reason).
    /// </summary>
    public static Refusal? FirstDraft(StudioState studio, int year, IReadOnlyList<TaskSpec> tasks, DateOnly today, IReadOnlyList<TaskStanding>? named = null)
    {
        if (Year(studio, year, today) is { } bad) return bad;
        if (studio.Plans.TryGetValue(year, out var plan) && !plan.Approved)
            return new("plan.already-drafted",
                $"The {year} plan is drafted (revision {plan.Revision}); revise it with POST …/plans/{year}/revision, sending only the changed parts and a reason.");
        return Draft(studio, year, tasks, today, named);
    }

    public static Refusal NoPlan(int year, string verb) => Refusal.Unknown("plan.none", $"There is no plan for {year} to {verb}.");

    public static Refusal UnknownTask(Guid taskId) => Refusal.Unknown("task.unknown", $"No task {taskId} in this studio's ledgers.");

    /// <param name="named">The standings of the tasks the draft names by id (those already in a ledger).</param>
    public static Refusal? Draft(StudioState studio, int year, IReadOnlyList<TaskSpec> tasks, DateOnly today, IReadOnlyList<TaskStanding>? named = null)
    {
        if (Year(studio, year, today) is { } bad) return bad;
        if (studio.Plans.TryGetValue(year, out var plan) && plan.Approved)
            return new("plan.already-approved", $"The {year} plan is approved; add tasks to the ledger instead of revising it.");
        foreach (var task in tasks)
        {
            if (TaskStanding.Find(studio.Plans, named ?? [], task.TaskId, studio.Id) is { } known && !(known.Year == year && known.Status == TaskStatus.Planned))
                return new("plan.task-not-in-plan", $"Task {task.TaskId} is not a planned task of {year}.");
            if (Task(studio, task, year) is { } refusal) return refusal;
        }
        return null;
    }

    /// <summary>A task's owner is on the roster and its due date falls in the ledger's year.</summary>
    public static Refusal? Task(StudioState studio, TaskSpec task, int year)
    {
        if (task.OwnerId is not null && studio.Roster.Holding(task.OwnerId) is null)
            return new("task.owner-not-on-roster", $"The owner {task.OwnerId} of \"{task.Title}\" is not on the roster.");
        if (task.Due is { } due && due.Year != year)
            return new("task.due-outside-year", $"\"{task.Title}\" is due {due:yyyy-MM-dd}, outside {year}.");
        return null;
    }

    public static Refusal? Approve(StudioState studio, int year)
    {
        if (!studio.Plans.TryGetValue(year, out var plan)) return NoPlan(year, "approve");
        return plan.Approved ? new("plan.already-approved", $"The {year} plan is already approved.") : null;
    }

    public static Refusal? Add(StudioState studio, int year, TaskSpec task, DateOnly today) =>
        Year(studio, year, today) ?? Task(studio, task, year);

    public enum Move { Progress, Close, CarryOver, Cancel, Reopen, Revise }

    /// <summary>The ledger's state machine: what may happen to a task in each status.</summary>
    /// <param name="task">The task's standing (<see cref="TaskStanding.Find"/>), null when the studio has no such task.</param>
    public static Refusal? Can(TaskStanding? task, Guid taskId, Move move, DateOnly today)
    {
        if (task is null) return UnknownTask(taskId);
        var status = task.Status;
        return move switch
        {
            Move.Reopen => status is TaskStatus.Closed or TaskStatus.Cancelled
                ? null
                : new("task.not-closed", $"Only a closed or cancelled task can be reopened; this one is {status.Code()}."),
            Move.Revise when status == TaskStatus.Planned =>
                new("task.not-open", $"The task is planned in the {task.Year} plan, not approved yet; revise it in the plan (POST …/plans/{task.Year}/revision)."),
            Move.CarryOver when status == TaskStatus.Open && task.Year + 1 > today.Year + 1 =>
                new("task.carry-too-far", $"A {task.Year} task cannot be carried into {task.Year + 1} yet."),
            _ => status switch
            {
                TaskStatus.Open => null,
                TaskStatus.Planned => new("task.not-open", "The task's plan is not approved yet."),
                TaskStatus.Closed => new("task.closed", "The task is closed (销账); reopen it first, with a reason."),
                TaskStatus.Cancelled => new("task.cancelled", "The task is cancelled; reopen it first, with a reason."),
                _ => new("task.carried-over", "The task was carried over to the next year."),
            },
        };
    }
}
