using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Evaluations;

public sealed record ActivityEvaluations(Guid StudioId, Guid ActivityId, string Title, DateOnly Date, EvaluationResults Results);

/// <summary>A studio's activities of a year with their evaluations, and all of them pooled (only activities that show on their own).</summary>
public sealed record StudioYearEvaluations(Guid StudioId, int Year, IReadOnlyList<ActivityEvaluations> Activities, EvaluationResults Pooled);

public sealed record TrainingEvaluations(string Region, string Programme, EvaluationResults Results);

/// <summary>The evaluations of a studio's year, as the evaluations endpoint, the year view and the annual report show them.</summary>
public static class EvaluationReads
{
    /// <summary>Each standing activity of the year with its results (each shown only from five evaluations), and those that show pooled.</summary>
    public static async Task<StudioYearEvaluations> OfYear(IQuerySession session, Guid id, int year, CancellationToken ct)
    {
        var activities = await session.Query<ActivityEntry>().Where(a => a.StudioId == id && a.Year == year && !a.Voided).OrderBy(a => a.Date).ToListAsync(ct);
        var tallies = (await session.Query<EvaluationTally>().Where(t => t.StudioId == id && t.Year == year).ToListAsync(ct))
            .Where(t => t.ActivityId is not null).ToDictionary(t => t.ActivityId!.Value);
        var listed = activities.Select(a => new ActivityEvaluations(id, a.Id, a.Title, a.Date, EvaluationResultsRules.Of(tallies.GetValueOrDefault(a.Id))))
            .ToList();
        return new StudioYearEvaluations(id, year, listed,
            EvaluationResultsRules.Pool(activities.Select(a => tallies.GetValueOrDefault(a.Id)).OfType<EvaluationTally>()));
    }
}

/// <summary>
/// GET /api/studios/{id}/activities/{activityId}/evaluations and GET /api/studios/{id}/evaluations/{year} — the results
/// of the anonymous evaluations for the studio's people, its school, reviewers and integrations of its region; nothing
/// shows below five evaluations. GET /api/regions/{code}/trainings/{programme}/evaluations — a training's, for the region's
/// school admins and reviewers.
/// </summary>
public static class GetEvaluationsEndpoints
{
    [WolverineGet("/api/studios/{id}/activities/{activityId}/evaluations", Name = "GetActivityEvaluations"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Evaluations")]
    [ProducesResponseType<ActivityEvaluations>(200)]
    public static async Task<IResult> Activity(Guid id, Guid activityId, IQuerySession session, CancellationToken ct)
    {
        if (await session.LoadAsync<ActivityEntry>(activityId, ct) is not { } activity || activity.StudioId != id)
            return Results.Problem(Problems.NotFound("No such activity in this studio."));
        var tally = await session.LoadAsync<EvaluationTally>(EvaluationTokens.StreamOf(EvaluationTokens.Activity(activityId)), ct);
        return Results.Ok(new ActivityEvaluations(id, activityId, activity.Title, activity.Date, EvaluationResultsRules.Of(tally)));
    }

    [WolverineGet("/api/studios/{id}/evaluations/{year}", Name = "GetStudioYearEvaluations"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Evaluations")]
    [ProducesResponseType<StudioYearEvaluations>(200)]
    public static async Task<IResult> Year(Guid id, int year, IQuerySession session, CancellationToken ct)
    {
        if (await StudioIdentities.Of(session, id, ct) is null) return Results.Problem(Problems.NotFound($"No studio {id}."));
        return Results.Ok(await EvaluationReads.OfYear(session, id, year, ct));
    }

    [WolverineGet("/api/regions/{code}/trainings/{programme}/evaluations", Name = "GetTrainingEvaluations"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Evaluations")]
    [ProducesResponseType<TrainingEvaluations>(200)]
    public static async Task<IResult> Training(string code, string programme, IQuerySession session, CancellationToken ct)
    {
        var check = new Check().When(!Region.IsScope(code), "code", "must be a six-digit region code or 000000").Id(programme, "programme");
        if (!check.Ok) return Results.Problem(check.Result());
        var tally = await session.LoadAsync<EvaluationTally>(EvaluationTokens.StreamOf(EvaluationTokens.Training(code, programme)), ct);
        return Results.Ok(new TrainingEvaluations(code, programme, EvaluationResultsRules.Of(tally)));
    }
}
