using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Programmes;
using Workshops.Years;

namespace Workshops.Teachers;

/// <summary>One event of a teacher's stream as recorded: its version, type, who recorded it, when, and its data.</summary>
public sealed record TeacherHistoryEntry(long Version, string Type, Actor By, DateTimeOffset At, object Data);

/// <summary>A teacher on a day under the rule set in effect for their school: the facts, the choice of rule set and the ladder.</summary>
public sealed record TeacherTiers(TeacherFacts Facts, string RuleSet, ChoiceKind Choice, string Why, TierStanding Standing);

/// <summary>The reads of a teacher's record (who may read was decided by the policy, <see cref="TeacherActCheck"/>).</summary>
public static class TeacherReads
{
    public static async Task<(TeacherRecord? Record, IResult? Refused)> Open(string teacherId, IQuerySession session, CancellationToken ct)
    {
        var record = await session.LoadAsync<TeacherRecord>(TeacherStreams.IdOf(teacherId), ct);
        return record is null ? (null, Results.Problem(Problems.NotFound($"No teacher {teacherId}."))) : (record, null);
    }

    /// <summary>
    /// Two days, as the rest of the API reads them: <paramref name="asOf"/> is what was recorded by the end of that day
    /// (so the answer never changes later), <paramref name="on"/> the day the facts are judged on (default: asOf, else
    /// today). Records are often entered with facts going back years: on= alone reads those facts as now recorded.
    /// </summary>
    public static async Task<TeacherFacts?> FactsOn(TeacherRecord record, DateOnly? on, DateOnly? asOf, DateOnly today, IQuerySession session,
        CancellationToken ct)
    {
        var day = on ?? asOf ?? today;
        if (asOf is not { } recorded || recorded >= today) return TeacherFacts.AsOfDay(record, day);
        var events = await session.Events.FetchStreamAsync(record.Id, token: ct);
        var then = TeacherRecord.RecordedBy(events, History.EndOf(recorded));
        return then is null ? null : TeacherFacts.AsOfDay(then, day);
    }

    /// <summary>
    /// The records of many teachers by teacher id, in one round trip: as they stand now, or (given a moment) as recorded
    /// by then, folded from their streams' events. Teachers with no record (by then) are left out.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, TeacherRecord>> Records(IQuerySession session, IEnumerable<string> teacherIds,
        DateTimeOffset? recordedBy, CancellationToken ct)
    {
        var ids = teacherIds.Distinct().Select(TeacherStreams.IdOf).ToArray();
        if (ids.Length == 0) return new Dictionary<string, TeacherRecord>();
        if (recordedBy is not { } until) return (await session.LoadManyAsync<TeacherRecord>(ct, ids)).ToDictionary(r => r.TeacherId);
        var events = await session.Events.QueryAllRawEvents().Where(e => ids.Contains(e.StreamId)).OrderBy(e => e.Sequence).ToListAsync(ct);
        return events.GroupBy(e => e.StreamId).Select(g => TeacherRecord.RecordedBy(g, until)).OfType<TeacherRecord>().ToDictionary(r => r.TeacherId);
    }

    /// <summary>Parses on= and asOf= (each YYYY-MM-DD from 2000-01-01 to today), both problems at once.</summary>
    public static (DateOnly? On, DateOnly? AsOf, ProblemDetails? Problem) Days(string? on, string? asOf, DateOnly today)
    {
        var check = new Check();
        var recorded = History.Day(check, asOf, "asOf", today);
        var day = History.Day(check, on, "on", today);
        return check.Ok ? (day, recorded, null) : (null, null, check.Result());
    }
}

/// <summary>GET /api/teachers/{teacherId} — the teacher's record: every live fact with its id, the corrections, the recognitions.</summary>
public static class GetTeacherEndpoint
{
    [WolverineGet("/api/teachers/{teacherId}", Name = "GetTeacher"), Authorize(Policy = Policies.TeacherRecordRead)]
    [Tags("Teachers")]
    [ProducesResponseType<TeacherRecord>(200)]
    public static async Task<IResult> Get(string teacherId, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var (record, refused) = await TeacherReads.Open(teacherId, session, ct);
        if (refused is not null) return refused;
        http.Response.Headers.ETag = Writes.ETag(record!.Version);
        return Results.Ok(record);
    }
}

