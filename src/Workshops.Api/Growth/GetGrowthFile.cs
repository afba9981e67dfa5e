using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Programmes;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Teachers;
using Workshops.Training;
using Workshops.Years;

namespace Workshops.Growth;

public sealed record YearHours(int Year, decimal StudioActivities, decimal OutsideTraining, decimal Total, IReadOnlyList<CodeCount> ByCategory);

public sealed record AbilityPoint(DateOnly Date, Rater Rater, int Score);

public sealed record AbilityTrend(Ability Ability, string Label, int? LatestSelf, int? LatestMentor, IReadOnlyList<AbilityPoint> Points);

public sealed record TimelineEntry(DateOnly Date, string Kind, string Title, Guid? StudioId);

public sealed record GrowthFileView(
    string TeacherId,
    TeacherInfo? Teacher,
    IReadOnlyList<Membership> Studios,
    GrowthProfile? Profile,
    IReadOnlyList<ProfileRevision> ProfileHistory,
    IReadOnlyList<YearHours> HoursByYear,
    IReadOnlyList<AbilityTrend> Abilities,
    Tier? Tier,
    IReadOnlyList<TierStep> TierHistory,
    IReadOnlyList<Recognised> Recognitions,
    IReadOnlyList<Award> Awards,
    IReadOnlyList<Note> Notes,
    IReadOnlyList<Eligibility> Eligibility,
    IReadOnlyList<TimelineEntry> Timeline,
    HoursView? Clocks = null,
    IReadOnlyList<TeacherName>? TeacherNames = null)
{
    /// <summary>
    /// The name beside every note's author (<c>notes[].authorId</c>: the teacher for a reflection, a mentor for a note): the
    /// teacher's own, else as the roster of a studio the teacher was in has them when read (null when none has them).
    /// </summary>
    public static async Task<IReadOnlyList<TeacherName>> NamesOf(IQuerySession session, TeacherFile file, CancellationToken ct)
    {
        var authors = file.Notes.Select(n => n.AuthorId).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var studios = new List<Studio>();
        if (authors.Any(a => a != file.Id))
            foreach (var id in file.Studios.Select(s => s.StudioId).Distinct())
                if (await StudioViews.Latest(session, id, ct) is { } studio) studios.Add(studio);
        return [.. authors.Select(a => new TeacherName(a, a == file.Id && file.Teacher is { } own ? own.Name
            : studios.Select(s => Years.YearView.NameOf(s, a)).FirstOrDefault(n => n is not null)))];
    }

    public static GrowthFileView Of(TeacherFile file, DateOnly today, IReadOnlyList<Eligibility>? eligibility = null)
    {
        var credits = file.CreditsAt(DateTimeOffset.MaxValue, DateOnly.MaxValue).ToList();
        var hours = credits.GroupBy(c => c.Date.Year).OrderBy(g => g.Key).Select(g => new YearHours(g.Key,
            g.Where(c => c.Category == CreditCategory.StudioActivity).Sum(c => c.Hours),
            g.Where(c => c.Category != CreditCategory.StudioActivity).Sum(c => c.Hours),
            g.Sum(c => c.Hours),
            [.. g.GroupBy(c => c.Category).OrderBy(c => c.Key).Select(c => new CodeCount(c.Key.Code(), c.Key.Label(), c.Count(), c.Sum(x => x.Hours)))]))
            .ToList();
        var abilities = Enum.GetValues<Ability>().Select(a =>
        {
            var points = file.Ratings.Where(r => r.Ratings.ContainsKey(a)).OrderBy(r => r.Date).ThenBy(r => r.Ref.At)
                .Select(r => new AbilityPoint(r.Date, r.Rater, r.Ratings[a])).ToList();
            return new AbilityTrend(a, a.Label(), points.LastOrDefault(p => p.Rater == Rater.Self)?.Score,
                points.LastOrDefault(p => p.Rater == Rater.Mentor)?.Score, points);
        }).Where(t => t.Points.Count > 0).ToList();
        var timeline = file.Studios.Select(s => new TimelineEntry(s.From, $"joined-{s.Role.Code()}", s.StudioName, s.StudioId))
            .Concat(file.Studios.Where(s => s.To is not null).Select(s => new TimelineEntry(s.To!.Value, $"left-{s.Role.Code()}", s.StudioName, s.StudioId)))
            .Concat(credits.Select(c => new TimelineEntry(c.Date, c.Category == CreditCategory.StudioActivity ? "activity" : "training",
                $"{c.Title}（{c.Hours}学时）", c.StudioId)))
            .Concat(file.Awards.Select(a => new TimelineEntry(a.Date, "award", a.Title, null)))
            .Concat(file.Ratings.Select(r => new TimelineEntry(r.Date, $"rating-{r.Rater.Code()}", "能力评价", null)))
            .Concat(file.Notes.Select(n => new TimelineEntry(n.Date, n.Kind, n.Text.Length > 40 ? n.Text[..40] + "…" : n.Text, null)))
            .Concat(file.Tiers.Select(x => new TimelineEntry(x.On, "tier", x.Tier.Label(), x.StudioId)))
            .Concat(file.Recognitions.Select(x => new TimelineEntry(x.On, "recognition", x.Title.Label(), x.StudioId)))
            .OrderBy(e => e.Date).ThenBy(e => e.Kind, StringComparer.Ordinal).ToList();
        return new GrowthFileView(file.Id, file.Teacher, file.Studios, file.Profiles.LastOrDefault()?.Profile, file.Profiles, hours,
            abilities, file.Tiers.Count == 0 ? null : file.Tiers.Max(x => x.Tier), file.Tiers, file.Recognitions, file.Awards, file.Notes,
            eligibility ?? [], timeline);
    }
}

