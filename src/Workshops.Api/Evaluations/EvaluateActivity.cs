using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Evaluations;

/// <summary>A score 1–5 for every question (codes of /api/reference evaluation-questions), and an optional comment.</summary>
public sealed record Evaluate(IReadOnlyDictionary<Question, int>? Scores, string? Comment = null);

/// <summary>The evaluation was received; nothing in the answer (or anywhere) ties it to the one who sent it.</summary>
public sealed record EvaluationReceived(string Subject, bool Received);

/// <summary>What every evaluation write shares: the input's shape and an append that leaves no trace of the author.</summary>
public static class EvaluationWrites
{
    public static Check Input(Evaluate c)
    {
        var check = new Check().Text(c.Comment, "comment", 500, required: false);
        if (c.Scores is null)
            return check.Add("scores", $"give a score 1-5 for each question: {string.Join(", ", Enum.GetValues<Question>().Select(q => q.Code()))}");
        foreach (var q in Enum.GetValues<Question>())
        {
            if (!c.Scores.TryGetValue(q, out var score)) check.Add($"scores.{q.Code()}", "is required (1-5)");
            else if (score is < 1 or > 5) check.Add($"scores.{q.Code()}", "must be between 1 and 5");
        }
        return check;
    }

    public static IReadOnlyDictionary<Question, int> Scores(Evaluate c) => Enum.GetValues<Question>().ToDictionary(q => q, q => c.Scores![q]);

    /// <summary>
    /// Appends the evaluation and spends the token in one transaction, with none of the metadata the other writes carry
    /// (user name, correlation and causation ids): those would name the author or lead to the request log.
    /// </summary>
    public static void Append(IDocumentSession session, IEventStream<EvaluationTally> stream, string token, EvaluationSubmitted evaluation)
    {
        session.LastModifiedBy = null;
        session.CorrelationId = null;
        session.CausationId = null;
        stream.AppendOne(evaluation);
        EvaluationTokens.Spend(session, stream.Id, token);
    }

    /// <summary>A teacher's own login: a host or member token with the teacher claim (nobody else evaluates).</summary>
    public static ProblemDetails? Evaluator(Caller caller) =>
        caller.Role is Role.Host or Role.Member && caller.TeacherId is not null
            ? null
            : Problems.Forbidden("Evaluating needs a teacher's own login: a host or member token with the teacher claim.");
}

/// <summary>
/// POST /api/studios/{id}/activities/{activityId}/evaluations — a member or trainee who attended the activity evaluates it
/// anonymously, once (<c>evaluation.already-given</c>). The host who leads it does not (the policy: 403); nor does
/// anyone who did not attend (<c>evaluation.not-attended</c>) or anyone of a voided activity (<c>evaluation.voided</c>).
/// The evaluation is written to its own stream, not the studio's, so the shared write policy does not see it: the
/// studio's decision state is asked here whether it refuses writes (a dissolved studio, <c>studio.dissolved</c>).
/// </summary>
public static class EvaluateActivityEndpoint
{
    public sealed record Target(Guid Stream, string Subject, ActivityEntry? Activity, string? Token, bool Spent, IEventStream<EvaluationTally> Events,
        Refusal? Closed);

    public static async Task<Target> LoadAsync(Guid id, Guid activityId, HttpContext http, IDocumentSession session, EvaluationKey key, CancellationToken ct)
    {
        var subject = EvaluationTokens.Activity(activityId);
        var stream = EvaluationTokens.StreamOf(subject);
        var activity = await session.LoadAsync<ActivityEntry>(activityId, ct);
        var teacher = Caller.TryFrom(http.User)?.TeacherId;
        var token = teacher is null ? null : EvaluationTokens.Of(key, stream, teacher);
        var spent = token is not null && await EvaluationTokens.Spent(session, stream, token, ct);
        var studio = await session.LoadAsync<Studios.StudioState>(id, ct);
        return new Target(stream, subject, activity, token, spent, await session.Events.FetchForWriting<EvaluationTally>(stream, ct),
            studio?.RefusesWrites());
    }

    public static ProblemDetails Validate(Evaluate command, Guid id, Target target, HttpContext http)
    {
        var caller = Caller.From(http.User);
        if (EvaluationWrites.Evaluator(caller) is { } refused) return refused;
        if (target.Activity is not { } activity || activity.StudioId != id) return Problems.NotFound("No such activity in this studio.");
        var input = EvaluationWrites.Input(command);
        if (!input.Ok) return input.Result();
        if (target.Closed is { } closed) return Problems.Rule(closed);
        if (activity.Voided) return Problems.Rule("evaluation.voided", "The activity was voided; it is not evaluated.");
        if (!activity.Attendees.Any(a => a.TeacherId == caller.TeacherId && !a.Guest))
            return Problems.Rule("evaluation.not-attended", "Only those who attended the activity evaluate it.");
        return target.Spent
            ? Problems.Rule("evaluation.already-given", "You have evaluated this activity; each person evaluates an activity once.")
            : WolverineContinue.NoProblems;
    }

    [WolverinePost("/api/studios/{id}/activities/{activityId}/evaluations", Name = "EvaluateActivity"), Authorize(Policy = Policies.StudioEvaluate)]
    [AuthorUnrecorded]
    [Tags("Evaluations")]
    public static EvaluationReceived Post(Evaluate command, Target target, IDocumentSession session, TimeProvider clock)
    {
        var activity = target.Activity!;
        EvaluationWrites.Append(session, target.Events, target.Token!, new EvaluationSubmitted(target.Subject, SubjectKind.Activity, activity.StudioId,
            activity.Id, null, null, activity.Year, clock.Today(), EvaluationWrites.Scores(command), command.Comment?.Trim()));
        return new EvaluationReceived(target.Subject, true);
    }
}
