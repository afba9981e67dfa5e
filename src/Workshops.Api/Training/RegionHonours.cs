using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Reference;
using Workshops.Studios;
using Workshops.Teachers;
using Workshops.Years;

namespace Workshops.Training;

/// <summary>A teacher on a region's honour list: their school then, years as head teacher, since when the honour is due, and its issue.</summary>
public sealed record HonourCandidate(string TeacherId, string Name, string School, string Region, int HeadTeacherYears, DateOnly? DueSince,
    DateOnly? IssuedOn, string? Number);

/// <summary>The 20-year honour in a region on a day: those due and not yet issued, and those issued.</summary>
public sealed record RegionHonours(string Region, DateOnly On, DateOnly? AsOf, IReadOnlyList<HonourCandidate> Due, IReadOnlyList<HonourCandidate> Issued,
    string Source);

/// <summary>
/// GET /api/regions/{code}/head-teacher-honours?on=&amp;asOf= — for reviewers and school admins of the region: the teachers
/// whose school on the day lies in the region and who have 累计 20 years as head teacher by then, due or issued (seed 003).
/// on= is the day judged (with the records as they stand now); asOf= reads only what was recorded by the end of that day.
/// Candidates come from an index of the records' schools (a containment query per division code of the region, served
/// by a GIN index on the schools) narrowed to those whose first day as head teacher is 20 years before the day.
/// </summary>
public static class RegionHonoursEndpoint
{
    [WolverineGet("/api/regions/{code}/head-teacher-honours", Name = "GetRegionHeadTeacherHonours"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Training")]
    [ProducesResponseType<RegionHonours>(200)]
    public static async Task<IResult> Get(string code, string? on, string? asOf, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var (day, recorded, invalid) = TeacherReads.Days(on, asOf, today);
        var check = new Check().Region(code, "code").Also(invalid);
        if (!check.Ok) return Results.Problem(check.Result());
        var judged = day ?? recorded ?? today;
        var moment = TrainingReads.Moment(recorded, today);
        var records = await Candidates(session, code, judged, moment is not null, ct);
        var trainings = (await session.LoadManyAsync<TrainingRecord>(ct, records.Select(r => r.Id).ToArray())).ToDictionary(t => t.Id);
        var due = new List<HonourCandidate>();
        var issued = new List<HonourCandidate>();
        foreach (var current in records)
        {
            var record = current;
            var training = trainings.GetValueOrDefault(current.Id) ?? TrainingRecord.Empty(current.Id, current.TeacherId);
            if (moment is { } until)
            {
                var events = await session.Events.FetchStreamAsync(current.Id, token: ct);
                if (TeacherRecord.Of(events.Where(e => e.Data is not ITeacherEvent t || t.At < until)) is not { } then) continue;
                record = then;
                training = training.AsOf(until);
            }
            var facts = TeacherFacts.AsOfDay(record, judged);
            if (code != Region.National && !Region.Contains(code, facts.Region)) continue;
            var honour = training.HeadTeacherHonour is { } h && h.On <= judged ? h : null;
            if (honour is null && !HonourRules.Due(facts)) continue;
            var entry = new HonourCandidate(record.TeacherId, record.Name, facts.School, facts.Region, facts.HeadTeacherYears, HonourRules.ReachedOn(record, judged),
                honour?.On, honour?.Number);
            (honour is null ? due : issued).Add(entry);
        }
        return Results.Ok(new RegionHonours(code, judged, recorded, [.. due.OrderBy(c => c.DueSince).ThenBy(c => c.TeacherId, StringComparer.Ordinal)],
            [.. issued.OrderBy(c => c.IssuedOn).ThenBy(c => c.TeacherId, StringComparer.Ordinal)], HonourRules.Source));
    }

    /// <summary>
    /// Records with a school in the region (any time: the day's school is checked after) whose first day as head teacher
    /// is at least 20 years before the day; for a past view also records with corrections (which may have moved that day).
    /// </summary>
    private static async Task<IReadOnlyList<TeacherRecord>> Candidates(IQuerySession session, string code, DateOnly day, bool past, CancellationToken ct)
    {
        var args = new List<object>();
        var where = "where ((data -> 'headTeacher' -> 0 ->> 'from') <= ?";
        args.Add(HonourRules.LatestFirstDay(day).ToString("yyyy-MM-dd"));
        where += past ? " or jsonb_array_length(data -> 'corrections') > 0)" : ")";
        if (code != Region.National)
        {
            var codes = Within(code).ToList();
            where += " and (" + string.Join(" or ", codes.Select(_ => "(data -> 'schools') @> ?::jsonb")) + ")";
            args.AddRange(codes.Select(c => (object)$"[{{\"region\":\"{c}\"}}]"));
        }
        return await session.QueryAsync<TeacherRecord>(where, ct, [.. args]);
    }

    /// <summary>The region and every division inside it (a school's region is a district or, for city schools, the city).</summary>
    private static IEnumerable<string> Within(string code)
    {
        yield return code;
        foreach (var child in Divisions.Children(code))
            foreach (var inner in Within(child.Code))
                yield return inner;
    }
}
