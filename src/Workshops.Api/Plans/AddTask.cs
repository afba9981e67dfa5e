using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
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
    public TaskInput Input => new(Title, Description, OwnerId, Due, ExpectedKinds);
}

public sealed record TaskCreated(Guid StudioId, Guid TaskId, int Year, long Version)
    : CreationResponse($"/api/studios/{StudioId}/tasks/{TaskId}");

/// <summary>POST /api/studios/{id}/tasks — register a task in the ledger (任务台账).</summary>
public static class AddTaskEndpoint
{
    public static ProblemDetails Validate(AddTask command, Studio studio, HttpContext http, TimeProvider clock)
    {
        var check = new Check();
        TaskInput.Check(check, command.Input, "task");
        if (!check.Ok) return check.Result();
        var today = clock.Today();
        var year = command.Year ?? today.Year;
        return Writes.IfMatch(http, studio.Version) ?? PlanRules.Add(studio, year, command.Input.Spec(Guid.Empty), today).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/tasks", Name = "AddTask"), Authorize(Policy = Policies.StudioWork)]
    [Tags("Plans and ledger")]
    public static (TaskCreated, TaskAdded) Post(AddTask command, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock)
    {
        var year = command.Year ?? clock.Today().Year;
        var spec = command.Input.Spec(Guid.CreateVersion7());
        var written = Writes.Done(http, studio.Id, studio.Version);
        return (new TaskCreated(studio.Id, spec.TaskId, year, written.Version), new TaskAdded(year, spec, http.Actor(), clock.GetUtcNow()));
    }
}
