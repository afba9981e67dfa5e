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

public sealed record RecordProfile([Text(2000)] string KnowledgeBase, [Text(2000)] string PracticeBase, [Text(2000)] string Personality,
    [Text(2000)] string Philosophy, [Text(2000)] string Aspirations)
{
    public GrowthProfile Profile => new(KnowledgeBase, PracticeBase, Personality, Philosophy, Aspirations);
}

/// <summary>POST /api/studios/{id}/growth/{teacherId}/profile — the intake profile (知识储备、实践基础、个性特点、工作理念、发展诉求); revisable, each revision kept.</summary>
public static class RecordProfileEndpoint
{
    public static ProblemDetails Validate(RecordProfile command, string teacherId, Studio studio, HttpContext http, TimeProvider clock)
    {
        // Who may write comes before what they wrote: a refused caller learns nothing about the body.
        if (GrowthAccess.Check(http, studio, teacherId) is { } denied) return denied;
        var today = clock.Today();
        var check = new Check().Text(command.KnowledgeBase, "knowledgeBase", 2000).Text(command.PracticeBase, "practiceBase", 2000)
            .Text(command.Personality, "personality", 2000).Text(command.Philosophy, "philosophy", 2000).Text(command.Aspirations, "aspirations", 2000);
        Refusal? refusal = null;
        if (!check.Ok) return check.Result();
        return Writes.IfMatch(http, studio.Version) ?? refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/profile", Name = "RecordProfile"), Authorize(Policy = Policies.StudioGrowth)]
    [Tags("Growth files")]
    public static (Written, GrowthProfileRecorded) Post(RecordProfile command, string teacherId, [Aggregate("id")] Studio studio, HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version), new GrowthProfileRecorded(teacherId, command.Profile, (studio.GrowthFiles.GetValueOrDefault(teacherId)?.ProfileRevision ?? 0) + 1, http.Actor(), clock.GetUtcNow()));
}
