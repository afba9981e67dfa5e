using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Http;
using Workshops.Outputs;
using Workshops.Reference;
using Workshops.Reports;
using Workshops.Studios;

namespace Workshops.Showcase;

/// <summary>
/// An output as the public sees it: what it is, its text, its studio and school, and its authors by name only —
/// never teacher ids, review notes, who approved it or anything else from the roster.
/// </summary>
public sealed record PublicOutput(
    Guid OutputId,
    Guid StudioId,
    string StudioName,
    string School,
    string Province,
    string? ProvinceName,
    string City,
    string? CityName,
    string? District,
    string? DistrictName,
    OutputKind Kind,
    string KindLabel,
    CaseCategory? Category,
    string? CategoryLabel,
    string Title,
    IReadOnlyList<string> Authors,
    DateOnly Date,
    int Year,
    string? Summary,
    string? Body,
    IReadOnlyList<string> Links,
    OutputState State,
    RecommendationLevel? Level,
    string? LevelLabel)
{
    public static PublicOutput Of(OutputRecord r, Studio? studio) => new(
        r.Id, r.StudioId, r.StudioName, r.School, r.Province, Divisions.Name(r.Province), r.City, Divisions.Name(r.City), r.District,
        Divisions.Name(r.District), r.Facts.Kind, r.Facts.Kind.Label(), r.Facts.Category, r.Facts.Category?.Label(), r.Facts.Title,
        // Authors by name; one not found on the roster is left out rather than shown by id.
        [.. r.Facts.Authors.Select(a => studio is null ? null : Years.YearView.NameOf(studio, a)).OfType<string>()],
        r.Facts.Date, r.Year, r.Facts.Summary, r.Facts.Body, r.Facts.Links, r.State, r.Level, r.Level?.Label());
}

/// <summary>
/// A published output as the showcase's list shows it: what it is, its studio and place, its authors by name and its
/// summary; the text and links are in the output (GET /api/showcase/outputs/{outputId}, the <c>url</c>).
/// </summary>
public sealed record PublicOutputListing(
    Guid OutputId,
    Guid StudioId,
    string StudioName,
    string School,
    string Province,
    string? ProvinceName,
    string City,
    string? CityName,
    string? District,
    string? DistrictName,
    OutputKind Kind,
    string KindLabel,
    CaseCategory? Category,
    string? CategoryLabel,
    string Title,
    IReadOnlyList<string> Authors,
    DateOnly Date,
    int Year,
    string? Summary,
    OutputState State,
    string StateLabel,
    RecommendationLevel? Level,
    string? LevelLabel,
    string Url)
{
    public static PublicOutputListing Of(PublicOutput o) => new(o.OutputId, o.StudioId, o.StudioName, o.School, o.Province, o.ProvinceName, o.City,
        o.CityName, o.District, o.DistrictName, o.Kind, o.KindLabel, o.Category, o.CategoryLabel, o.Title, o.Authors, o.Date, o.Year, o.Summary,
        o.State, o.State.Label(), o.Level, o.LevelLabel, $"/api/showcase/outputs/{o.OutputId}");
}

/// <summary>
/// A published studio profile as the showcase's list shows it; its published outputs are in the profile
/// (GET /api/showcase/studios/{id}, the <c>url</c>).
/// </summary>
public sealed record PublicStudioListing(
    Guid StudioId,
    string Name,
    string School,
    string Province,
    string? ProvinceName,
    string City,
    string? CityName,
    string? District,
    string? DistrictName,
    StudioLevel Level,
    string LevelLabel,
    Track Track,
    string TrackLabel,
    BuildMode Mode,
    string ModeLabel,
    string? HostName,
    string Url)
{
    public static PublicStudioListing Of(Studio s)
    {
        var p = PublicStudio.Of(s, []);
        return new(p.StudioId, p.Name, p.School, p.Province, p.ProvinceName, p.City, p.CityName, p.District, p.DistrictName, p.Level, p.LevelLabel,
            p.Track, p.TrackLabel, p.Mode, p.ModeLabel, p.HostName, $"/api/showcase/studios/{p.StudioId}");
    }
}

/// <summary>A published output in a studio's public profile.</summary>
public sealed record PublicOutputLine(Guid OutputId, OutputKind Kind, string KindLabel, string Title, int Year, RecommendationLevel? Level, string? LevelLabel);

