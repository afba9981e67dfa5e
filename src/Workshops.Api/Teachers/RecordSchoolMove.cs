using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Reference;
using Workshops.Studios;

namespace Workshops.Teachers;

public sealed record RecordSchoolMove([Text(100)] string School, [RegionCode] string Region, DateOnly On, Track Track = Track.K12, bool Rural = false,
    Guid? Corrects = null, [Text(500)] string? Reason = null);

/// <summary>
/// POST /api/teachers/{teacherId}/school-moves — the teacher moved to another school on a day. Recorded by the school
/// the teacher is at on the day of the request (or their host); after it, the new school's admins keep the record.
/// </summary>
public static class RecordSchoolMoveEndpoint
{
    public static Task<TeacherStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TeacherStream.Load(session, teacherId, ct);

    public static Check Input(RecordSchoolMove c, DateOnly today) =>
        new Check()
            .When(!Region.IsCode(c.Region) || !Divisions.Exists(c.Region), "region", "must be a region code in the division list, e.g. 350203")
            .Day(c.On, "on", today).Reasoned(c.Corrects, c.Reason);

    public static ProblemDetails Validate(RecordSchoolMove command, TeacherStream teacher, HttpContext http,
        TimeProvider clock) =>
        teacher.Check(http, Input(command, clock.Today()),
            r => TeacherRules.SchoolMove(r, command.School, command.On, command.Corrects));

    [WolverinePost("/api/teachers/{teacherId}/school-moves", Name = "RecordSchoolMove"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Teachers")]
    public static TeacherWritten Post(RecordSchoolMove c, TeacherStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, new SchoolMoved(teacher.TeacherId, Guid.CreateVersion7(), c.School.Trim(), c.Region, c.Track, c.Rural, c.On, c.Corrects,
            c.Reason, http.Actor(), clock.GetUtcNow()));
}
