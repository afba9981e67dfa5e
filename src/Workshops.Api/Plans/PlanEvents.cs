using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Plans;

[Codes("task-statuses")]
public enum TaskStatus
{
    /// <summary>In a plan that is not approved yet.</summary>
    [Label("计划中")] Planned,
    [Label("进行中")] Open,
    /// <summary>Closed off with evidence (销账).</summary>
    [Label("已销账")] Closed,
    [Label("已结转")] CarriedOver,
    [Label("已取消")] Cancelled,
}

[Codes("task-origins")]
public enum TaskOrigin
{
    [Label("年度计划")] Plan,
    [Label("年中新增")] Added,
    [Label("上年结转")] CarriedIn,
}

/// <summary>A task as planned or added: what, who owns it, when it is due and which carriers are expected.</summary>
public sealed record TaskSpec(
    Guid TaskId,
    string Title,
    string? Description,
    string? OwnerId,
    DateOnly? Due,
    IReadOnlyList<ActivityKind> ExpectedKinds);

/// <summary>
/// A revision of the year's plan (年度工作计划); the first is revision 1. A revision in the edit convention
/// (POST …/plans/{year}/revision) says why in <see cref="Reason"/>; the first draft has none.
/// </summary>
public sealed record AnnualPlanDrafted(int Year, string Goals, IReadOnlyList<TaskSpec> Tasks, int Revision, Actor By, DateTimeOffset At,
    string? Reason = null) : IStudioEvent;

/// <summary>The school approved the plan (学校党组织把关); its tasks open in the ledger.</summary>
public sealed record AnnualPlanApproved(int Year, int Revision, IReadOnlyList<Guid> TaskIds, string? Note, Actor By, DateTimeOffset At)
    : IStudioEvent;

public sealed record TaskAdded(int Year, TaskSpec Task, Actor By, DateTimeOffset At) : IStudioEvent;

/// <summary>A ledger task's own facts were edited: the spec before and after, the fields changed and why.</summary>
public sealed record TaskRevised(int Year, Guid TaskId, TaskSpec Before, TaskSpec After, IReadOnlyList<string> Changed, string Reason, Actor By,
    DateTimeOffset At) : IStudioEvent;

public sealed record TaskProgressed(int Year, Guid TaskId, string Note, int? Percent, Actor By, DateTimeOffset At) : IStudioEvent;

/// <summary>Closed off one by one (逐项销账): a note, evidence links and the activities that did it.</summary>
public sealed record TaskClosed(int Year, Guid TaskId, string Note, IReadOnlyList<string> Evidence, IReadOnlyList<Guid> ActivityIds,
    Actor By, DateTimeOffset At) : IStudioEvent;

public sealed record TaskCarriedOver(int Year, Guid TaskId, int ToYear, string Reason, TaskSpec Task, Actor By, DateTimeOffset At)
    : IStudioEvent;

public sealed record TaskCancelled(int Year, Guid TaskId, string Reason, Actor By, DateTimeOffset At) : IStudioEvent;

public sealed record TaskReopened(int Year, Guid TaskId, string Reason, Actor By, DateTimeOffset At) : IStudioEvent;