/// <summary>
/// A teacher's hour clocks on a day (<see cref="TrainingHours"/>): the rule set in effect for their school (or, without
/// a record, their studio) and the policies its region chose; <see cref="FromRecord"/> tells whether the facts came from
/// the teacher's record or from what the roster entry carried when they joined.
/// </summary>
public sealed record HoursView(string TeacherId, string Name, DateOnly AsOf, string RuleSet, string? PolicyRegion, bool FromRecord, IReadOnlyList<ClockResult> Policies,
    IReadOnlyList<string> WithoutClock);

/// <summary>
/// GET /api/teachers/{teacherId}/growth-file — one teacher across every studio they were ever in;
/// GET /api/teachers/{teacherId}/hours?asOf= — each applicable hour clock over the credits studios recorded and the
/// credit bank's: required, earned, remaining, due, status (as recorded by the end of asOf, judged on that day).
/// </summary>
public static class GetGrowthFileEndpoint
{
    [WolverineGet("/api/teachers/{teacherId}/growth-file", Name = "GetGrowthFile"), Authorize(Policy = Policies.TeacherRead)]
    [ReadsAcrossProvinces]
    [Tags("Growth files")]
    [ProducesResponseType<GrowthFileView>(200)]
    public static async Task<IResult> Get(string teacherId, bool? complete, IQuerySession session, IDocumentStore store, Tenants tenants, HttpContext http,
        TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        if (FilesAcrossProvinces.Spans(tenants, Caller.From(http.User)))
        {
            var (merged, refused) = await Across(store, tenants, http, teacherId, complete, ct);
            if (refused is not null) return refused;
            await using var home = tenants.Session(store, merged!.Home);
            return Results.Ok(await View(home, teacherId, merged.File!, merged.Record, today, ct));
        }
        var file = await TeacherFiles.Load(session, teacherId, ct);
        if (file is null) return Results.Problem(Problems.NotFound($"No growth file for {teacherId}."));
        var record = await session.LoadAsync<TeacherRecord>(TeacherStreams.IdOf(teacherId), ct);
        return Results.Ok(await View(session, teacherId, file, record, today, ct));
    }

    /// <summary>The file with today's hour clocks beside the hours by year (the same answer as …/hours).</summary>
    private static async Task<GrowthFileView> View(IQuerySession session, string teacherId, TeacherFile file, TeacherRecord? record, DateOnly today,
        CancellationToken ct) =>
        GrowthFileView.Of(file, today, await EligibilityOf(session, file, today, ct, record)) with
        {
            Clocks = await Judge(session, teacherId, file, record, null, today, ct), TeacherNames = await GrowthFileView.NamesOf(session, file, ct),
        };

    /// <summary>
    /// Reads a teacher across the provinces (<see cref="FilesAcrossProvinces"/>): a province that does not answer is
    /// named in Missing-Provinces (503 with complete=true); a file the caller may not read is 403, one found nowhere 404.
    /// </summary>
    private static async Task<(FilesAcrossProvinces.Merged? Merged, IResult? Refused)> Across(IDocumentStore store, Tenants tenants, HttpContext http,
        string teacherId, bool? complete, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var merged = await FilesAcrossProvinces.Read(store, tenants, caller, teacherId, ct);
        if (merged.Legs.Incomplete(http, complete) is { } incomplete) return (null, Results.Problem(incomplete));
        if (merged.File is null) return (null, Results.Problem(Problems.NotFound($"No growth file for {teacherId}.")));
        // The policy saw nothing in the request's own database; the file's studios and regions decide now.
        if (!TeacherRequirementCheck.Allows(caller, teacherId, new TeacherScope(merged.File.StudioIds, merged.File.RegionCodes)))
            return (null, Results.Problem(Problems.Forbidden(Permits.TeacherRefused(caller, teacherId))));
        return (merged, null);
    }

