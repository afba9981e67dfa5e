using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
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
    public static ProblemDetails Validate(RecordAward command, string teacherId, Studio studio, HttpContext http, TimeProvider clock)
    {
        // Who may write comes before what they wrote: a refused caller learns nothing about the body.
        if (GrowthAccess.Check(http, studio, teacherId) is { } denied) return denied;
        var today = clock.Today();
        var check = new Check().Text(command.Title, "title", 200).Text(command.Rank, "rank", 50, required: false);
        var refusal = GrowthAccess.Dated(studio, command.Date, today);
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/awards", Name = "RecordAward"), Authorize(Policy = Policies.StudioGrowth)]
    [Tags("Growth files")]
    public static (Written, AwardRecorded) Post(RecordAward command, string teacherId, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new AwardRecorded(Guid.CreateVersion7(), teacherId, command.Kind, command.Title, command.Level, command.Date, command.Rank, http.Actor(), clock.GetUtcNow()));
}
