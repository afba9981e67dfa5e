using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Submissions;

/// <summary>Opens a province's package for a year; the deadline (a Chinese calendar day, inclusive) is part of it.</summary>
public sealed record OpenSubmission(DateOnly? Deadline);

/// <summary>POST /api/regions/{code}/submissions/{year} — a provincial reviewer opens the package (again: the same answer).</summary>
public static class OpenSubmissionEndpoint
{
    public static Task<SubmissionStream> LoadAsync(string code, int year, IDocumentSession session, CancellationToken ct) =>
        SubmissionStream.Load(session, code, year, ct);

    public static ProblemDetails Validate(OpenSubmission command, SubmissionStream package, HttpContext http, TimeProvider clock)
    {
        var today = clock.Today();
        var input = new Check()
            .When(package.Year > today.Year, "year", $"must not be after {today.Year}: a package is for a year that has begun")
            .When(command.Deadline is null, "deadline", "is required")
            .When(command.Deadline is { } d && d < new DateOnly(package.Year, 1, 1), "deadline", $"must not be before {package.Year}");
        return package.Check(http, SubmissionActor.Province, input, p => SubmissionRules.Open(p, command.Deadline!.Value), opening: true);
    }

    [WolverinePost("/api/regions/{code}/submissions/{year}", Name = "OpenSubmission"), Authorize(Policy = SubmissionActorRequirement.ProvincePolicy)]
    [Tags("Submissions")]
    public static SubmissionWritten Post(OpenSubmission command, SubmissionStream package, HttpContext http, TimeProvider clock) =>
        package.Package is not null
            ? package.Append(http)
            : package.Append(http, new SubmissionOpened(package.Id, package.Province, package.Year, command.Deadline!.Value, http.Actor(), clock.GetUtcNow()));
}
