using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
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
/// (e.g. 2.2.1 ethics, 4.5.1 class quality); the attestation is itself the evidence.
/// </summary>
public static class RecordAttestationEndpoint
{
    public static async Task<Standard?> LoadAsync(RecordAttestation command, Studio studio, IDocumentSession session, CancellationToken ct) =>
        await StandardsLibrary.For(session, studio, command.Standard, ct);

    public static ProblemDetails Validate(RecordAttestation command, Studio studio, Standard? standard, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        var check = new Check().Text(command.Code, "code", 20).Text(command.Note, "note", 2000)
            .When(command.Year is { } y && (y < studio.FoundedOn.Year || y > today.Year), "year", "must fall between the founding year and this year");
        if (!check.Ok) return check.Result();
        if (standard is null) return Problems.Invalid("standard", "is not a known standard");
        var item = standard.Items.FirstOrDefault(i => i.Code == command.Code);
        Refusal? refusal = item is null ? Refusal.Unknown("attestation.unknown-item", $"{standard.Code} has no item {command.Code}.")
            : item.Rule != ChecklistRules.Attestation
                ? new("attestation.not-needed", $"{command.Code} is judged from the studio's records, not by attestation.")
                : null;
        return Writes.IfMatch(http, studio.Version) ?? refusal.OrContinue();
    }

    [WolverinePost("/api/studios/{id}/attestations", Name = "RecordAttestation"), Authorize(Policy = Policies.StudioAttest)]
    [Tags("Standards")]
    public static (Written, AttestationRecorded) Post(RecordAttestation command, [Aggregate("id")] Studio studio, Standard standard,
        HttpContext http, TimeProvider clock) =>
        (Writes.Done(http, studio.Id, studio.Version),
            new AttestationRecorded(Guid.CreateVersion7(), standard.Code, command.Code, command.Year ?? clock.Today().Year,
                command.Result == AttestationResult.Met, command.Note, http.Actor(), clock.GetUtcNow()));
}
