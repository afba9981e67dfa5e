using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Core.Contract;

namespace Workshops.Studios;

public sealed record EstablishStudio(
    [Text(100)] string Name,
    [Text(100)] string School,
    Region Region,
    StudioLevel Level,
    Track Track,
    bool Rural,
    DateOnly FoundedOn,
    BuildMode Mode);

public sealed record StudioCreated(Guid Id, long Version) : CreationResponse($"/api/studios/{Id}");

/// <summary>POST /api/studios — a school admin or reviewer establishes a studio in their region.</summary>
public static class EstablishEndpoint
{
    public static ProblemDetails Validate(EstablishStudio command, HttpContext http, TimeProvider clock)
    {
        var check = new Check()
            .Text(command.Name, "name", 100)
            .Text(command.School, "school", 100)
            .When(command.FoundedOn > clock.Today(), "foundedOn", "must not be in the future")
            .When(command.FoundedOn < new DateOnly(1990, 1, 1), "foundedOn", "must be after 1990");
        foreach (var (field, message) in Region.Problems(command.Region)) check.Add(field, message);
        if (!check.Ok) return check.Result();

        var caller = Caller.From(http.User);
        return caller.Covers(command.Region)
            ? WolverineContinue.NoProblems
            : Problems.Forbidden(Permits.RegionRefused(caller, command.Region.Code));
    }

    [WolverinePost("/api/studios", Name = "EstablishStudio"), Authorize(Policy = Policies.Establish)]
    [Tags("Studios")]
    public static (StudioCreated, IStartStream) Post(EstablishStudio command, HttpContext http, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var established = new StudioEstablished(id, command.Name.Trim(), command.School.Trim(), command.Region,
            command.Level, command.Track, command.Rural, command.FoundedOn, command.Mode, http.Actor(), clock.GetUtcNow());
        http.Response.Headers.ETag = Writes.ETag(1);
        return (new StudioCreated(id, 1), MartenOps.StartStream<StudioState>(id, established));
    }
}
