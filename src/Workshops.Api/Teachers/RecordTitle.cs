using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Teachers;

public sealed record RecordTitle(ProfessionalTitle Title, DateOnly On, Guid? Corrects = null, [Text(500)] string? Reason = null);

/// <summary>POST /api/teachers/{teacherId}/titles — the professional title (职称) changed on a day.</summary>
public static class RecordTitleEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(RecordTitle command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, new Check().Day(command.On, "on", clock.Today()).Reasoned(command.Corrects, command.Reason),
            r => TeacherRules.Title(r, command.Title, command.On, command.Corrects));

    [WolverinePost("/api/teachers/{teacherId}/titles", Name = "RecordTitle"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(RecordTitle command, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, new ProfessionalTitleChanged(teacher.TeacherId, Guid.CreateVersion7(), command.Title, command.On, command.Corrects,
            command.Reason, http.Actor(), clock.GetUtcNow()));
}
