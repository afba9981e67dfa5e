using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Teachers;

public sealed record RecordHonour(
    HonourKind Honour,
    HonourLevel Level,
    [Text(100)] string Issuer,
    DateOnly On,
    [Text(100)] string? Name = null,
    [Text(50)] string? Subject = null,
    DateOnly? ValidUntil = null,
    Guid? Corrects = null,
    [Text(500)] string? Reason = null);

/// <summary>
/// POST /api/teachers/{teacherId}/honours — an honour conferred by an authority (名班主任, 优秀教师, 市/区学科带头人,
/// 德育学科带头人, 十佳班主任, 优秀班主任 …), with its issuer, level, day and, where it lapses, its last day.
/// </summary>
public static class RecordHonourEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static Check Input(RecordHonour c, DateOnly today) =>
        new Check().Day(c.On, "on", today).When(c.ValidUntil < c.On, "validUntil", "must not be before the day conferred")
            .Reasoned(c.Corrects, c.Reason);

    public static ProblemDetails Validate(RecordHonour command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, Input(command, clock.Today()),
            r => TeacherRules.Honour(r, command.Honour, command.Level, command.On, command.Corrects));

    [WolverinePost("/api/teachers/{teacherId}/honours", Name = "RecordHonour"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(RecordHonour c, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, new HonourConferred(teacher.TeacherId, Guid.CreateVersion7(), c.Honour, c.Level, c.Issuer.Trim(), c.Name?.Trim(),
            c.Subject?.Trim(), c.On, c.ValidUntil, c.Corrects, c.Reason, http.Actor(), clock.GetUtcNow()));
}
