using JasperFx.Events;
using Marten.Events.Projections;
using TaskStatus = Workshops.Plans.TaskStatus;

namespace Workshops.Plans;

/// <summary>A year's plan as its commands decide on it: the revision, whether it is approved, the tasks it plans until then.</summary>
public sealed record PlanStatus(int Revision, bool Approved, IReadOnlyList<Guid> Planned)
{
    /// <summary>The plan events the studio's decision state folds.</summary>
    public static readonly Type[] Events = [typeof(AnnualPlanDrafted), typeof(AnnualPlanApproved)];

    public static IReadOnlyDictionary<int, PlanStatus> Fold(IReadOnlyDictionary<int, PlanStatus> plans, object data) => data switch
    {
        AnnualPlanDrafted x => Studios.ReadOnlyDictionaries.With(plans, x.Year, new PlanStatus(x.Revision, false, [.. x.Tasks.Select(t => t.TaskId)])),
        // Approved, its tasks are in the ledger, each with a standing of its own.
        AnnualPlanApproved x when plans.TryGetValue(x.Year, out var plan) => Studios.ReadOnlyDictionaries.With(plans, x.Year, plan with { Approved = true, Planned = [] }),
        _ => plans,
    };
}

/// <summary>
/// Where one task of the ledger stands: its year (carrying over moves it) and status. One small document per task, kept
/// inline, loaded only by the commands that name the task; tasks of a plan not approved yet are in <see cref="PlanStatus"/>.
/// </summary>
public sealed record TaskStanding
{
    public Guid Id { get; init; }
    public Guid StudioId { get; init; }
    public int Year { get; init; }
    public TaskStatus Status { get; init; }

    /// <summary>The task events that move a task's standing.</summary>
    public static IEnumerable<Guid> Keys(object data) => data switch
    {
        AnnualPlanApproved x => x.TaskIds,
        TaskAdded x => [x.Task.TaskId],
        TaskClosed x => [x.TaskId],
        TaskCancelled x => [x.TaskId],
        TaskReopened x => [x.TaskId],
        TaskCarriedOver x => [x.TaskId],
        _ => [],
    };

    public static TaskStanding? Fold(TaskStanding? task, Guid id, IEvent e) => e.Data switch
    {
        AnnualPlanApproved x => new TaskStanding { Id = id, StudioId = e.StreamId, Year = x.Year, Status = TaskStatus.Open },
        TaskAdded x => new TaskStanding { Id = id, StudioId = e.StreamId, Year = x.Year, Status = TaskStatus.Open },
        TaskClosed when task is not null => task with { Status = TaskStatus.Closed },
        TaskCancelled when task is not null => task with { Status = TaskStatus.Cancelled },
        TaskReopened when task is not null => task with { Status = TaskStatus.Open },
        TaskCarriedOver x when task is not null => task with { Year = x.ToYear, Status = TaskStatus.Open },
        _ => task,
    };

    /// <summary>
    /// A task as the rules see it: in the ledger (its standing), or planned in a year whose plan is not approved yet.
    /// </summary>
    public static TaskStanding? Find(IReadOnlyDictionary<int, PlanStatus> plans, IEnumerable<TaskStanding?> loaded, Guid id, Guid studioId)
    {
        if (loaded.FirstOrDefault(t => t?.Id == id) is { } task) return task.StudioId == studioId ? task : null;
        var planned = plans.FirstOrDefault(p => !p.Value.Approved && p.Value.Planned.Contains(id));
        return planned.Value is null ? null : new TaskStanding { Id = id, StudioId = studioId, Year = planned.Key, Status = TaskStatus.Planned };
    }
}

public static class TaskStandings
{
    /// <summary>A task of the studio as the rules see it (see <see cref="TaskStanding.Find"/>), given the standings loaded.</summary>
    public static TaskStanding? Task(this Studios.StudioState studio, Guid id, params TaskStanding?[] loaded) =>
        TaskStanding.Find(studio.Plans, loaded, id, studio.Id);
}

public partial class TaskStandingProjection : MultiStreamProjection<TaskStanding, Guid>
{
    public TaskStandingProjection()
    {
        Core.ProjectionTuning.Apply(Options);
        foreach (var type in new[] { typeof(AnnualPlanApproved), typeof(TaskAdded), typeof(TaskClosed), typeof(TaskCancelled), typeof(TaskReopened), typeof(TaskCarriedOver) })
            IncludeType(type);
        CustomGrouping(Core.Grouping.By<Marten.IQuerySession, Guid>(Keys));
    }

    public static IEnumerable<Guid> Keys(IEvent e) => TaskStanding.Keys(e.Data);

    public override TaskStanding? Evolve(TaskStanding? snapshot, Guid id, IEvent e) => TaskStanding.Fold(snapshot, id, e);
}
