using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Teachers;
using Workshops.Training;

namespace Workshops.Evaluations;

/// <summary>
/// POST /api/regions/{code}/trainings/{programme}/evaluations — a trainee evaluates a training programme anonymously
/// (seed 004 八), once. A trainee is a teacher whose record holds a credit of that programme from that region
/// (<c>evaluation.not-trained</c> otherwise); they evaluate with their own login (host or member token with the teacher claim).
/// </summary>
public static class EvaluateTrainingEndpoint
{
    public sealed record Target(Guid Stream, string Subject, OutsideCredit? Credit, string? Token, bool Spent, IEventStream<EvaluationTally> Events);

    public static async Task<Target> LoadAsync(string code, string programme, HttpContext http, IDocumentSession session, EvaluationKey key,
        CancellationToken ct)
    {
        var subject = EvaluationTokens.Training(code, programme);
        var stream = EvaluationTokens.StreamOf(subject);
        var teacher = Caller.TryFrom(http.User)?.TeacherId;
        OutsideCredit? credit = null;
        string? token = null;
        var spent = false;
        if (teacher is not null)
        {
            var training = await session.LoadAsync<TrainingRecord>(TeacherStreams.IdOf(teacher), ct);
            credit = training?.Credits.Where(c => c.RetractedAt is null && c.Source.Region == code && c.Source.Programme == programme)
                .OrderBy(c => c.Date).LastOrDefault();
            token = EvaluationTokens.Of(key, stream, teacher);
            spent = await EvaluationTokens.Spent(session, stream, token, ct);
        }
        return new Target(stream, subject, credit, token, spent, await session.Events.FetchForWriting<EvaluationTally>(stream, ct));
    }

    public static ProblemDetails Validate(Evaluate command, string code, string programme, Target target, HttpContext http)
    {
        if (EvaluationWrites.Evaluator(Caller.From(http.User)) is { } refused) return refused;
        var input = EvaluationWrites.Input(command)
            .When(!Region.IsScope(code), "code", "must be a six-digit region code or 000000")
            .Id(programme, "programme");
        if (!input.Ok) return input.Result();
        if (target.Credit is null)
            return Problems.Rule("evaluation.not-trained", "Only those whose record holds a credit of this programme evaluate it.");
        return target.Spent
            ? Problems.Rule("evaluation.already-given", "You have evaluated this training; each person evaluates a training once.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/regions/{code}/trainings/{programme}/evaluations", Name = "EvaluateTraining"), Authorize(Policy = EvaluationsSetup.TraineePolicy)]
    [AuthorUnrecorded]
    [Tags("Evaluations")]
    public static EvaluationReceived Post(Evaluate command, string code, string programme, Target target, IDocumentSession session, TimeProvider clock)
    {
        EvaluationWrites.Append(session, target.Events, target.Token!, new EvaluationSubmitted(target.Subject, SubjectKind.Training, null, null, code,
            programme, target.Credit!.Date.Year, clock.Today(), EvaluationWrites.Scores(command), command.Comment?.Trim()));
        return new EvaluationReceived(target.Subject, true);
    }
}
