using Marten;
using Microsoft.AspNetCore.Mvc;
using Workshops.Core;
using Workshops.Core.Http;
using Workshops.Teachers;
using Workshops.Years;

namespace Workshops.Training;

/// <summary>The answer to a training write on a teacher's stream: the new version (also the ETag), whether anything was appended, and the entry's id.</summary>
public sealed record TrainingWritten(string TeacherId, long Version, bool Appended, Guid? Id = null);

/// <summary>
/// A teacher's stream loaded for a training write: the stream with their record (Marten checks on save that no other
/// write came between: 409) and their training record. The checks run in the house order, as every teacher write:
/// the policy 403, unknown teacher 404, input 400, If-Match 412, then the rule 422 — a pure function of both records.
/// </summary>
public sealed class TrainingStream(TeacherStream teacher, TrainingRecord training)
{
    public TeacherStream Teacher { get; } = teacher;
    public TrainingRecord Training { get; } = training;
    public string TeacherId => Teacher.TeacherId;

    public static async Task<TrainingStream> Load(IDocumentSession session, string teacherId, CancellationToken ct)
    {
        var teacher = await TeacherStream.Load(session, teacherId, ct);
        var id = TeacherStreams.IdOf(teacherId);
        return new TrainingStream(teacher, await session.LoadAsync<TrainingRecord>(id, ct) ?? TrainingRecord.Empty(id, teacherId));
    }

    public ProblemDetails Check(HttpContext http, Check input, Func<TeacherRecord, TrainingRecord, Refusal?> rule) =>
        Teacher.Check(http, input, r => rule(r, Training));

    public TrainingWritten Append(HttpContext http, Guid? id, params ITeacherEvent[] events)
    {
        var written = Teacher.Append(http, events);
        return new TrainingWritten(written.TeacherId, written.Version, written.Appended, id);
    }
}

/// <summary>Reads of a teacher's training record, now or as recorded by the end of a past day.</summary>
public static class TrainingReads
{
    public static async Task<TrainingRecord> Of(IQuerySession session, TeacherRecord record, DateOnly? asOf, DateOnly today, CancellationToken ct)
    {
        var training = await session.LoadAsync<TrainingRecord>(record.Id, ct) ?? TrainingRecord.Empty(record.Id, record.TeacherId);
        return asOf is { } recorded && recorded < today ? training.AsOf(History.EndOf(recorded)) : training;
    }

    /// <summary>The moment a past view reads up to (null: now).</summary>
    public static DateTimeOffset? Moment(DateOnly? asOf, DateOnly today) => asOf is { } recorded && recorded < today ? History.EndOf(recorded) : null;
}
