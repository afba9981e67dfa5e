using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Contract;
using Workshops.Core.Http;
using Workshops.Studios;

namespace Workshops.Standards;

/// <summary>A reviewer's judgement of an item (seed 001 附件1 is judged 达标 / 部分达标 / 未达标 item by item).</summary>
[Codes("judgement-results")]
public enum JudgementResult
{
    [Label("达标")] Met,
    [Label("部分达标")] PartlyMet,
    [Label("未达标")] NotMet,
}

public sealed record JudgeItem([Text(20)] string Code, JudgementResult Result, [Text(2000)] string Reason, string? Standard = null, int? Year = null);

/// <summary>
/// A reviewer judged a checklist item, rule-evaluated or attested, for a year; the reason is the judgement's own
/// words. A later judgement of the same item supersedes it (a correction is a new judgement).
/// </summary>
public sealed record ChecklistItemJudged(Guid JudgementId, string Standard, string Code, int Year, JudgementResult Result, string Reason, Actor By,
    DateTimeOffset At) : IStudioEvent;

/// <summary>
/// POST /api/studios/{id}/judgements — a reviewer whose region covers the studio judges any item of its checklist:
/// met, partly met or not met, with a reason. The checklist shows it beside the rule's verdict and the attestation.
/// </summary>
public static class JudgeItemEndpoint
{
    public static Task<Standard?> LoadAsync(JudgeItem command, Guid id, IDocumentSession session, CancellationToken ct) =>
        ItemWrites.Standard(id, command.Standard, session, ct);

    public static ProblemDetails Validate(JudgeItem command, StudioState studio, Standard? standard, TimeProvider clock) =>
        ItemWrites.Input(command.Code, command.Reason, "reason", command.Year, studio, standard, clock);

    [WolverineBefore]
    public static ProblemDetails Rules(JudgeItem command, Standard standard) => ItemJudgements.Judge(standard, command.Code).OrContinue();

    [WolverinePost("/api/studios/{id}/judgements", Name = "JudgeItem"), Authorize(Policy = Policies.StudioReview), Appends]
    [Tags("Standards")]
    public static ChecklistItemJudged Post(JudgeItem command, [WriteAggregate("id")] StudioState studio, Standard standard, Stamp stamp) =>
        new(Guid.CreateVersion7(), standard.Code, command.Code, command.Year ?? stamp.Today.Year, command.Result, command.Reason.Trim(), stamp.By, stamp.At);
}

/// <summary>The judgement rules: which items may be judged, and how a judgement stands beside the rule's verdict.</summary>
public static class ItemJudgements
{
    /// <summary>Any item of the standard may be judged, whether a rule or a person evaluates it.</summary>
    public static Refusal? Judge(Standard standard, string code) => ItemWrites.Item(standard, code, "judgement.unknown-item").Unknown;

    public static ItemStatus Status(JudgementResult result) => result switch
    {
        JudgementResult.Met => ItemStatus.Met,
        JudgementResult.PartlyMet => ItemStatus.PartlyMet,
        _ => ItemStatus.NotMet,
    };

    /// <summary>The latest judgement of an item among those recorded (events are folded in order, so the last one stands).</summary>
    public static Years.ItemJudgement? Latest(IEnumerable<Years.ItemJudgement> judgements, string standard, string code) =>
        judgements.LastOrDefault(j => j.Standard == standard && j.Code == code);

    /// <summary>What the checklist counts: the reviewer's judgement where there is one, else the rule's (or attestation's) verdict.</summary>
    public static ItemStatus Standing(ItemStatus verdict, Years.ItemJudgement? judgement) =>
        judgement is null ? verdict : Status(judgement.Result);
}
