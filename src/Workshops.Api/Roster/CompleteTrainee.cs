using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Attributes;
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
    [WolverineBefore]
    public static ProblemDetails Rules(CompleteTrainee command, StudioState studio, string teacherId, Stamp stamp) =>
        RosterRules.CompleteTrainee(studio, teacherId, command.On ?? stamp.Today, stamp.Today).OrContinue();

    [WolverinePost("/api/studios/{id}/trainees/{teacherId}/complete", Name = "CompleteTrainee"), Authorize(Policy = Policies.StudioManage), Appends]
    [Tags("Roster")]
    public static TraineeCompleted Post(CompleteTrainee command, [WriteAggregate("id")] StudioState studio, string teacherId, Stamp stamp) =>
        new(teacherId, command.On ?? stamp.Today, command.Note, stamp.By, stamp.At);
}
