using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Programmes;

namespace Workshops.Teachers;

/// <summary>The answer to a write on a teacher's stream: the teacher, the stream's version (also the ETag), and whether anything was appended.</summary>
public sealed record TeacherWritten(string TeacherId, long Version, bool Appended);

/// <summary>
/// A teacher's stream loaded for writing (Marten checks on save that no other write came between: 409), with its
/// record and, for recognition, the rule set in effect for the teacher's school on the day. Every teacher write runs
/// the same checks in the house order: caller 403 (the policy), unknown teacher 404, input 400, If-Match 412, then the rule (422);
/// the rules themselves are pure functions of the record (<see cref="TeacherRules"/>, <see cref="TierRules"/>).
/// </summary>
public sealed class TeacherStream(string teacherId, IEventStream<TeacherRecord> stream, RuleSetChoice? choice)
{
    public string TeacherId { get; } = teacherId;
    public TeacherRecord? Record => stream.Aggregate;
    public long Version => stream.CurrentVersion ?? 0;
    public RuleSetChoice? RuleSet { get; } = choice;

    public static async Task<TeacherStream> Load(IDocumentSession session, string teacherId, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<TeacherRecord>(TeacherStreams.IdOf(teacherId), ct);
        return new TeacherStream(teacherId, stream, null);
    }

    /// <summary>Loads the stream and resolves the rule set for the teacher's school (region and track) on the day.</summary>
    public static async Task<TeacherStream> LoadJudging(IDocumentSession session, string teacherId, DateOnly day, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<TeacherRecord>(TeacherStreams.IdOf(teacherId), ct);
        if (stream.Aggregate is not { } record) return new TeacherStream(teacherId, stream, null);
        var school = record.SchoolOn(day);
        return new TeacherStream(teacherId, stream, await RuleSetLibrary.For(session, school.Region, school.Track, day, ct));
    }

    /// <summary>Who may write was decided by the endpoint's policy (<see cref="TeacherActCheck"/>) before the body was read.</summary>
    public ProblemDetails Check(HttpContext http, Check input, Func<TeacherRecord, Refusal?> rule)
    {
        if (Record is not { } record) return Problems.NotFound($"No teacher {TeacherId}.");
        if (!input.Ok) return input.Result();
        return StreamWrites.IfMatch(http, Version) ?? rule(record).OrContinue();
    }

    /// <summary>Appends the events (none: an idempotent repeat) and answers with the new version as the ETag.</summary>
    public TeacherWritten Append(HttpContext http, params ITeacherEvent[] events)
    {
        var version = Version + events.Length;
        if (events.Length > 0) stream.AppendMany(events);
        http.Response.Headers.ETag = Writes.ETag(version);
        return new TeacherWritten(TeacherId, version, events.Length > 0);
    }
}
