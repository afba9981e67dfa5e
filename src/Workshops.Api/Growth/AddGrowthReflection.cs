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

public sealed record AddGrowthReflection([Text(10_000)] string Text, DateOnly? Date = null);

/// <summary>POST /api/studios/{id}/growth/{teacherId}/reflections — the teacher's own reflection.</summary>
public static class AddGrowthReflectionEndpoint
{
    public static ProblemDetails Validate(AddGrowthReflection command, string teacherId, StudioState studio, HttpContext http, Stamp stamp) =>
        // Who may write comes before what they wrote: a refused caller learns nothing about the body.
        GrowthAccess.Check(http, studio, teacherId) ?? new Check().Text(command.Text, "text", 10_000).Day(command.Date, "date", stamp.Today).Result();

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/reflections", Name = "AddGrowthReflection"), Authorize(Policy = Policies.StudioGrowth), Appends]
    [Tags("Growth files")]
    public static GrowthReflectionAdded Post(AddGrowthReflection command, string teacherId, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(Guid.CreateVersion7(), teacherId, command.Date ?? stamp.Today, command.Text, stamp.By, stamp.At);
}
