using System.Text.Json.Serialization;
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

/// <summary>A task added to a ledger mid-year (default: this year's).</summary>
public sealed record AddTask(
    [Text(200)] string Title,
    [Text(2000)] string? Description = null,
    [Id] string? OwnerId = null,
    DateOnly? Due = null,
    [Items(0, 10)] IReadOnlyList<ActivityKind>? ExpectedKinds = null,
    int? Year = null)
{
    /// <summary>The task as the ledger's rules read it; not a field of the request (it showed in the document's schema and example).</summary>
    [JsonIgnore] public TaskInput Input => new(Title, Description, OwnerId, Due, ExpectedKinds);
}

public sealed record TaskCreated(Guid StudioId, Guid TaskId, int Year, long Version)
    : CreationResponse($"/api/studios/{StudioId}/tasks/{TaskId}");

/// <summary>POST /api/studios/{id}/tasks — register a task in the ledger (任务台账).</summary>
public static class AddTaskEndpoint
{
    public static ProblemDetails Validate(AddTask command, Stamp stamp)
    {
        var check = new Check();
        TaskInput.Check(check, command.Input, "", command.Year ?? stamp.Today.Year);
        return check.Result();
    }

    [WolverineBefore]
    public static ProblemDetails Rules(AddTask command, StudioState studio, Stamp stamp) =>
        PlanRules.Add(studio, command.Year ?? stamp.Today.Year, command.Input.Spec(Guid.Empty), stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/tasks", Name = "AddTask"), Authorize(Policy = Policies.StudioWork), Appends(typeof(TaskCreated))]
    [Tags("Plans and ledger")]
    public static TaskAdded Post(AddTask command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(command.Year ?? stamp.Today.Year, command.Input.Spec(Guid.CreateVersion7()), stamp.By, stamp.At);

    public static TaskCreated Created(TaskAdded added, Written written) => new(written.StudioId, added.Task.TaskId, added.Year, written.Version);
}
