using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Plans;

public sealed record TaskInput(
    [Text(200)] string Title,
    [Text(2000)] string? Description = null,
    [Id] string? OwnerId = null,
    DateOnly? Due = null,
    [Items(0, 10)] IReadOnlyList<ActivityKind>? ExpectedKinds = null,
    Guid? Id = null)
{
    public TaskSpec Spec(Guid id) => new(id, Title.Trim(), Description, OwnerId, Due, ExpectedKinds ?? []);

    /// <param name="field">The task's JSON path; empty when its fields are the body's own (adding a task).</param>
    /// <param name="year">The ledger's year, from the route or the body: a due day outside it is the request's own mistake.</param>
    public static void Check(Check check, TaskInput? task, string field, int year)
    {
        if (task is null)
        {
            check.Add(field, "is required");
            return;
        }
        // Title, description, kinds and owner id are limited on the record and checked with the body (Core/Contract/Limits).
        check.When(task.Due is { } due && due.Year != year, field.Length == 0 ? "due" : $"{field}.due",
            $"is outside {year}: a task of the {year} ledger is due within that year");
    }
}

/// <summary>The year's goals and planned tasks (年度工作计划).</summary>
public sealed record DraftPlan([Text(5000)] string Goals, [Items(1, 100)] IReadOnlyList<TaskInput> Tasks)
{
    public IReadOnlyList<TaskSpec> Specs(Func<Guid> newId) => [.. Tasks.Select(t => t.Spec(t.Id ?? newId()))];
}

/// <summary>
/// PUT /api/studios/{id}/plans/{year} — the first draft of the annual plan, as a whole document; later revisions take the
/// edit convention (<see cref="RevisePlanEndpoint"/>).
/// </summary>
public static class DraftPlanEndpoint
{
    /// <summary>The standings of the tasks the draft names by id (a task already in a ledger cannot be planned again).</summary>
    public static DocumentsById<TaskStanding> Load(DraftPlan command) =>
        new([.. command.Tasks?.Where(t => t?.Id is not null).Select(t => t.Id!.Value) ?? []]);

    public static ProblemDetails Validate(DraftPlan command, int year)
    {
        var check = new Check().Text(command.Goals, "goals", 5000).Count(command.Tasks, "tasks", 1, 100);
        for (var i = 0; i < (command.Tasks?.Count ?? 0); i++) TaskInput.Check(check, command.Tasks![i], $"tasks[{i}]", year);
        var ids = command.Tasks?.Where(t => t?.Id is not null).Select(t => t.Id!.Value).ToList() ?? [];
        return check.When(ids.Count != ids.Distinct().Count(), "tasks", "task ids must be distinct").Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(DraftPlan command, int year, StudioState studio, IReadOnlyList<TaskStanding> named, Stamp stamp) =>
        PlanRules.FirstDraft(studio, year, command.Specs(Guid.NewGuid), stamp.Today, named).OrContinue();

    [WolverinePut("/api/studios/{id}/plans/{year}", Name = "DraftPlan"), Authorize(Policy = Policies.StudioWork), Appends]
    [Tags("Plans and ledger")]
    public static AnnualPlanDrafted Put(DraftPlan command, int year, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(year, command.Goals, command.Specs(Guid.CreateVersion7), 1, stamp.By, stamp.At);
}
