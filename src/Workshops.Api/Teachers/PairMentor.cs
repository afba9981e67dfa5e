using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Teachers;

public sealed record PairMentor([Id] string MentorId, [Text(50)] string MentorName, DateOnly On, DateOnly? Until = null, Guid? Corrects = null,
    [Text(500)] string? Reason = null);

/// <summary>
/// POST /api/teachers/{teacherId}/mentors — the school pairs a new head teacher with a head-teacher mentor (班主任导师,
/// seed 000 三.(二).1); the entry duty reads the pairing.
/// </summary>
public static class PairMentorEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static Check Input(PairMentor c, DateOnly today) =>
        new Check().Day(c.On, "on", today)
            .When(c.Until < c.On, "until", "must not be before the pairing began").Reasoned(c.Corrects, c.Reason);

    public static ProblemDetails Validate(PairMentor command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, Input(command, clock.Today()),
            r => TeacherRules.Mentor(r, command.MentorId, command.Corrects));

    [WolverinePost("/api/teachers/{teacherId}/mentors", Name = "PairMentor"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(PairMentor c, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, new MentorPaired(teacher.TeacherId, Guid.CreateVersion7(), c.MentorId, c.MentorName.Trim(), c.On, c.Until, c.Corrects,
            c.Reason, http.Actor(), clock.GetUtcNow()));
}
