using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Roster;
using Workshops.Teachers;
using Workshops.Years;

namespace Workshops.Training;

/// <summary>One person on the roster on the day, with their certificates then (no record: the teacher has no record yet).</summary>
public sealed record RosterCertificates(string TeacherId, string Name, RosterRole Role, bool HasRecord, IReadOnlyList<CertificateView> Certificates,
    IReadOnlyList<CertificateKind> Valid);

/// <summary>A studio's roster on a day and each person's certificate status (持证上岗).</summary>
public sealed record StudioCertificates(Guid StudioId, string Studio, DateOnly On, DateOnly? AsOf, IReadOnlyList<RosterCertificates> Roster);

/// <summary>
/// GET /api/studios/{id}/certificates?on=&amp;asOf= — the studio's host, its school and reviewers of its region see the
/// certificate status of everyone on its roster on the day (on=), the roster and the records as recorded by the end of
/// asOf= (default: now). The roster is read from the studio's stream with the existing history helper.
/// </summary>
public static class StudioCertificatesEndpoint
{
    [WolverineGet("/api/studios/{id}/certificates", Name = "GetStudioCertificates"), Authorize(Policy = Policies.StudioOversee)]
    [Tags("Training")]
    [ProducesResponseType<StudioCertificates>(200)]
    public static async Task<IResult> Get(Guid id, string? on, string? asOf, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var (day, recorded, invalid) = TeacherReads.Days(on, asOf, today);
        if (invalid is not null) return Results.Problem(invalid);
        if (await History.Load(session, id, recorded, today, [], ct) is not { } at) return Results.Problem(Problems.NotFound($"No studio {id}."));
        var judged = day ?? recorded ?? today;
        var studio = at.Studio;
        var roster = studio.CurrentRoster().Where(r => r.Since <= judged).Select(r => (r.Teacher.Id, r.Teacher.Name, r.Role))
            .Concat(studio.FormerRoles.Where(t => t.From <= judged && judged <= t.To).Select(t => (Id: t.TeacherId, t.Name, t.Role)))
            .DistinctBy(r => r.Id).ToList();
        var streamIds = roster.Select(r => TeacherStreams.IdOf(r.Id)).ToArray();
        var records = (await session.LoadManyAsync<TeacherRecord>(ct, streamIds)).ToDictionary(r => r.TeacherId);
        var trainings = (await session.LoadManyAsync<TrainingRecord>(ct, streamIds)).ToDictionary(t => t.TeacherId);
        var moment = TrainingReads.Moment(recorded, today);
        var rows = new List<RosterCertificates>();
        foreach (var (teacherId, name, role) in roster)
        {
            var record = records.GetValueOrDefault(teacherId);
            if (record is not null && moment is { } until && record.RegisteredAt >= until) record = null;
            if (record is null)
            {
                rows.Add(new RosterCertificates(teacherId, name, role, false, [], []));
                continue;
            }
            var training = trainings.GetValueOrDefault(teacherId) ?? TrainingRecord.Empty(record.Id, teacherId);
            if (moment is { } then) training = training.AsOf(then);
            // The school region counts for local credits; a school move recorded after asOf is a fact of the record, not of the certificates.
            var statuses = GetTrainingEndpoints.StatusesOn(training, TeacherFacts.AsOfDay(record, judged));
            rows.Add(new RosterCertificates(teacherId, name, role, true, statuses,
                [.. statuses.Where(s => s.Status == CertificateStatus.Valid).Select(s => s.Kind).Distinct()]));
        }
        return Results.Ok(new StudioCertificates(id, studio.Name, judged, recorded, rows));
    }
}
