using Marten;
using JasperFx.Events;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;

namespace Workshops.Submissions;

/// <summary>The answer to a write on a package: province, year, the stream's version (also the ETag) and whether anything was appended.</summary>
public sealed record SubmissionWritten(string Province, int Year, long Version, bool Appended);

/// <summary>Who acts on a package: its province's own reviewers, or (receipt) a national reviewer.</summary>
public enum SubmissionActor { Province, Ministry }

/// <summary>
/// A province's package loaded for writing (Marten checks on save that no other write came between: 409). Every write
/// runs the checks in the house order: the route's province 400, the caller 403, no package 404, input 400, If-Match
/// 412, then the rule (422); the rules are pure functions (<see cref="SubmissionRules"/>).
/// </summary>
public sealed class SubmissionStream(string province, int year, IEventStream<Submission> stream)
{
    public string Province { get; } = province;
    public int Year { get; } = year;
    public Guid Id => SubmissionStreams.IdOf(Province, Year);
    public Submission? Package => stream.Aggregate;
    public long Version => stream.CurrentVersion ?? 0;

    public static async Task<SubmissionStream> Load(IDocumentSession session, string code, int year, CancellationToken ct) =>
        new(code, year, await session.Events.FetchForWriting<Submission>(SubmissionStreams.IdOf(code, year), ct));

    /// <summary>The route names a province (xx0000) and a year from 2000.</summary>
    public static ProblemDetails? Route(string code, int year) =>
        !Region.IsCode(code) || Region.Depth(code) != 1 ? Problems.Invalid("code", "must be a province's six-digit code (xx0000)")
        : year < 2000 || year > 2100 ? Problems.Invalid("year", "must be a year from 2000")
        : null;

    public ProblemDetails Check(HttpContext http, SubmissionActor actor, Check input, Func<Submission, Refusal?> rule, bool opening = false)
    {
        if (Route(Province, Year) is { } bad) return bad;
        var region = Caller.From(http.User).Region;
        if (actor == SubmissionActor.Province && !SubmissionRules.ActsForProvince(region, Province))
            return Problems.Forbidden($"Only reviewers of {Province} act on its package.");
        if (actor == SubmissionActor.Ministry && !SubmissionRules.ActsForMinistry(region))
            return Problems.Forbidden("Receipt is acknowledged by a national reviewer.");
        if (Package is null && !opening) return Problems.NotFound($"No package of {Province} for {Year} has been opened.");
        if (!input.Ok) return input.Result();
        if (StreamWrites.IfMatch(http, Version) is { } stale) return stale;
        return Package is null ? WolverineContinue.NoProblems : rule(Package).OrContinue();
    }

    /// <summary>Appends the events (none: an idempotent repeat) and answers with the new version as the ETag.</summary>
    public SubmissionWritten Append(HttpContext http, params ISubmissionEvent[] events)
    {
        var version = Version + events.Length;
        if (events.Length > 0) stream.AppendMany(events);
        http.Response.Headers.ETag = Writes.ETag(version);
        return new SubmissionWritten(Province, Year, version, events.Length > 0);
    }
}
