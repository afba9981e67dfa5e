using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Contract;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Plans;

/// <summary>
/// The facts of a task to change: those left out keep their value, null clears the description, owner, due date or
/// expected carriers; the title can be changed, not cleared.
/// </summary>
public sealed record TaskChanges : Changes
{
    [Text(200)] public string? Title { get; set => field = Sent("title", value); }
    [Text(2000)] public string? Description { get; set => field = Sent("description", value); }
    [Id] public string? OwnerId { get; set => field = Sent("ownerId", value); }
    public DateOnly? Due { get; set => field = Sent("due", value); }
    [Items(0, 10)] public IReadOnlyList<ActivityKind>? ExpectedKinds { get; set => field = Sent("expectedKinds", value); }

    public IReadOnlyList<string> Named() => Edits.Given(
        ("title", Gave("title")), ("description", Gave("description")), ("ownerId", Gave("ownerId")), ("due", Gave("due")),
        ("expectedKinds", Gave("expectedKinds")));

    public Check Uncleared(Check check) => Uncleared(check, ("title", Title));

    public TaskSpec Apply(TaskSpec before) => before with
    {
        Title = Title?.Trim() ?? before.Title,
        Description = Or("description", Description, before.Description),
        OwnerId = Or("ownerId", OwnerId, before.OwnerId),
        Due = Or("due", Due, before.Due),
        ExpectedKinds = Or("expectedKinds", ExpectedKinds, before.ExpectedKinds),
    };
}

/// <summary>A task's edit in the house convention: only the changed fields, in <c>changes</c>, and why.</summary>
public sealed record ReviseTask(TaskChanges Changes, [Text(1000)] string Reason);

/// <summary>
/// POST /api/studios/{id}/tasks/{taskId}/revision — edit an open task of the ledger (title, description, owner, due date,
/// expected carriers): the fields in <c>changes</c> replace theirs (null clears an optional one), the rest stay; the event
/// keeps the task before and after.
/// A task planned in a plan not approved yet is revised in its plan.
/// </summary>
public static class ReviseTaskEndpoint
{
    /// <summary>The task's standing, and its facts as the ledger of its year has them.</summary>
    public static async Task<(TaskStanding?, TaskSpec?)> LoadAsync(Guid id, Guid taskId, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var task = await session.LoadAsync<TaskStanding>(taskId, ct);
        if (task is null || task.StudioId != id) return (task, null);
        var at = await History.Load(session, id, null, clock.Today(), [task.Year], ct);
        return (task, at?.Year(task.Year).Tasks.FirstOrDefault(t => t.TaskId == taskId)?.Spec);
    }

    public static ProblemDetails Validate(ReviseTask command) =>
        command.Changes is null ? Problems.Invalid("changes", "is required")
        : command.Changes.Named().Count == 0 ? Problems.Invalid("changes", "name at least one field to change")
        : command.Changes.Uncleared(new Check()) is { Ok: false } cleared ? cleared.Result()
        : WolverineContinue.NoProblems;

    [WolverineBefore]
    public static ProblemDetails Rules(ReviseTask command, Guid taskId, StudioState studio, TaskStanding? task, TaskSpec? spec, Stamp stamp) =>
        (PlanRules.Can(studio.Task(taskId, task), taskId, PlanRules.Move.Revise, stamp.Today)
         ?? (spec is null ? PlanRules.UnknownTask(taskId) : PlanRules.Task(studio, command.Changes.Apply(spec), task!.Year))).OrContinue();

    [WolverinePost("/api/studios/{id}/tasks/{taskId}/revision", Name = "ReviseTask"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Plans and ledger")]
    public static TaskRevised Post(ReviseTask command, Guid taskId, [WriteAggregate("id")] StudioState studio, TaskStanding? task, TaskSpec? spec,
        Stamp stamp) =>
        new(task!.Year, taskId, spec!, command.Changes.Apply(spec!), command.Changes.Named(), command.Reason, stamp.By, stamp.At);
}
