using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Roster;

public sealed record CompleteTrainee(DateOnly? On = null, [Text(500)] string? Note = null);

/// <summary>POST /api/studios/{id}/trainees/{teacherId}/complete — a trainee completes their training in the studio.</summary>
public static class CompleteTraineeEndpoint
{
    public static ProblemDetails Validate(CompleteTrainee command, Studio studio, string teacherId, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        var check = new Check().Text(command.Note, "note", 500, required: false);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? RosterRules.CompleteTrainee(studio, teacherId, command.On ?? today, today).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/trainees/{teacherId}/complete", Name = "CompleteTrainee"), Authorize(Policy = Policies.StudioManage)]
    [Tags("Roster")]
    public static (Written, TraineeCompleted) Post(CompleteTrainee command, [Aggregate("id")] Studio studio, string teacherId, HttpContext http,
        TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new TraineeCompleted(teacherId, command.On ?? clock.Today(), command.Note, http.Actor(), clock.GetUtcNow()));
}
