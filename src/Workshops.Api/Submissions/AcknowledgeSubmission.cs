using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Submissions;

/// <summary>POST /api/regions/{code}/submissions/{year}/receipt — a national reviewer acknowledges receipt of a submitted package.</summary>
public static class AcknowledgeSubmissionEndpoint
{
    public static Task<SubmissionStream> LoadAsync(string code, int year, IDocumentSession session, CancellationToken ct) =>
        SubmissionStream.Load(session, code, year, ct);

    public static ProblemDetails Validate([NotBody] SubmissionStream package, HttpContext http) =>
        package.Check(http, SubmissionActor.Ministry, new Check(), SubmissionRules.Acknowledge);

    [WolverinePost("/api/regions/{code}/submissions/{year}/receipt", Name = "AcknowledgeSubmission"), Authorize(Policy = SubmissionActorRequirement.MinistryPolicy)]
    [Tags("Submissions")]
    public static SubmissionWritten Post([NotBody] SubmissionStream package, HttpContext http, TimeProvider clock) =>
        package.Package!.State == SubmissionState.Received
            ? package.Append(http)
            : package.Append(http, new SubmissionReceiptAcknowledged(package.Id, http.Actor(), clock.GetUtcNow()));
}
