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
    public static Task<Standard?> LoadAsync(RecordAttestation command, Guid id, IDocumentSession session, CancellationToken ct) =>
        ItemWrites.Standard(id, command.Standard, session, ct);

    public static ProblemDetails Validate(RecordAttestation command, StudioState studio, Standard? standard, TimeProvider clock) =>
        ItemWrites.Input(command.Code, command.Note, "note", command.Year, studio, standard, clock);

    [WolverineBefore]
    public static ProblemDetails Rules(RecordAttestation command, Standard standard)
    {
        var (item, unknown) = ItemWrites.Item(standard, command.Code, "attestation.unknown-item");
        return (unknown ?? (!ChecklistRules.Attestable(item!)
            ? new("attestation.not-needed", $"{command.Code} is judged from the studio's records, not by attestation.")
            : null)).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/attestations", Name = "RecordAttestation"), Authorize(Policy = Policies.StudioAttest), Appends]
    [Tags("Standards")]
    public static AttestationRecorded Post(RecordAttestation command, [WriteAggregate("id")] StudioState studio, Standard standard, Stamp stamp) =>
        new(Guid.CreateVersion7(), standard.Code, command.Code, command.Year ?? stamp.Today.Year, command.Result == AttestationResult.Met, command.Note,
            stamp.By, stamp.At);
}