/// <summary>A studio's public profile: name, school, place, level, the host's name, mode and its published outputs.</summary>
public sealed record PublicStudio(
    Guid StudioId,
    string Name,
    string School,
    string Province,
    string? ProvinceName,
    string City,
    string? CityName,
    string? District,
    string? DistrictName,
    StudioLevel Level,
    string LevelLabel,
    Track Track,
    string TrackLabel,
    BuildMode Mode,
    string ModeLabel,
    string? HostName,
    IReadOnlyList<PublicOutputLine> Outputs)
{
    public static PublicStudio Of(Studio s, IReadOnlyList<PublicOutputLine> outputs) => new(
        s.Id, s.Name, s.School, s.Region.Province, Divisions.Name(s.Region.Province), s.Region.City, Divisions.Name(s.Region.City),
        s.Region.District, Divisions.Name(s.Region.District), s.Level, s.Level.Label(), s.Track, s.Track.Label(), s.Mode, s.Mode.Label(),
        s.Host?.Teacher.Name, outputs);
}

/// <summary>
/// The public showcase (seed 001 四: 推介宣传, 共建共研共享), read without a token: the outputs studios published — only
/// while approved or recommended — and the profiles they published. Paged and searched like the reviewers' tables;
/// limited per client (its address) like every read.
/// </summary>
public static class ReadShowcaseEndpoints
{
    public const int MaxQuery = 50;

    private static Check Query(Check check, string? q) => check.When(q?.Trim() is { Length: > MaxQuery }, "q", $"at most {MaxQuery} characters");

    private static OutputSearch Search(string scope, string? q, string? kind, int? year) => new()
    {
        Scope = scope, Kinds = kind is null ? null : [kind], Year = year, Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
        States = OutputRules.CountingCodes, PublishedOnly = true,
    };

    private static async Task<IReadOnlyDictionary<Guid, Studio>> Studios(IQuerySession session, IEnumerable<Guid> ids, CancellationToken ct) =>
        (await session.LoadManyAsync<Studio>(ct, ids.Distinct())).ToDictionary(s => s.Id);

    /// <summary>
    /// The databases a public list reads: with a database per province, every tenant for the nation (the showcase is
    /// public, so no token bounds it) and the named region's province otherwise; the one database without a map.
    /// </summary>
    private static IReadOnlyList<string> Provinces(Tenants tenants, string scope) =>
        !tenants.Separate ? [Tenants.Single] : scope == Region.National ? tenants.All : [Tenants.Of(scope)];

    /// <summary>
    /// GET /api/showcase/outputs?q=&amp;kind=&amp;year=&amp;region=&amp;page=&amp;pageSize=&amp;complete= — published outputs, a page at a
    /// time, as summaries. Without a region (or for 000000) every province's database is read and merged in the search's order, like
    /// the reviewers' output search; with one, its province's database only.
    /// </summary>
    [WolverineGet("/api/showcase/outputs", Name = "ListPublicOutputs"), AllowAnonymous]
    [Tags("Showcase")]
    [ProducesResponseType<Page<PublicOutputListing>>(200)]
    public static async Task<IResult> ListOutputs(string? q, string? kind, int? year, string? region, int? page, int? pageSize, bool? complete,
        TenantData databases, Tenants tenants, IDocumentStore store, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var scope = region ?? Region.National;
        var check = Query(new Check().Paging(page, pageSize), q).Region(scope, "region").Code<OutputKind>(kind, "kind");
        if (!check.Ok) return Results.Problem(check.Result());
        var number = page ?? 1;
        var size = pageSize ?? 20;
        var search = Search(scope, q, kind, year);
        var provinces = Provinces(tenants, scope);
        if (provinces.Count > 1)
        {
            // A refusal (503 when complete=true) is already written when nothing comes back.
            if (await search.Across(http, provinces, complete, store, tenants, databases, _ => ((number - 1) * size, size),
                    (_, record, studio) => PublicOutputListing.Of(PublicOutput.Of(record, studio)), ct) is not { } found)
                return Results.Empty;
            var outputs = new List<PublicOutputListing>();
            await foreach (var output in found.Rows.WithCancellation(ct)) outputs.Add(output);
            return Results.Ok(new Page<PublicOutputListing>(outputs, number, size, found.Total));
        }
        var data = databases.Of(session);
        var records = await search.Page(data, store.Options.Serializer(), (number - 1) * size, size, ct);
        var studios = await Studios(session, records.Select(r => r.StudioId), ct);
        return Results.Ok(new Page<PublicOutputListing>(
            [.. records.Select(r => PublicOutputListing.Of(PublicOutput.Of(r, studios.GetValueOrDefault(r.StudioId))))], number, size,
            await search.Count(data, ct)));
    }

