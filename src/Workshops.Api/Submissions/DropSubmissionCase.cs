using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Submissions;

/// <summary>
/// DELETE /api/regions/{code}/submissions/{year}/cases/{outputId} — drops a picked typical case from the package
/// before it is submitted (seed 001 四: the province chooses its 1–2 cases); a submitted package is frozen (422).
/// </summary>
public static class DropSubmissionCaseEndpoint
{
    public static Task<SubmissionStream> LoadAsync(string code, int year, IDocumentSession session, CancellationToken ct) =>
        SubmissionStream.Load(session, code, year, ct);

    public static ProblemDetails Validate([NotBody] SubmissionStream package, HttpContext http) =>
        package.Check(http, SubmissionActor.Province, new Check(), SubmissionRules.Drop);

    [WolverineDelete("/api/regions/{code}/submissions/{year}/cases/{outputId}", Name = "DropSubmissionCase"), Authorize(Policy = SubmissionActorRequirement.ProvincePolicy)]
    [Tags("Submissions")]
    public static SubmissionWritten Delete(Guid outputId, [NotBody] SubmissionStream package, HttpContext http, TimeProvider clock) =>
        package.Package!.Cases.Contains(outputId)
            ? package.Append(http, new SubmissionCaseDropped(package.Id, outputId, http.Actor(), clock.GetUtcNow()))
            : package.Append(http);
}
