using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Growth;

public sealed record RecordAward(AwardKind Kind, [Text(200)] string Title, TrainingLevel Level, DateOnly Date, [Text(50)] string? Rank = null);

/// <summary>POST /api/studios/{id}/growth/{teacherId}/awards — awards and honours (名班主任、优秀班主任、十佳、比赛奖项) with their level.</summary>
public static class RecordAwardEndpoint
{
    public static ProblemDetails Validate(RecordAward command, string teacherId, StudioState studio, HttpContext http, Stamp stamp) =>
        // Who may write comes before what they wrote: a refused caller learns nothing about the body.
        GrowthAccess.Check(http, studio, teacherId) ?? new Check().Text(command.Title, "title", 200).Text(command.Rank, "rank", 50, required: false)
            .Day(command.Date, "date", stamp.Today).Result();

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/awards", Name = "RecordAward"), Authorize(Policy = Policies.StudioGrowth), Appends]
    [Tags("Growth files")]
    public static AwardRecorded Post(RecordAward command, string teacherId, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(Guid.CreateVersion7(), teacherId, command.Kind, command.Title, command.Level, command.Date, command.Rank, stamp.By, stamp.At);
}
