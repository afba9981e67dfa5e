using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Teachers;

public sealed record SelectExpertCandidate(DateOnly? On = null, [Text(1000)] string? Basis = null,
    [Items(0, SelectExpertCandidateEndpoint.MaxMentors), Text(50)] IReadOnlyList<string>? Mentors = null);

public sealed record CompleteExpertTraining(DateOnly? On = null, [Text(1000)] string? Note = null);

/// <summary>
/// POST /api/teachers/{teacherId}/expert-candidacy — seed 000 三.(二).4 选拔: a reviewer selects a 市德育学科带头人 or
/// 优秀班主任 as a candidate for expert training, naming the two mentors of 双导师 if known.
/// </summary>
public static class SelectExpertCandidateEndpoint
{
    public const int MaxMentors = 2;

    public static Task<TeacherStream> LoadAsync(string teacherId, SelectExpertCandidate command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct) => TeacherStream.LoadJudging(session, teacherId, command.On ?? clock.Today(), ct);

    public static ProblemDetails Validate(SelectExpertCandidate command, TeacherStream teacher, HttpContext http,
        TimeProvider clock)
    {
        var today = clock.Today();
        var input = new Check().Day(command.On, "on", today);
        return teacher.Check(http, input,
            r => TierRules.MaySelect(teacher.RuleSet!.RuleSet, TeacherFacts.AsOfDay(r, command.On ?? today)));
    }

    [WolverinePost("/api/teachers/{teacherId}/expert-candidacy", Name = "SelectExpertCandidate"), Authorize(Policy = Policies.TeacherRecognise)]
    [Tags("Teachers")]
    public static TeacherWritten Post(SelectExpertCandidate command, TeacherStream teacher, HttpContext http, TimeProvider clock)
    {
        var on = command.On ?? clock.Today();
        var set = teacher.RuleSet!.RuleSet;
        var rung = set.Ladder.First(r => r.Path == Programmes.RungPath.Selection);
        var basis = command.Basis?.Trim() ?? TierRules.Check(set, rung, TeacherFacts.AsOfDay(teacher.Record!, on)).Reason;
        return teacher.Append(http, new ExpertCandidateSelected(teacher.TeacherId, Guid.CreateVersion7(), set.Code, on, basis,
            [.. (command.Mentors ?? []).Select(m => m.Trim())], null, null, http.Actor(), clock.GetUtcNow()));
    }
}

/// <summary>POST /api/teachers/{teacherId}/expert-candidacy/training — the candidate completed the expert training (培养结业).</summary>
public static class CompleteExpertTrainingEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(CompleteExpertTraining command, TeacherStream teacher, HttpContext http,
        TimeProvider clock)
    {
        var today = clock.Today();
        return teacher.Check(http, new Check().Day(command.On, "on", today),
            r => TeacherRules.ExpertTraining(r, command.On ?? today));
    }

    [WolverinePost("/api/teachers/{teacherId}/expert-candidacy/training", Name = "CompleteExpertTraining"), Authorize(Policy = Policies.TeacherRecognise)]
    [Tags("Teachers")]
    public static TeacherWritten Post(CompleteExpertTraining command, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, new ExpertTrainingCompleted(teacher.TeacherId, Guid.CreateVersion7(), command.On ?? clock.Today(), command.Note?.Trim(),
            null, null, http.Actor(), clock.GetUtcNow()));
}