/// <summary>
/// GET /api/teachers/{teacherId}/facts?on=&amp;asOf= — what the record says on a day: years as head teacher (periods
/// summed, gaps excluded), still serving, teaching years, title, school, rural, honours and recognitions held. on= is
/// the day judged; asOf= reads only what was recorded by the end of that day, so that answer does not change later.
/// </summary>
public static class GetTeacherFactsEndpoint
{
    [WolverineGet("/api/teachers/{teacherId}/facts", Name = "GetTeacherFacts"), Authorize(Policy = Policies.TeacherRecordRead)]
    [Tags("Teachers")]
    [ProducesResponseType<TeacherFacts>(200)]
    public static async Task<IResult> Get(string teacherId, string? on, string? asOf, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var (day, recorded, invalid) = TeacherReads.Days(on, asOf, today);
        if (invalid is not null) return Results.Problem(invalid);
        var (record, refused) = await TeacherReads.Open(teacherId, session, ct);
        if (refused is not null) return refused;
        var facts = await TeacherReads.FactsOn(record!, day, recorded, today, session, ct);
        return facts is null ? Results.Problem(Problems.NotFound($"Teacher {teacherId} had no record by {recorded:yyyy-MM-dd}.")) : Results.Ok(facts);
    }
}

/// <summary>GET /api/teachers/{teacherId}/history — every event of the teacher's stream, in order, with who recorded it and when.</summary>
public static class GetTeacherHistoryEndpoint
{
    [WolverineGet("/api/teachers/{teacherId}/history", Name = "GetTeacherHistory"), Authorize(Policy = Policies.TeacherRecordRead)]
    [Tags("Teachers")]
    [ProducesResponseType<IReadOnlyList<TeacherHistoryEntry>>(200)]
    public static async Task<IResult> Get(string teacherId, IQuerySession session, CancellationToken ct)
    {
        var (record, refused) = await TeacherReads.Open(teacherId, session, ct);
        if (refused is not null) return refused;
        var events = await session.Events.FetchStreamAsync(record!.Id, token: ct);
        return Results.Ok(events.Where(e => e.Data is ITeacherEvent)
            .Select(e => (Event: e, Data: (ITeacherEvent)e.Data))
            .Select(x => new TeacherHistoryEntry(x.Event.Version, Codes.Kebab(x.Data.GetType().Name), x.Data.By, x.Data.At, x.Data)).ToList());
    }
}

/// <summary>
/// GET /api/teachers/{teacherId}/tiers?on=&amp;asOf= — the teacher's place on the ladder of the rule set in effect for their
/// school on the day: each rung judged (met, held, why), the highest held, and the entry duty of seed 000 三.(二).1.
/// </summary>
public static class GetTeacherTiersEndpoint
{
    [WolverineGet("/api/teachers/{teacherId}/tiers", Name = "GetTeacherTiers"), Authorize(Policy = Policies.TeacherRecordRead)]
    [Tags("Teachers")]
    [ProducesResponseType<TeacherTiers>(200)]
    public static async Task<IResult> Get(string teacherId, string? on, string? asOf, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var (day, recorded, invalid) = TeacherReads.Days(on, asOf, today);
        if (invalid is not null) return Results.Problem(invalid);
        var (record, refused) = await TeacherReads.Open(teacherId, session, ct);
        if (refused is not null) return refused;
        if (await TeacherReads.FactsOn(record!, day, recorded, today, session, ct) is not { } facts)
            return Results.Problem(Problems.NotFound($"Teacher {teacherId} had no record by {recorded:yyyy-MM-dd}."));
        var choice = await RuleSetLibrary.For(session, facts.Region, facts.Track, facts.AsOf, ct, recorded is { } r ? History.EndOf(r) : null);
        return Results.Ok(new TeacherTiers(facts, choice.RuleSet.Code, choice.Kind, choice.Reason, TierRules.Standing(choice.RuleSet, facts)));
    }
}
