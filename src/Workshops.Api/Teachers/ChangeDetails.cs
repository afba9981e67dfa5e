using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Roster;

namespace Workshops.Teachers;

public sealed record ChangeTeacherDetails([Text(500)] string Reason, [Text(50)] string? Name = null, Gender? Gender = null, int? BirthYear = null,
    [Text(50)] string? Subject = null,
    Education? Education = null, bool? PartyMember = null);

/// <summary>POST /api/teachers/{teacherId}/details — undated details changed or corrected (only those given), with the reason.</summary>
public static class ChangeTeacherDetailsEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static Check Input(ChangeTeacherDetails c, DateOnly today) =>
        new Check()
            .When(c.BirthYear is < 1930 || c.BirthYear > today.Year - 16, "birthYear", "must be a plausible year of birth")
            .When(c is { Name: null, Gender: null, BirthYear: null, Subject: null, Education: null, PartyMember: null }, "reason", "change at least one detail");

    public static ProblemDetails Validate(ChangeTeacherDetails command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, Input(command, clock.Today()), _ => null);

    [WolverinePost("/api/teachers/{teacherId}/details", Name = "ChangeTeacherDetails"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(ChangeTeacherDetails c, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, new TeacherDetailsChanged(teacher.TeacherId, c.Name?.Trim(), c.Gender, c.BirthYear, c.Subject?.Trim(), c.Education,
            c.PartyMember, c.Reason.Trim(), http.Actor(), clock.GetUtcNow()));
}