    /// <summary>
    /// Eligibility under the teacher's rule set today, from their record (the rule set of their school's region and track),
    /// else from the facts they gave when they joined their latest studio (that studio's rule set).
    /// </summary>
    public static async Task<IReadOnlyList<Eligibility>> EligibilityOf(IQuerySession session, TeacherFile file, DateOnly today, CancellationToken ct,
        TeacherRecord? known = null)
    {
        var record = known ?? await session.LoadAsync<Teachers.TeacherRecord>(Teachers.TeacherStreams.IdOf(file.Id), ct);
        if (record is { Schools.Count: > 0 })
        {
            var school = record.SchoolOn(today);
            var choice = await Programmes.RuleSetLibrary.For(session, school.Region, school.Track, today, ct);
            return Eligibilities.Of(choice.RuleSet, Teachers.TeacherFacts.AsOfDay(record, today));
        }
        if (file.Teacher is not { } teacher || file.Studios.OrderBy(s => s.To is null).ThenBy(s => s.From).LastOrDefault() is not { } latest) return [];
        if (await Studios.StudioIdentities.Of(session, latest.StudioId, ct) is not { } studio) return [];
        var set = (await Programmes.RuleSetLibrary.For(session, studio.Region.Code, studio.Track, today, ct)).RuleSet;
        return Eligibilities.Of(set, Teachers.TeacherFacts.FromJoinFacts(teacher, latest.From, today, studio.Region.Code, studio.Track));
    }

    [WolverineGet("/api/teachers/{teacherId}/hours", Name = "GetHours"), Authorize(Policy = Policies.TeacherRead)]
    [ReadsAcrossProvinces]
    [Tags("Growth files")]
    [ProducesResponseType<HoursView>(200)]
    public static async Task<IResult> Hours(string teacherId, string? asOf, bool? complete, IQuerySession session, IDocumentStore store, Tenants tenants,
        HttpContext http, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var (day, problem) = History.Parse(asOf, today);
        if (problem is not null) return Results.Problem(problem);
        if (FilesAcrossProvinces.Spans(tenants, Caller.From(http.User)))
        {
            var (merged, refused) = await Across(store, tenants, http, teacherId, complete, ct);
            if (refused is not null) return refused;
            await using var home = tenants.Session(store, merged!.Home);
            var judged = await Judge(home, teacherId, merged.File, merged.Record, day, today, ct);
            return judged is null ? Results.Problem(Problems.NotFound($"No growth file for {teacherId}.")) : Results.Ok(judged);
        }
        var file = await TeacherFiles.Load(session, teacherId, ct);
        var record = await session.LoadAsync<TeacherRecord>(TeacherStreams.IdOf(teacherId), ct);
        var view = file?.Teacher is null && record is null ? null : await Judge(session, teacherId, file, record, day, today, ct);
        return view is null ? Results.Problem(Problems.NotFound($"No growth file for {teacherId}.")) : Results.Ok(view);
    }

    /// <summary>The clocks on <paramref name="asOf"/> (default today) with what was recorded by the end of that day.</summary>
    public static async Task<HoursView?> Judge(IQuerySession session, string teacherId, TeacherFile? file, TeacherRecord? record, DateOnly? asOf,
        DateOnly today, CancellationToken ct)
    {
        var on = asOf ?? today;
        var facts = record is null ? null : await TeacherReads.FactsOn(record, on, asOf, today, session, ct);
        var fromRecord = facts is not null;
        if (facts is null && file?.Teacher is { } joined)
        {
            // No record (by then): the roster's facts, in the region and track of the studio they were in most recently.
            var latest = file.Studios.Where(s => s.From <= on).OrderBy(s => s.To is null ? 0 : 1).ThenByDescending(s => s.From).FirstOrDefault()
                         ?? file.Studios.FirstOrDefault();
            var identity = latest is null ? null : await StudioIdentities.Of(session, latest.StudioId, ct);
            if (identity is null) return null;
            facts = TrainingHours.FactsOf(null, joined, latest!.From, identity.Region, identity.Track, on);
        }
        if (facts is null) return null;
        var moment = TrainingReads.Moment(asOf, today);
        var training = record is null || !fromRecord ? null : await TrainingReads.Of(session, record, asOf, today, ct);
        var choice = await RuleSetLibrary.For(session, facts.Region, facts.Track, facts.AsOf, ct, moment);
        var chosen = await PolicyCatalog.For(session, RuleSetLibrary.Chain(facts.Region), ct);
        var studio = file?.CreditsAt(History.EndOf(on), on) ?? [];
        return new HoursView(teacherId, facts.Name, on, choice.RuleSet.Code, chosen.Region, fromRecord,
            TrainingHours.Judge(TrainingHours.Policies(choice.RuleSet.HourPolicies, chosen.Region, chosen.Policies, await PolicyCatalog.AddedOn(session, ct)), facts, studio, training),
            TrainingHours.WithoutClock(choice.RuleSet.HourPolicies, chosen.Region, chosen.Policies));
    }
}
