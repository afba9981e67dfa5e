using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Teachers;

public sealed record RetractFact(Guid FactId, [Text(500)] string Reason);

/// <summary>
/// POST /api/teachers/{teacherId}/retractions — a fact recorded in error is withdrawn, with the reason; it stays in
/// the history and the record's corrections. Withdrawing a period's start removes the period, its end reopens it.
/// </summary>
public static class RetractFactEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(RetractFact command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, new Check(),
            r => TeacherRules.Retract(r, command.FactId));

    [WolverinePost("/api/teachers/{teacherId}/retractions", Name = "RetractTeacherFact"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(RetractFact command, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, new TeacherFactRetracted(teacher.TeacherId, command.FactId, command.Reason.Trim(), http.Actor(), clock.GetUtcNow()));
}
