using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Teachers;

public sealed record RecordTeachingStart(DateOnly On, Guid? Corrects = null, [Text(500)] string? Reason = null);

/// <summary>POST /api/teachers/{teacherId}/teaching-start — the day teaching years (教龄) count from; recorded once, then corrected.</summary>
public static class RecordTeachingStartEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(RecordTeachingStart command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, new Check().Day(command.On, "on", clock.Today()).Reasoned(command.Corrects, command.Reason),
            r => TeacherRules.TeachingStart(r, command.Corrects));

    [WolverinePost("/api/teachers/{teacherId}/teaching-start", Name = "RecordTeachingStart"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(RecordTeachingStart command, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, new TeachingStarted(teacher.TeacherId, Guid.CreateVersion7(), command.On, command.Corrects, command.Reason, http.Actor(),
            clock.GetUtcNow()));
}
