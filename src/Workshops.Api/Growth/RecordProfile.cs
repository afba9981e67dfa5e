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

public sealed record RecordProfile([Text(2000)] string KnowledgeBase, [Text(2000)] string PracticeBase, [Text(2000)] string Personality,
    [Text(2000)] string Philosophy, [Text(2000)] string Aspirations)
{
    public GrowthProfile Profile => new(KnowledgeBase, PracticeBase, Personality, Philosophy, Aspirations);
}

/// <summary>POST /api/studios/{id}/growth/{teacherId}/profile — the intake profile (知识储备、实践基础、个性特点、工作理念、发展诉求); revisable, each revision kept.</summary>
public static class RecordProfileEndpoint
{
    public static ProblemDetails Validate(RecordProfile command, string teacherId, StudioState studio, HttpContext http) =>
        // Who may write comes before what they wrote: a refused caller learns nothing about the body.
        GrowthAccess.Check(http, studio, teacherId) ?? new Check().Text(command.KnowledgeBase, "knowledgeBase", 2000)
            .Text(command.PracticeBase, "practiceBase", 2000).Text(command.Personality, "personality", 2000)
            .Text(command.Philosophy, "philosophy", 2000).Text(command.Aspirations, "aspirations", 2000).Result();

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/profile", Name = "RecordProfile"), Authorize(Policy = Policies.StudioGrowth), Appends]
    [Tags("Growth files")]
    public static GrowthProfileRecorded Post(RecordProfile command, string teacherId, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(teacherId, command.Profile, studio.Growth.ProfileRevisions.GetValueOrDefault(teacherId) + 1, stamp.By, stamp.At);
}
