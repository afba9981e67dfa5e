using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Core.Contract;

namespace Workshops.Submissions;

/// <summary>The province's 阶段性工作小结 (seed 001 四), at most <see cref="SubmissionRules.SummaryMax"/> characters.</summary>
public sealed record WriteSubmissionSummary([Text(SubmissionRules.SummaryMax)] string? Text);

/// <summary>PUT /api/regions/{code}/submissions/{year}/summary — writes (or rewrites) the summary while the package is open.</summary>
public static class WriteSubmissionSummaryEndpoint
{
    public static Task<SubmissionStream> LoadAsync(string code, int year, IDocumentSession session, CancellationToken ct) =>
        SubmissionStream.Load(session, code, year, ct);

    public static ProblemDetails Validate(WriteSubmissionSummary command, SubmissionStream package, HttpContext http) =>
        package.Check(http, SubmissionActor.Province, new Check().Text(command.Text, "text", SubmissionRules.SummaryMax),
            p => p.Summary == command.Text ? null : SubmissionRules.Summary(p));

    [WolverinePut("/api/regions/{code}/submissions/{year}/summary", Name = "WriteSubmissionSummary"), Authorize(Policy = SubmissionActorRequirement.ProvincePolicy)]
    [Tags("Submissions")]
    public static SubmissionWritten Put(WriteSubmissionSummary command, SubmissionStream package, HttpContext http, TimeProvider clock) =>
        package.Package!.Summary == command.Text
            ? package.Append(http)
            : package.Append(http, new SubmissionSummaryWritten(package.Id, command.Text!, http.Actor(), clock.GetUtcNow()));
}