    /// <summary>
    /// GET /api/showcase/outputs/{outputId} — one published output; 404 for anything not published and approved. An
    /// output's id names no province: with a database per province every province is asked for it, in parallel.
    /// </summary>
    [WolverineGet("/api/showcase/outputs/{outputId}", Name = "GetPublicOutput"), AllowAnonymous]
    [Tags("Showcase")]
    [ProducesResponseType<PublicOutput>(200)]
    public static async Task<IResult> GetOutput(Guid outputId, IQuerySession session, Tenants tenants, IDocumentStore store, CancellationToken ct)
    {
        async Task<PublicOutput?> Read(IQuerySession from, CancellationToken token)
        {
            var record = await from.LoadAsync<OutputRecord>(outputId, token);
            return record is null || !record.Published || !ShowcaseRules.Publishable(record.State)
                ? null
                : PublicOutput.Of(record, await from.LoadAsync<Studio>(record.StudioId, token));
        }

        PublicOutput? found;
        if (!tenants.Separate) found = await Read(session, ct);
        else
        {
            var legs = await tenants.Each(store, tenants.All, Read, ct);
            found = legs.Values.FirstOrDefault(o => o is not null);
            // Not found while a province did not answer: it may be there, so the answer is unavailable (503), not 404.
            if (found is null && legs.All.FirstOrDefault(l => l.Failure is not null) is { } failed)
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed.Failure!);
        }
        return found is null ? Results.Problem(Problems.NotFound($"No published output {outputId}.")) : Results.Ok(found);
    }

    /// <summary>
    /// GET /api/showcase/studios?q=&amp;region=&amp;page=&amp;pageSize=&amp;complete= — published studio profiles by name (q: a part of
    /// the name or school; region: a province, city or district code, 000000 or none for the nation). Without a region
    /// every province is read and merged by name, then id (code-point order, as the C-collated databases sort), like the
    /// studio list; with one, its province's database only, as the output list.
    /// </summary>
    [WolverineGet("/api/showcase/studios", Name = "ListPublicStudios"), AllowAnonymous]
    [Tags("Showcase")]
    [ProducesResponseType<Page<PublicStudioListing>>(200)]
    public static async Task<IResult> ListStudios(string? q, string? region, int? page, int? pageSize, bool? complete, Tenants tenants, IDocumentStore store,
        HttpContext http, CancellationToken ct)
    {
        var scope = region ?? Region.National;
        var check = Query(new Check().Paging(page, pageSize), q).Region(scope, "region");
        if (!check.Ok) return Results.Problem(check.Result());
        var number = page ?? 1;
        var size = pageSize ?? 20;
        var text = q?.Trim();
        var provinces = Provinces(tenants, scope);
        // One database pages in place; several each give their first number × size profiles, and the merge takes the page.
        var inPlace = provinces.Count == 1;
        var legs = await tenants.Each(store, provinces, async (session, token) =>
        {
            var query = session.Query<Studio>().Where(s => s.Published).InRegion(scope);
            if (!string.IsNullOrEmpty(text)) query = query.Where(s => s.Name.Contains(text) || s.School.Contains(text));
            var total = await query.CountAsync(token);
            var ordered = query.OrderBy(s => s.Name).ThenBy(s => s.Id);
            var rows = inPlace
                ? await ordered.Skip((number - 1) * size).Take(size).ToListAsync(token)
                : await ordered.Take(number * size).ToListAsync(token);
            return (Total: total, Rows: rows);
        }, ct);
        if (legs.Incomplete(http, complete) is { } incomplete) return Results.Problem(incomplete);
        var studios = inPlace
            ? legs.Values.SelectMany(l => l.Rows)
            : legs.Values.SelectMany(l => l.Rows)
                .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id.ToString(), StringComparer.Ordinal)
                .Skip((number - 1) * size).Take(size);
        return Results.Ok(new Page<PublicStudioListing>([.. studios.Select(PublicStudioListing.Of)], number, size, legs.Values.Sum(l => (long)l.Total)));
    }

    /// <summary>GET /api/showcase/studios/{id} — a published profile with its published outputs; 404 while unpublished.</summary>
    [WolverineGet("/api/showcase/studios/{id}", Name = "GetPublicStudio"), AllowAnonymous]
    [Tags("Showcase")]
    [ProducesResponseType<PublicStudio>(200)]
    public static async Task<IResult> GetStudio(Guid id, IQuerySession session, CancellationToken ct)
    {
        var studio = await session.LoadAsync<Studio>(id, ct);
        if (studio is null || !studio.Published) return Results.Problem(Problems.NotFound($"No published studio {id}."));
        var shown = OutputRules.CountingCodes;
        var outputs = await session.Query<OutputRecord>()
            .Where(o => o.StudioId == id && o.Published && shown.Contains(o.StateCode))
            .OrderByDescending(o => o.Year).ThenBy(o => o.Id)
            .Take(200)
            .ToListAsync(ct);
        return Results.Ok(PublicStudio.Of(studio,
            [.. outputs.Select(o => new PublicOutputLine(o.Id, o.Facts.Kind, o.Facts.Kind.Label(), o.Facts.Title, o.Year, o.Level, o.Level?.Label()))]));
    }
}
