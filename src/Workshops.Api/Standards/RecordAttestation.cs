using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Standards;

[Codes("attestation-results")]
public enum AttestationResult
{
    [Label("达标")] Met,
    [Label("未达标")] NotMet,
}

public sealed record RecordAttestation([Text(20)] string Code, AttestationResult Result, [Text(2000)] string Note, string? Standard = null, int? Year = null);

/// <summary>
/// POST /api/studios/{id}/attestations — a school admin or reviewer judges an item only a person can judge
/// (e.g. 2.2.1 ethics, 4.5.1 class quality), or the part of an item the records cannot show (1.1.1's 纳入学校党建工作规划);
/// the attestation is itself the evidence.
/// </summary>
public static class RecordAttestationEndpoint
{
    public static async Task<Standard?> LoadAsync(RecordAttestation command, Guid id, IDocumentSession session, CancellationToken ct) =>
        await StudioIdentities.Of(session, id, ct) is { } studio ? await StandardsLibrary.For(session, studio.Region, studio.Track, command.Standard, ct) : null;

    public static ProblemDetails Validate(RecordAttestation command, StudioState studio, Standard? standard, TimeProvider clock)
    {
        var check = new Check().Text(command.Code, "code", 20).Text(command.Note, "note", 2000)
            .When(command.Year is { } y && (y < studio.FoundedOn.Year || y > clock.Today().Year), "year", "must fall between the founding year and this year");
        if (!check.Ok) return check.Result();
        return standard is null ? Problems.Invalid("standard", "is not a known standard") : WolverineContinue.NoProblems;
    }

    [WolverineBefore]
    public static ProblemDetails Rules(RecordAttestation command, Standard standard)
    {
        var item = standard.Items.FirstOrDefault(i => i.Code == command.Code);
        Refusal? refusal = item is null ? Refusal.Unknown("attestation.unknown-item", $"{standard.Code} has no item {command.Code}.")
            : !ChecklistRules.Attestable(item)
                ? new("attestation.not-needed", $"{command.Code} is judged from the studio's records, not by attestation.")
                : null;
        return refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/attestations", Name = "RecordAttestation"), Authorize(Policy = Policies.StudioAttest), Appends]
    [Tags("Standards")]
    public static AttestationRecorded Post(RecordAttestation command, [WriteAggregate("id")] StudioState studio, Standard standard, Stamp stamp) =>
        new(Guid.CreateVersion7(), standard.Code, command.Code, command.Year ?? stamp.Today.Year, command.Result == AttestationResult.Met, command.Note,
            stamp.By, stamp.At);
}
