using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Outputs;
using Workshops.Reports;
using Workshops.Standards;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Submissions;

/// <summary>
/// The package as it stands at the submission moment: the picked cases' facts for the rules, Annex 3's rows of those
/// cases, and Annex 2 of the province's vocational studios for the year, exactly as the reviewers' table answers now
/// (the year's end for a past year, today while the year runs).
/// </summary>
public sealed record Submitting(SubmissionStream Package, IReadOnlyList<CaseFacts> Cases, IReadOnlyList<CaseRow> CaseRows, DateOnly JudgedOn,
    IReadOnlyList<StudioRow> Studios)
{
    public static async Task<Submitting> Of(SubmissionStream package, IQuerySession session, DateOnly today, CancellationToken ct)
    {
        var p = package.Package!;
        var records = (await session.LoadManyAsync<OutputRecord>(ct, p.Cases)).ToDictionary(r => r.Id);
        var studioIds = records.Values.Select(r => r.StudioId).Distinct().ToArray();
        var identities = studioIds.Length == 0 ? [] : (await session.LoadManyAsync<StudioIdentity>(ct, studioIds)).ToDictionary(s => s.Id);
        var views = studioIds.Length == 0 ? [] : (await session.LoadManyAsync<Studio>(ct, studioIds)).ToDictionary(s => s.Id);
        var cases = p.Cases.Where(records.ContainsKey).Select(id => records[id])
            .Where(r => identities.ContainsKey(r.StudioId)).Select(r => CaseFacts.Of(r, identities[r.StudioId].Track)).ToList();
        var caseRows = p.Cases.Where(records.ContainsKey)
            .Select((id, i) => CaseRow.Of(i + 1, records[id], null, views.GetValueOrDefault(records[id].StudioId))).ToList();

        var day = ReportData.JudgedOn(p.Year, null, today);
        var until = History.EndOf(day);
        var total = await ReportData.Count(session, p.Province, Track.Vocational, until, ct);
        var defaults = await StandardsLibrary.Defaults(session, ct);
        var rows = new List<StudioRow>(total);
        for (var offset = 0; offset < total; offset += ReportData.Batch)
        {
            var studios = await ReportData.Studios(session, p.Province, Track.Vocational, until, offset, ReportData.Batch, ct);
            var facts = await ReportData.Facts(session, studios, p.Year, day, today, ct);
            var people = await StudioRow.Records(session, facts, ct);
            rows.AddRange(facts.Select((f, i) => StudioRow.Of(offset + i + 1, f, defaults(f.Studio), people)));
            if (studios.Count < ReportData.Batch) break;
        }
        return new(package, cases, caseRows, day, rows);
    }
}

/// <summary>
/// POST /api/regions/{code}/submissions/{year}/submit — the province submits its package by the deadline (seed 001 四);
/// Annex 2 and the cases are frozen as they stand at this moment. A repeat answers the same and changes nothing.
/// </summary>
public static class SubmitPackageEndpoint
{
    public static async Task<Submitting> LoadAsync(string code, int year, IDocumentSession session, HttpContext http, TimeProvider clock,
        CancellationToken ct)
    {
        var package = await SubmissionStream.Load(session, code, year, ct);
        // Only an open package, for its own province's reviewer, is worth assembling; the checks refuse the rest.
        var assemble = package.Package is { State: SubmissionState.Open } && SubmissionStream.Route(code, year) is null &&
                       SubmissionRules.ActsForProvince(Caller.From(http.User).Region, code);
        return assemble ? await Submitting.Of(package, session, clock.Today(), ct) : new(package, [], [], default, []);
    }

    public static ProblemDetails Validate([NotBody] Submitting submitting, HttpContext http, TimeProvider clock) =>
        submitting.Package.Check(http, SubmissionActor.Province, new Check(), p => SubmissionRules.Submit(p, clock.Today(), submitting.Cases));

    [WolverinePost("/api/regions/{code}/submissions/{year}/submit", Name = "SubmitPackage"), Authorize(Policy = SubmissionActorRequirement.ProvincePolicy)]
    [Tags("Submissions")]
    public static SubmissionWritten Post([NotBody] Submitting submitting, HttpContext http, TimeProvider clock) =>
        SubmissionRules.Submitted(submitting.Package.Package!)
            ? submitting.Package.Append(http)
            : submitting.Package.Append(http, new SubmissionSubmitted(submitting.Package.Id, submitting.JudgedOn, submitting.Studios,
                submitting.CaseRows, http.Actor(), clock.GetUtcNow()));
}
