using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Outputs;
using Workshops.Studios;

namespace Workshops.Submissions;

/// <summary>A typical case (an output of a vocational studio of the province) for the package.</summary>
public sealed record PickSubmissionCase(Guid? OutputId);

/// <summary>The package and the case asked for, as the rules judge it (null: no such output).</summary>
public sealed record Picking(SubmissionStream Package, CaseFacts? Case);

/// <summary>POST /api/regions/{code}/submissions/{year}/cases — picks one of the package's 1–2 typical cases (seed 001 四).</summary>
public static class PickSubmissionCaseEndpoint
{
    public static async Task<Picking> LoadAsync(PickSubmissionCase command, string code, int year, IDocumentSession session, CancellationToken ct)
    {
        var package = await SubmissionStream.Load(session, code, year, ct);
        if (command.OutputId is not { } id) return new(package, null);
        var record = await session.LoadAsync<OutputRecord>(id, ct);
        var studio = record is null ? null : await session.LoadAsync<StudioIdentity>(record.StudioId, ct);
        return new(package, record is null || studio is null ? null : CaseFacts.Of(record, studio.Track));
    }

    public static ProblemDetails Validate(PickSubmissionCase command, Picking picking, HttpContext http) =>
        picking.Package.Check(http, SubmissionActor.Province, new Check().When(command.OutputId is null, "outputId", "is required"),
            p => picking.Case is { } found ? SubmissionRules.Pick(p, found) : Refusal.Unknown("submission.case-unknown", $"No output {command.OutputId}."));

    [WolverinePost("/api/regions/{code}/submissions/{year}/cases", Name = "PickSubmissionCase"), Authorize(Policy = SubmissionActorRequirement.ProvincePolicy)]
    [Tags("Submissions")]
    public static SubmissionWritten Post(PickSubmissionCase command, Picking picking, HttpContext http, TimeProvider clock) =>
        picking.Package.Package!.Cases.Contains(command.OutputId!.Value)
            ? picking.Package.Append(http)
            : picking.Package.Append(http, new SubmissionCasePicked(picking.Package.Id, command.OutputId.Value, http.Actor(), clock.GetUtcNow()));
}
