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
    BuildMode Mode,
    [Text(2000)] string? Reason = null);

public sealed record StudioCreated(Guid Id, long Version) : CreationResponse($"/api/studios/{Id}");

/// <summary>
/// Who establishes a studio directly. A school-level (校级) studio is the school's own: a school admin or a reviewer
/// establishes it. A district, municipal or provincial studio comes from selection (遴选, seed 001 三.1) by way of an
/// application (POST /api/applications). The one other way in is a bureau registering a studio it already selected
/// before this system: a reviewer of exactly that level (a district's for district studios, a city's for municipal,
/// a province's for provincial), with the reason.
/// </summary>
public static class Establishing
{
    public static Refusal? Directly(Role role, string? jurisdiction, StudioLevel level, string? reason)
    {
        if (level == StudioLevel.School) return null;
        if (role != Role.Reviewer)
            return new("studio.level-by-selection",
                $"A {level.Code()} ({level.Label()}) studio is established by selection (遴选) from an application (POST /api/applications); " +
                "a school establishes a school-level (校级) studio directly.");
        var mine = Applications.ApplicationRules.LevelOf(jurisdiction);
        if (mine != level)
            return new("studio.level-by-selection",
                $"A reviewer registers directly only an existing studio of their own level ({mine?.Code() ?? "none"} for {jurisdiction ?? "no region"}); " +
                $"a {level.Code()} ({level.Label()}) studio otherwise comes from an application (POST /api/applications).");
        return string.IsNullOrWhiteSpace(reason)
            ? new("studio.registration-needs-reason",
                $"Registering a {level.Code()} ({level.Label()}) studio outside the application route needs the reason (e.g. the selection's document).")
            : null;
    }
}

/// <summary>
/// POST /api/studios — a school admin or reviewer establishes a school-level studio in their region; a reviewer also
/// registers an existing studio of their own level, with the reason (<see cref="Establishing"/>).
/// </summary>
public static class EstablishEndpoint
{
    public static ProblemDetails Validate(EstablishStudio command, HttpContext http, TimeProvider clock)
    {
        var check = new Check()
            .Text(command.Name, "name", 100)
            .Text(command.School, "school", 100)
            .When(command.FoundedOn > clock.Today(), "foundedOn", "must not be in the future")
            .When(command.FoundedOn < new DateOnly(1990, 1, 1), "foundedOn", "must be after 1990")
            .Text(command.Reason, "reason", 2000, required: false);
        foreach (var (field, message) in Region.Problems(command.Region)) check.Add(field, message);
        if (!check.Ok) return check.Result();

        var caller = Caller.From(http.User);
        return !caller.Covers(command.Region)
            ? Problems.Forbidden(Permits.RegionRefused(caller, command.Region.Code))
            : Establishing.Directly(caller.Role, caller.Region, command.Level, command.Reason).OrContinue();
    }

    [WolverinePost("/api/studios", Name = "EstablishStudio"), Authorize(Policy = Policies.Establish)]
    [Tags("Studios")]
    public static (StudioCreated, IStartStream) Post(EstablishStudio command, HttpContext http, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        var established = new StudioEstablished(id, command.Name.Trim(), command.School.Trim(), command.Region,
            command.Level, command.Track, command.Rural, command.FoundedOn, command.Mode, http.Actor(), clock.GetUtcNow(),
            RegisteredBecause: string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim());
        http.Response.Headers.ETag = Writes.ETag(1);
        return (new StudioCreated(id, 1), MartenOps.StartStream<StudioState>(id, established));
    }
}
