using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Teachers;

namespace Workshops.Training;

public sealed record IssueHonour(string Issuer, DateOnly? On = null, string? Number = null);

/// <summary>
/// POST /api/teachers/{teacherId}/head-teacher-honour — a reviewer of the teacher's region issues the honour certificate
/// of seed 003 to a teacher with 累计 20 years as head teacher on the day (periods summed, gaps excluded). Once per teacher:
/// <c>honour.issued</c>; fewer than 20 years: <c>honour.not-due</c>.
/// </summary>
public static class IssueHonourEndpoint
{
    public static Task<TrainingStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TrainingStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(IssueHonour command, TrainingStream teacher, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        return teacher.Check(http,
            new Check().Text(command.Issuer, "issuer", 100).Text(command.Number, "number", 50, required: false).Day(command.On, "on", today),
            (r, t) => HonourRules.MayIssue(TeacherFacts.AsOfDay(r, command.On ?? today), t));
    }

    [WolverinePost("/api/teachers/{teacherId}/head-teacher-honour", Name = "IssueHeadTeacherHonour"), Authorize(Policy = Policies.TeacherRecognise)]
    [Tags("Training")]
    public static TrainingWritten Post(IssueHonour command, TrainingStream teacher, HttpContext http, TimeProvider clock)
    {
        var on = command.On ?? clock.Today();
        var years = TeacherFacts.AsOfDay(teacher.Teacher.Record!, on).HeadTeacherYears;
        return teacher.Append(http, null, new HeadTeacherHonourIssued(teacher.TeacherId, on, years, command.Issuer.Trim(), command.Number?.Trim(), http.Actor(),
            clock.GetUtcNow()));
    }
}
