using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Reference;
using Workshops.Roster;
using Workshops.Studios;

namespace Workshops.Teachers;

/// <summary>
/// A teacher's record is opened with who they are and their school (its region code, track and whether it is rural),
/// and optionally the first facts: the 教龄 start, an open period as head teacher and the current title.
/// </summary>
public sealed record RegisterTeacher(
    [Id] string Id,
    [Text(50)] string Name,
    Gender Gender,
    [Text(100)] string School,
    [RegionCode] string Region,
    [Text(50)] string Subject,
    int? BirthYear = null,
    Track Track = Track.K12,
    bool Rural = false,
    Education? Education = null,
    bool? PartyMember = null,
    DateOnly? TeachingSince = null,
    DateOnly? HeadTeacherSince = null,
    ProfessionalTitle? Title = null,
    DateOnly? TitleSince = null) : BodyShape.IPlacedByRegion;

public sealed record TeacherCreated(string TeacherId, long Version) : CreationResponse($"/api/teachers/{TeacherId}");

/// <summary>
/// POST /api/teachers — a school admin of the school's region, or the host of a studio whose roster holds the teacher,
/// opens a teacher's record. A record exists whether or not the teacher is on any roster.
/// </summary>
public static class RegisterTeacherEndpoint
{
    public static Check Input(RegisterTeacher c, DateOnly today)
    {
        // Ids, text lengths and the code's shape are declared on the record and checked with the body (Core/Contract/Limits).
        return new Check()
            .When(!Region.IsCode(c.Region) || !Divisions.Exists(c.Region), "region", "must be a region code in the division list, e.g. 350203")
            .When(c.BirthYear is < 1930 || c.BirthYear > today.Year - 16, "birthYear", "must be a plausible year of birth")
            .Day(c.TeachingSince, "teachingSince", today).Day(c.HeadTeacherSince, "headTeacherSince", today).Day(c.TitleSince, "titleSince", today)
            .When((c.Title is null) != (c.TitleSince is null), "titleSince", "give the title and the day it was conferred together");
    }

    public static async Task<ProblemDetails> ValidateAsync(RegisterTeacher command, HttpContext http, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var input = Input(command, clock.Today());
        if (!input.Ok) return input.Result();
        var caller = Caller.From(http.User);
        var (hostsNow, _) = await TeacherAccess.Hosts(session, caller, command.Id, ct);
        if (!TeacherAccess.Allows(TeacherAct.Record, caller, command.Id, command.Region, hostsNow, hostsNow))
            return Problems.Forbidden($"Only a school admin whose region covers {command.Region} or the host of a studio the teacher is on may register them.");
        var state = await session.Events.FetchStreamStateAsync(TeacherStreams.IdOf(command.Id), ct);
        return state is null
            ? WolverineContinue.NoProblems
            : Problems.Rule("teacher.exists", $"A record for teacher {command.Id} exists; record changes on it instead.");
    }

    [WolverinePost("/api/teachers", Name = "RegisterTeacher"), Authorize(Policy = Policies.TeacherRegister)]
    [Tags("Teachers")]
    public static (TeacherCreated, IStartStream, OutgoingMessages) Post(RegisterTeacher c, HttpContext http, IDocumentSession session, TimeProvider clock)
    {
        var by = http.Actor();
        var at = clock.GetUtcNow();
        var events = new List<object>
        {
            new TeacherRegistered(c.Id, c.Name.Trim(), c.Gender, c.BirthYear, c.School.Trim(), c.Region, c.Track, c.Rural, c.Subject.Trim(), c.Education,
                c.PartyMember, by, at),
        };
        if (c.TeachingSince is { } teaching) events.Add(new TeachingStarted(c.Id, Guid.CreateVersion7(), teaching, null, null, by, at));
        if (c.HeadTeacherSince is { } since)
        {
            var fact = Guid.CreateVersion7();
            events.Add(new HeadTeacherServiceStarted(c.Id, fact, fact, since, c.School.Trim(), null, null, by, at));
        }
        if (c is { Title: { } title, TitleSince: { } on }) events.Add(new ProfessionalTitleChanged(c.Id, Guid.CreateVersion7(), title, on, null, null, by, at));
        http.Response.Headers.ETag = Writes.ETag(events.Count);
        // With a database per province, the ministry's "served in" index learns that this province keeps the record
        // (through the province's outbox, committed with the record), so reads from tokens without a province find it.
        var index = new OutgoingMessages();
        if (Growth.ServedInIndex.Province(session.TenantId) is { } province) index.Add(new Growth.TeacherServedIn(c.Id, province));
        return (new TeacherCreated(c.Id, events.Count), MartenOps.StartStream<TeacherRecord>(TeacherStreams.IdOf(c.Id), [.. events]), index);
    }
}
