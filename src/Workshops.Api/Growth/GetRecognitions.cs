using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Years;

namespace Workshops.Growth;

public sealed record RecognitionLine(RecognitionDecision Decision, IReadOnlyList<RecognitionTitle> Granted);

public sealed record RecognitionReport(Guid StudioId, int Year, AssessmentResult? Result, DateOnly? AssessedOn, IReadOnlyList<RecognitionLine> People);

/// <summary>
/// GET /api/studios/{id}/recognitions/{year}?asOf= — the studio's recognition report: for the host and each member,
/// the titles the assessment conferred, or why not.
/// </summary>
public static class GetRecognitionsEndpoint
{
    [WolverineGet("/api/studios/{id}/recognitions/{year}", Name = "GetRecognitions"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Growth files")]
    [ProducesResponseType<RecognitionReport>(200)]
    public static async Task<IResult> Get(Guid id, int year, string? asOf, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var (day, problem) = History.Parse(asOf, today);
        if (problem is not null) return Results.Problem(problem);
        var at = await History.Load(session, id, day, today, [year], ct);
        if (at is null) return Results.Problem(Problems.NotFound($"No studio {id}."));
        if (at.Year(year).Assessment is not { } assessment) return Results.Ok(new RecognitionReport(id, year, null, null, []));
        // The rule set as adopted by the assessment day; the teachers' facts from their records as recorded by the day
        // asked (now without asOf), like the titles granted, which are the studio's own events.
        var set = (await Roster.RosterJudging.RuleSetOf(session, id, assessment.On, ct))?.RuleSet ?? Programmes.RuleSetPresets.National;
        var records = await Roster.RosterJudging.Records(session, at.Studio.CurrentRoster().Select(r => r.Teacher.Id), ct,
            Training.TrainingReads.Moment(day, today));
        return Results.Ok(Report(at, year, set, records));
    }

    public static RecognitionReport Report(StudioAt at, int year, Programmes.RuleSet set, IReadOnlyDictionary<string, Teachers.TeacherRecord> records)
    {
        var assessment = at.Year(year).Assessment;
        if (assessment is null) return new RecognitionReport(at.Studio.Id, year, null, null, []);
        var lines = Recognition.Decide(at.Studio, set, records, assessment.Result, assessment.On)
            .Select(d => new RecognitionLine(d, [.. d.Titles.Where(t => at.Studio.Recognitions.Contains(Workshops.Studios.Studio.RecognitionKey(d.TeacherId, t)))]))
            .ToList();
        return new RecognitionReport(at.Studio.Id, year, assessment.Result, assessment.On, lines);
    }
}
