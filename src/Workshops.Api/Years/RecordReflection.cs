using Marten;
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

namespace Workshops.Years;

public sealed record RecordReflection([Text(10_000)] string Text, [Text(5000)] string? Adjustments = null, DateOnly? Date = null);

/// <summary>POST /api/studios/{id}/reflections — a periodic reflection and the adjustments to strategy it led to.</summary>
public static class RecordReflectionEndpoint
{
    /// <summary>A reflection looks back: its date is today or earlier (input, 400).</summary>
    public static ProblemDetails Validate(RecordReflection command, Stamp stamp) => new Check().Day(command.Date, "date", stamp.Today).Result();

    [WolverineBefore]
    public static ProblemDetails Rules(RecordReflection command, StudioState studio, Stamp stamp) => Dated(command.Date ?? stamp.Today, studio).OrContinue();

    /// <summary>The rule on a reflection's date that needs the studio: not before its founding.</summary>
    public static Refusal? Dated(DateOnly date, StudioState studio) =>
        date < studio.FoundedOn ? new("reflection.date-before-founding", $"The studio was founded on {studio.FoundedOn:yyyy-MM-dd}.") : null;

    [WolverinePost("/api/studios/{id}/reflections", Name = "RecordReflection"), Authorize(Policy = Policies.StudioContribute), Appends(typeof(ReflectionCreated))]
    [Tags("Years")]
    public static ReflectionRecorded Post(RecordReflection command, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(Guid.CreateVersion7(), command.Date ?? stamp.Today, command.Text, command.Adjustments, stamp.By, stamp.At);

    public static ReflectionCreated Created(ReflectionRecorded recorded, Written written) =>
        new(written.StudioId, recorded.ReflectionId, recorded.Date.Year, written.Version);
}

/// <summary>A reflection belongs to the year of its date; its <c>url</c> reads it there.</summary>
public sealed record ReflectionCreated(Guid StudioId, Guid ReflectionId, int Year, long Version)
    : CreationResponse($"/api/studios/{StudioId}/years/{Year}/reflections/{ReflectionId}");

/// <summary>GET /api/studios/{id}/years/{year}/reflections/{reflectionId} — one reflection, as the year view lists it.</summary>
public static class GetReflectionEndpoint
{
    [WolverineGet("/api/studios/{id}/years/{year}/reflections/{reflectionId}", Name = "GetReflection"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Years")]
    [ProducesResponseType<Reflection>(200)]
    public static async Task<IResult> Get(Guid id, int year, Guid reflectionId, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var at = await History.Load(session, id, null, clock.Today(), [year], ct);
        return at?.Year(year).Reflections.FirstOrDefault(r => r.ReflectionId == reflectionId) is { } reflection
            ? Results.Ok(reflection)
            : Results.Problem(Problems.NotFound($"No reflection {reflectionId} of {year} in studio {id}."));
    }
}
