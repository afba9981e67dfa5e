using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Teachers;

/// <summary>
/// A period begins on <see cref="From"/> (open), or a past period is recorded whole with its last day
/// <see cref="To"/>; with <see cref="Corrects"/> it replaces the start of a period recorded in error.
/// </summary>
public sealed record StartPeriod(DateOnly From, DateOnly? To = null, [Text(100)] string? School = null, Guid? Corrects = null, [Text(500)] string? Reason = null);

/// <summary>The open period ends on <see cref="On"/> (its last day); with <see cref="Corrects"/> it replaces an end recorded in error.</summary>
public sealed record EndPeriod(DateOnly On, Guid? Corrects = null, [Text(500)] string? Reason = null);

/// <summary>The events of the period writes, shared by head-teacher service, rural postings and principal service.</summary>
public static class Periods
{
    public static Check Input(StartPeriod c, DateOnly today, bool schoolRequired) =>
        new Check().Day(c.From, "from", today).Day(c.To, "to", today).When(schoolRequired && string.IsNullOrWhiteSpace(c.School), "school", "is required")
            .When(c is { To: not null, Corrects: not null }, "to", "correct a start and an end as separate facts")
            .Reasoned(c.Corrects, c.Reason);

    public static Check Input(EndPeriod c, DateOnly today) => new Check().Day(c.On, "on", today).Reasoned(c.Corrects, c.Reason);

    public static ITeacherEvent[] Started(PeriodKind kind, TeacherStream teacher, StartPeriod c, Actor by, DateTimeOffset at)
    {
        var fact = Guid.CreateVersion7();
        var period = c.Corrects is { } replaced ? kind.Of(teacher.Record!).Single(p => p.StartFact == replaced).PeriodId : fact;
        var school = c.School?.Trim();
        ITeacherEvent start = kind.Start switch
        {
            FactKind.HeadTeacherStart => new HeadTeacherServiceStarted(teacher.TeacherId, fact, period, c.From, school, c.Corrects, c.Reason, by, at),
            FactKind.RuralStart => new RuralPostingStarted(teacher.TeacherId, fact, period, c.From, school!, c.Corrects, c.Reason, by, at),
            _ => new PrincipalServiceStarted(teacher.TeacherId, fact, period, c.From, school!, c.Corrects, c.Reason, by, at),
        };
        return c.To is { } to ? [start, End(kind, teacher.TeacherId, period, to, null, null, by, at)] : [start];
    }

    public static ITeacherEvent Ended(PeriodKind kind, TeacherStream teacher, EndPeriod c, Actor by, DateTimeOffset at) =>
        End(kind, teacher.TeacherId, TeacherRules.Ending(teacher.Record!, kind, c.Corrects)!.PeriodId, c.On, c.Corrects, c.Reason, by, at);

    private static ITeacherEvent End(PeriodKind kind, string teacherId, Guid period, DateOnly on, Guid? corrects, string? reason, Actor by,
        DateTimeOffset at) => kind.End switch
    {
        FactKind.HeadTeacherEnd => new HeadTeacherServiceEnded(teacherId, Guid.CreateVersion7(), period, on, corrects, reason, by, at),
        FactKind.RuralEnd => new RuralPostingEnded(teacherId, Guid.CreateVersion7(), period, on, corrects, reason, by, at),
        _ => new PrincipalServiceEnded(teacherId, Guid.CreateVersion7(), period, on, corrects, reason, by, at),
    };
}

/// <summary>POST /api/teachers/{teacherId}/head-teacher-service — a period as head teacher begins (班主任工作经历; gaps allowed, no overlaps).</summary>
public static class StartHeadTeacherServiceEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(StartPeriod command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, Periods.Input(command, clock.Today(), schoolRequired: false),
            r => TeacherRules.StartPeriod(r, PeriodKind.HeadTeacher, command.From, command.To, command.Corrects));

    [WolverinePost("/api/teachers/{teacherId}/head-teacher-service", Name = "StartHeadTeacherService"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(StartPeriod command, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, Periods.Started(PeriodKind.HeadTeacher, teacher, command, http.Actor(), clock.GetUtcNow()));
}

/// <summary>POST /api/teachers/{teacherId}/head-teacher-service/end — the open period as head teacher ends.</summary>
public static class EndHeadTeacherServiceEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(EndPeriod command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, Periods.Input(command, clock.Today()),
            r => TeacherRules.EndPeriod(r, PeriodKind.HeadTeacher, command.On, command.Corrects));

    [WolverinePost("/api/teachers/{teacherId}/head-teacher-service/end", Name = "EndHeadTeacherService"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(EndPeriod command, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, Periods.Ended(PeriodKind.HeadTeacher, teacher, command, http.Actor(), clock.GetUtcNow()));
}

/// <summary>POST /api/teachers/{teacherId}/rural-postings — a posting to a rural school begins (seed 000 三.(三) counts rural head teachers).</summary>
public static class StartRuralPostingEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(StartPeriod command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, Periods.Input(command, clock.Today(), schoolRequired: true),
            r => TeacherRules.StartPeriod(r, PeriodKind.Rural, command.From, command.To, command.Corrects));

    [WolverinePost("/api/teachers/{teacherId}/rural-postings", Name = "StartRuralPosting"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(StartPeriod command, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, Periods.Started(PeriodKind.Rural, teacher, command, http.Actor(), clock.GetUtcNow()));
}

/// <summary>POST /api/teachers/{teacherId}/rural-postings/end — the open rural posting ends.</summary>
public static class EndRuralPostingEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(EndPeriod command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, Periods.Input(command, clock.Today()),
            r => TeacherRules.EndPeriod(r, PeriodKind.Rural, command.On, command.Corrects));

    [WolverinePost("/api/teachers/{teacherId}/rural-postings/end", Name = "EndRuralPosting"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(EndPeriod command, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, Periods.Ended(PeriodKind.Rural, teacher, command, http.Actor(), clock.GetUtcNow()));
}

/// <summary>POST /api/teachers/{teacherId}/principal-service — a period as principal begins (seed 004's principal hours read it).</summary>
public static class StartPrincipalServiceEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(StartPeriod command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, Periods.Input(command, clock.Today(), schoolRequired: true),
            r => TeacherRules.StartPeriod(r, PeriodKind.Principal, command.From, command.To, command.Corrects));

    [WolverinePost("/api/teachers/{teacherId}/principal-service", Name = "StartPrincipalService"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(StartPeriod command, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, Periods.Started(PeriodKind.Principal, teacher, command, http.Actor(), clock.GetUtcNow()));
}

/// <summary>POST /api/teachers/{teacherId}/principal-service/end — the open period as principal ends.</summary>
public static class EndPrincipalServiceEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(EndPeriod command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, Periods.Input(command, clock.Today()),
            r => TeacherRules.EndPeriod(r, PeriodKind.Principal, command.On, command.Corrects));

    [WolverinePost("/api/teachers/{teacherId}/principal-service/end", Name = "EndPrincipalService"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(EndPeriod command, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, Periods.Ended(PeriodKind.Principal, teacher, command, http.Actor(), clock.GetUtcNow()));
}
