using System.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;
using Workshops.Core.Contract;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Outputs;
using Workshops.Reference;
using Workshops.Studios;

namespace Workshops.Reports;

/// <summary>
/// A row of the Annex 3 typical case summary table (典型案例汇总表) of seed 001: the case with its category, its authors
/// by name, the studio, its host and school, and the full case text (at most 3000 characters). Codes and ids stay
/// beside the names and labels.
/// </summary>
public sealed record CaseRow(
    int Number,
    Guid OutputId,
    Guid StudioId,
    string Province,
    string? ProvinceName,
    string City,
    string? CityName,
    string? District,
    string? DistrictName,
    string School,
    string Studio,
    string? HostId,
    string? Host,
    string Title,
    OutputKind Kind,
    string KindLabel,
    CaseCategory? Category,
    string? CategoryLabel,
    IReadOnlyList<string> Authors,
    IReadOnlyList<string> AuthorNames,
    int Characters,
    RecommendationLevel? Level,
    string? LevelLabel,
    int Year,
    string Abstract,
    string Text,
    IReadOnlyList<Highlight> Highlights)
{
    public static readonly IReadOnlyList<string> Headers =
        ["序号", "省份", "地市", "区县", "学校名称", "工作室名称", "主持人", "案例名称", "成果类型", "案例类别", "作者", "字数", "推荐级别", "年度", "案例摘要", "案例全文"];

    /// <summary>Column widths (in characters) so the long cells can be read; XLSX cells wrap.</summary>
    public static readonly IReadOnlyDictionary<string, double> Widths = new Dictionary<string, double>
    {
        ["学校名称"] = 24, ["工作室名称"] = 30, ["案例名称"] = 30, ["成果类型"] = 20, ["作者"] = 20, ["案例摘要"] = 50, ["案例全文"] = 100,
    };

    public object?[] Cells() =>
    [
        Number, ProvinceName ?? Province, CityName ?? City, District is null ? null : DistrictName ?? District, School, Studio, Host, Title,
        KindLabel, CategoryLabel, string.Join("、", AuthorNames), Characters, LevelLabel, Year, Abstract, Text,
    ];

    public static string AbstractOf(OutputRecord r) =>
        !string.IsNullOrWhiteSpace(r.Facts.Summary) ? r.Facts.Summary!
        : r.Facts.Body is { Length: > 0 } body ? (body.Length > 200 ? body[..200] + "…" : body) : "";

    /// <param name="studio">The studio's view, for its host's and the authors' names (ids stand in for names it does not know).</param>
    public static CaseRow Of(int number, OutputRecord r, string? q, Studio? studio) => new(number, r.Id, r.StudioId,
        r.Province, Divisions.Name(r.Province), r.City, Divisions.Name(r.City), r.District, Divisions.Name(r.District), r.School, r.StudioName,
        studio?.Host?.Teacher.Id, studio?.Host?.Teacher.Name, r.Facts.Title, r.Facts.Kind, r.Facts.Kind.Label(), r.Facts.Category,
        r.Facts.Category?.Label(), r.Facts.Authors,
        [.. r.Facts.Authors.Select(a => (studio is null ? null : Years.YearView.NameOf(studio, a)) ?? a)],
        r.Characters, r.Level, r.Level?.Label(), r.Year, AbstractOf(r), r.Facts.Body ?? "",
        q is null ? [] : [.. ChineseText.Highlights("title", r.Facts.Title, q), .. ChineseText.Highlights("summary", r.Facts.Summary, q),
            .. ChineseText.Highlights("body", r.Facts.Body, q)]);

    /// <summary>The rows of a page of outputs, with the studios' views read in one query.</summary>
    public static async Task<IReadOnlyList<CaseRow>> Of(IQuerySession session, IReadOnlyList<OutputRecord> records, int first, string? q,
        CancellationToken ct)
    {
        var studios = await StudiosOf(session, records, ct);
        return [.. records.Select((r, i) => Of(first + i, r, q, studios.GetValueOrDefault(r.StudioId)))];
    }

    /// <summary>The views of the outputs' studios, read in one query.</summary>
    public static async Task<IReadOnlyDictionary<Guid, Studio>> StudiosOf(IQuerySession session, IReadOnlyList<OutputRecord> records,
        CancellationToken ct)
    {
        var ids = records.Select(r => r.StudioId).Distinct().ToArray();
        return ids.Length == 0 ? new Dictionary<Guid, Studio>() : (await session.LoadManyAsync<Studio>(ct, ids)).ToDictionary(s => s.Id);
    }
}

/// <summary>The reviewers' search over outputs: scope, filters and Chinese substring search, ranked, in SQL.</summary>
public sealed class OutputSearch
{
    public required string Scope { get; init; }
    public IReadOnlyList<string>? Kinds { get; init; }
    public IReadOnlyList<string>? Levels { get; init; }
    public IReadOnlyList<string>? States { get; init; }
    public int? Year { get; init; }
    public string? Category { get; init; }
    public string? Q { get; init; }
    /// <summary>Only outputs their studio published in the public showcase.</summary>
    public bool PublishedOnly { get; init; }
    /// <summary>Only outputs of studios of this track (Annex 3 lists seed 001's vocational studios' cases).</summary>
    public Track? Track { get; init; }

    /// <summary>The lowest recommendation level a scope sees: its own (a district sees district and above …).</summary>
    public static IReadOnlyList<string> LevelsFrom(string scope, RecommendationLevel? at = null)
    {
        var own = Region.Depth(scope) switch
        {
            0 => RecommendationLevel.Ministry,
            1 => RecommendationLevel.Province,
            2 => RecommendationLevel.City,
            _ => RecommendationLevel.District,
        };
        var from = at is { } a && a > own ? a : own;
        return [.. Enum.GetValues<RecommendationLevel>().Where(l => l >= from).Select(l => l.Code())];
    }

    private (string Where, List<object> Args) Sql()
    {
        var where = new StringBuilder("true");
        var args = new List<object>();
        string P(object value)
        {
            args.Add(value);
            return $"${args.Count}";
        }
        if (Scope != Region.National)
        {
            var s = P(Scope);
            where.Append($" and (d.province = {s} or d.city = {s} or d.district = {s})");
        }
        if (Kinds is { Count: > 0 }) where.Append($" and d.kind_code = any({P(Kinds.ToArray())})");
        if (Levels is not null) where.Append($" and d.level_code = any({P(Levels.ToArray())})");
        if (States is not null) where.Append($" and d.state_code = any({P(States.ToArray())})");
        if (Year is { } y) where.Append($" and d.year = {P(y)}");
        if (Category is not null) where.Append($" and d.category_code = {P(Category)}");
        if (PublishedOnly) where.Append(" and d.published");
        if (Track is { } track)
            where.Append($" and exists (select 1 from {Setup.Schema}.mt_doc_studioidentity i" +
                         $" where i.id = CAST(d.data ->> 'studioId' as uuid) and i.data ->> 'track' = {P(track.ToString())})");
        if (Q is not null)
        {
            var terms = ChineseText.Query(Q);
            if (terms is not null) where.Append($" and d.search_terms @@ to_tsquery('simple', {P(terms)})");
            // A longer string can have all its bigrams without being there: the text itself decides.
            if (terms is null || !ChineseText.TermsAreExact(Q))
            {
                var q = P(Q.ToLowerInvariant());
                where.Append($" and (strpos(lower(d.factstitle), {q}) > 0 or strpos(lower(coalesce(d.factssummary, '')), {q}) > 0" +
                             $" or strpos(lower(d.data -> 'facts' ->> 'body'), {q}) > 0)");
            }
        }
        return (where.ToString(), args);
    }

    /// <summary>Rank: a hit in the title counts most, then one in the summary; the body's hits tie.</summary>
    private string Rank(List<object> args)
    {
        if (Q is null) return "0";
        args.Add(Q.ToLowerInvariant());
        var q = $"${args.Count}";
        return $"""
            (case when strpos(lower(d.factstitle), {q}) > 0 then 10 else 0 end
             + case when strpos(lower(coalesce(d.factssummary, '')), {q}) > 0 then 5 else 0 end)
            """;
    }

    /// <summary>Writes the search's rows as CSV or XLSX, a page of Exports:MaxRows rows, 200 read at a time, with the full text.</summary>
    public async Task Export(HttpContext http, ExportFormat kind, string sheet, string fileName, NpgsqlDataSource data, Marten.ISerializer serializer,
        IQuerySession session, ExportOptions exports, int page, CancellationToken ct)
    {
        var (start, count) = Exports.Page(http, await Count(data, ct), page, exports.MaxRows);
        async IAsyncEnumerable<object?[]> All()
        {
            for (var offset = start; offset < start + count; offset += 200)
            {
                var take = Math.Min(200, start + count - offset);
                var records = await Page(data, serializer, offset, take, ct);
                foreach (var row in await CaseRow.Of(session, records, offset + 1, null, ct)) yield return row.Cells();
                if (records.Count < take) yield break;
            }
        }
        await Exports.Write(http, kind, fileName, [new Table(sheet, CaseRow.Headers, All(), CaseRow.Widths)]);
    }

    /// <summary>The search's rank of an output, as <see cref="Rank"/> computes it in SQL.</summary>
    private int RankOf(OutputRecord r)
    {
        if (Q is null) return 0;
        var q = Q.ToLowerInvariant();
        return (r.Facts.Title.ToLowerInvariant().Contains(q, StringComparison.Ordinal) ? 10 : 0)
               + ((r.Facts.Summary ?? "").ToLowerInvariant().Contains(q, StringComparison.Ordinal) ? 5 : 0);
    }

    /// <summary>The search's order (<see cref="Page"/>) in code-point order, as databases with the C collation sort it.</summary>
    private int Compare(OutputRecord a, OutputRecord b)
    {
        var c = RankOf(b).CompareTo(RankOf(a));
        if (c == 0) c = string.CompareOrdinal(a.Province, b.Province);
        if (c == 0) c = string.CompareOrdinal(a.City, b.City);
        if (c == 0) c = a.District is null || b.District is null ? (a.District is null).CompareTo(b.District is null) : string.CompareOrdinal(a.District, b.District);
        if (c == 0) c = string.CompareOrdinal(a.School, b.School);
        if (c == 0) c = string.CompareOrdinal(a.StudioName, b.StudioName);
        if (c == 0) c = string.CompareOrdinal(a.Facts.Title, b.Facts.Title);
        return c != 0 ? c : string.CompareOrdinal(a.Id.ToString(), b.Id.ToString());
    }

    /// <summary>
    /// The search over several provinces' databases: the provinces' totals read in parallel (a province that does not
    /// answer is named in Missing-Provinces, or the read refused with 503 when <paramref name="complete"/>), then the rows
    /// of [offset, offset + take) in the search's order, each province read in batches in that order and the heads
    /// merged; <paramref name="row"/> makes each merged output (numbered across the provinces, with its studio's view) a
    /// row. Null when the answer is already written (a refusal).
    /// </summary>
    public async Task<(long Total, IAsyncEnumerable<T> Rows)?> Across<T>(HttpContext http, IReadOnlyList<string> provinces, bool? complete,
        IDocumentStore store, Tenants tenants, TenantData databases, Func<long, (int Offset, int Take)> window,
        Func<int, OutputRecord, Studio?, T> row, CancellationToken ct)
    {
        var counts = await tenants.Each(store, provinces, (session, token) => Count(databases.Of(session), token), ct);
        if (counts.Incomplete(http, complete) is { } incomplete)
        {
            await http.WriteProblem(incomplete);
            return null;
        }
        var total = counts.Values.Sum();
        var (offset, take) = window(total);
        var answered = counts.All.Where(l => l.Failure is null).Select(l => l.Tenant).ToList();
        return (total, Merged(answered, offset, take, store, tenants, databases, row, ct));
    }

    private async IAsyncEnumerable<T> Merged<T>(IReadOnlyList<string> provinces, int offset, int take, IDocumentStore store, Tenants tenants,
        TenantData databases, Func<int, OutputRecord, Studio?, T> row, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var serializer = store.Options.Serializer();
        var batch = Math.Clamp(offset + take, 1, 200);
        var legs = provinces.Select(p => new Run(tenants.Session(store, p), databases.For(p)!)).ToList();
        try
        {
            await Task.WhenAll(legs.Select(l => l.Fill(this, serializer, batch, ct)));
            for (var number = 1; number <= offset + take; number++)
            {
                Run? first = null;
                foreach (var leg in legs)
                {
                    if (leg.Rows.Count == 0 && !leg.Done) await leg.Fill(this, serializer, batch, ct);
                    if (leg.Rows.Count > 0 && (first is null || Compare(leg.Rows.Peek().Record, first.Rows.Peek().Record) < 0)) first = leg;
                }
                if (first is null) yield break;
                var (record, studio) = first.Rows.Dequeue();
                if (number > offset) yield return row(number, record, studio);
            }
        }
        finally
        {
            foreach (var leg in legs) await leg.Session.DisposeAsync();
        }
    }

    /// <summary>
    /// Answers the search above a province with a database per province: a JSON page, or a CSV/XLSX page of
    /// Exports:MaxRows rows, merged across <paramref name="provinces"/> and numbered across the nation.
    /// </summary>
    public async Task ServeAcross(HttpContext http, ExportFormat kind, string sheet, string fileName, int page, int size,
        IReadOnlyList<string> provinces, bool? complete, IDocumentStore store, Tenants tenants, TenantData databases, ExportOptions exports,
        CancellationToken ct)
    {
        if (kind == ExportFormat.Json)
        {
            if (await Across(http, provinces, complete, store, tenants, databases, _ => ((page - 1) * size, size), Row, ct) is not { } json) return;
            var rows = new List<CaseRow>();
            await foreach (var row in json.Rows.WithCancellation(ct)) rows.Add(row);
            await http.Response.WriteAsJsonAsync(new Page<CaseRow>(rows, page, size, json.Total), Json.Wire, ct);
            return;
        }
        if (await Across(http, provinces, complete, store, tenants, databases, total => Exports.Page(http, total, page, exports.MaxRows), Row, ct)
            is not { } file)
            return;
        async IAsyncEnumerable<object?[]> Cells()
        {
            await foreach (var row in file.Rows.WithCancellation(ct)) yield return row.Cells();
        }
        await Exports.Write(http, kind, fileName, [new Table(sheet, CaseRow.Headers, Cells(), CaseRow.Widths)]);
    }

    private CaseRow Row(int number, OutputRecord record, Studio? studio) => CaseRow.Of(number, record, Q, studio);

    /// <summary>One province's outputs in the search's order, with their studios' views, read a batch at a time.</summary>
    private sealed class Run(IQuerySession session, NpgsqlDataSource data)
    {
        public IQuerySession Session => session;
        public Queue<(OutputRecord Record, Studio? Studio)> Rows { get; } = new();
        public bool Done { get; private set; }
        private int read;

        public async Task Fill(OutputSearch search, Marten.ISerializer serializer, int batch, CancellationToken ct)
        {
            var records = await search.Page(data, serializer, read, batch, ct);
            var studios = await CaseRow.StudiosOf(session, records, ct);
            foreach (var record in records) Rows.Enqueue((record, studios.GetValueOrDefault(record.StudioId)));
            read += records.Count;
            Done = records.Count < batch;
        }
    }

    public async Task<long> Count(NpgsqlDataSource data, CancellationToken ct)
    {
        var (where, args) = Sql();
        await using var cmd = data.CreateCommand($"select count(*) from {Setup.Schema}.mt_doc_outputrecord d where {where}");
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    public async Task<IReadOnlyList<OutputRecord>> Page(NpgsqlDataSource data, Marten.ISerializer serializer, int offset, int take,
        CancellationToken ct)
    {
        var (where, args) = Sql();
        var rank = Rank(args);
        args.Add(take);
        var limit = $"${args.Count}";
        args.Add(offset);
        var skip = $"${args.Count}";
        // The page is chosen on ids and sort keys; only its own rows' documents are read afterwards.
        await using var cmd = data.CreateCommand($"""
            with page as (
                select d.id, {rank} as rank, d.province, d.city, d.district, d.school, d.studio_name as studio, d.factstitle as title
                from {Setup.Schema}.mt_doc_outputrecord d where {where}
                order by 2 desc, d.province, d.city, d.district, d.school, d.studio_name, d.factstitle, d.id
                limit {limit} offset {skip})
            select d.data from page join {Setup.Schema}.mt_doc_outputrecord d on d.id = page.id
            order by page.rank desc, page.province, page.city, page.district, page.school, page.studio, page.title, page.id
            """);
        foreach (var a in args) cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        var found = new List<OutputRecord>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(serializer.FromJson<OutputRecord>(reader, 0));
        return found;
    }
}

/// <summary>
/// GET /api/reviews/cases?region=&amp;year=&amp;category=&amp;level=&amp;q=&amp;page=&amp;pageSize=&amp;format= — Annex 3 of seed 001
/// (中等职业学校班主任工作室典型案例汇总表): the typical cases (典型案例) of vocational studios recommended to or above the
/// caller's level, within their region; q finds any Chinese substring of title, abstract or body.
/// GET /api/reviews/workshop-cases — the same table for seed 000's K-12 workshops.
/// GET /api/reviews/cases/{outputId} — the full case (at most 3000 characters).
/// </summary>
public static class CasesTableEndpoint
{
    [WolverineGet("/api/reviews/cases", Name = "CasesTable"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Reports")]
    [ProducesResponseType<Page<CaseRow>>(200)]
    public static Task Get(string? region, int? year, string? category, string? level, string? q, int? page, int? pageSize,
        string? format, bool? complete, TenantData databases, Tenants tenants, IDocumentStore store, IQuerySession session, HttpContext http,
        ExportOptions exports, CancellationToken ct) =>
        Serve(Track.Vocational, region, year, category, level, q, page, pageSize, format, complete, databases, tenants, store, session, http,
            exports, ct);

    [WolverineGet("/api/reviews/workshop-cases", Name = "WorkshopCasesTable"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Reports")]
    [ProducesResponseType<Page<CaseRow>>(200)]
    public static Task GetWorkshopCases(string? region, int? year, string? category, string? level, string? q, int? page, int? pageSize,
        string? format, bool? complete, TenantData databases, Tenants tenants, IDocumentStore store, IQuerySession session, HttpContext http,
        ExportOptions exports, CancellationToken ct) =>
        Serve(Track.K12, region, year, category, level, q, page, pageSize, format, complete, databases, tenants, store, session, http, exports, ct);

    /// <summary>The table's title: seed 001 附件3 for vocational studios, its K-12 counterpart for seed 000's workshops.</summary>
    public static string Title(Track track) => track == Track.Vocational ? "中等职业学校班主任工作室典型案例汇总表" : "中小学班主任工作坊典型案例汇总表";

    private static async Task Serve(Track track, string? region, int? year, string? category, string? level, string? q, int? page,
        int? pageSize, string? format, bool? complete, TenantData databases, Tenants tenants, IDocumentStore store, IQuerySession session,
        HttpContext http, ExportOptions exports, CancellationToken ct)
    {
        var (kind, problem) = Exports.Choose(http, format);
        var caller = Caller.From(http.User);
        var scope = region ?? caller.Region ?? "";
        var query = q?.Trim();
        problem ??= Paging.Check(page, pageSize)
                    ?? (!Region.IsScope(scope) ? Problems.Invalid("region", "must be a six-digit region code") : null)
                    ?? (!caller.CoversCode(scope) ? Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {scope}.") : null)
                    ?? Problems.Code<CaseCategory>(category, "category")
                    ?? Problems.Code<RecommendationLevel>(level, "level")
                    ?? (query is { Length: > 50 } ? Problems.Invalid("q", "at most 50 characters") : null);
        if (problem is not null)
        {
            await http.WriteProblem(problem);
            return;
        }
        Codes.TryParse<RecommendationLevel>(level, out var at);
        var search = new OutputSearch
        {
            Scope = scope,
            // seed 001 四 and 附件3: typical cases only; the case library's cases are not submitted.
            Kinds = [OutputKind.TypicalCase.Code()],
            Track = track,
            Levels = OutputSearch.LevelsFrom(caller.Region ?? scope, level is null ? null : at),
            Year = year,
            Category = category,
            Q = string.IsNullOrEmpty(query) ? null : query,
        };
        var title = Title(track);
        var provinces = tenants.Within(caller, scope);
        if (tenants.Separate && provinces.Count > 1)
        {
            await search.ServeAcross(http, kind, title, $"{title}-{scope}", page ?? 1, pageSize ?? 20, provinces, complete, store, tenants,
                databases, exports, ct);
            return;
        }
        var data = databases.Of(session);
        var serializer = store.Options.Serializer();
        if (kind == ExportFormat.Json)
        {
            var number = page ?? 1;
            var size = pageSize ?? 20;
            var rows = await CaseRow.Of(session, await search.Page(data, serializer, (number - 1) * size, size, ct), (number - 1) * size + 1,
                search.Q, ct);
            await http.Response.WriteAsJsonAsync(new Page<CaseRow>(rows, number, size, await search.Count(data, ct)), Json.Wire, ct);
            return;
        }
        await search.Export(http, kind, title, $"{title}-{scope}", data, serializer, session, exports, page ?? 1, ct);
    }

    [Formats("json")]
    [WolverineGet("/api/reviews/cases/{outputId}", Name = "GetCase"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Reports")]
    [ProducesResponseType<OutputRecord>(200)]
    public static async Task<IResult> GetOne(Guid outputId, string? format, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        if (Exports.JsonOnly(format) is { } unsupported) return Results.Problem(unsupported);
        var caller = Caller.From(http.User);
        var record = await session.LoadAsync<OutputRecord>(outputId, ct);
        if (record is null || !record.IsCase) return Results.Problem(Problems.NotFound($"No case {outputId}."));
        var region = new Region(record.Province, record.City, record.District);
        var visible = caller.Covers(region) && record.LevelCode is not null &&
                      OutputSearch.LevelsFrom(caller.Region ?? "").Contains(record.LevelCode);
        return visible
            ? Results.Ok(record)
            : Results.Problem(Problems.Forbidden("The case is outside the caller's region or not recommended to the caller's level."));
    }
}

/// <summary>
/// GET /api/reviews/outputs?region=&amp;q=&amp;kind=&amp;year=&amp;format= — every kind of output in the region that its school has
/// approved, searched by Chinese substring; JSON pages, or CSV and XLSX in pages of Exports:MaxRows rows.
/// </summary>
public static class SearchOutputsEndpoint
{
    [WolverineGet("/api/reviews/outputs", Name = "SearchOutputs"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Reports")]
    [ProducesResponseType<Page<CaseRow>>(200)]
    public static async Task Get(string? region, string? q, string? kind, int? year, int? page, int? pageSize, string? format, bool? complete,
        TenantData databases, Tenants tenants, IDocumentStore store, IQuerySession session, HttpContext http, ExportOptions exports,
        CancellationToken ct)
    {
        var (as_, problem) = Exports.Choose(http, format);
        var caller = Caller.From(http.User);
        var scope = region ?? caller.Region ?? "";
        var query = q?.Trim();
        problem ??= Paging.Check(page, pageSize)
                      ?? (!Region.IsScope(scope) ? Problems.Invalid("region", "must be a six-digit region code") : null)
                      ?? (!caller.CoversCode(scope) ? Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {scope}.") : null)
                      ?? Problems.Code<OutputKind>(kind, "kind")
                      ?? (query is { Length: > 50 } ? Problems.Invalid("q", "at most 50 characters") : null);
        if (problem is not null)
        {
            await http.WriteProblem(problem);
            return;
        }
        // Reviewers see what a school has approved, not drafts.
        var search = new OutputSearch
        {
            Scope = scope, Kinds = kind is null ? null : [kind], Year = year, Q = string.IsNullOrEmpty(query) ? null : query,
            States = OutputRules.CountingCodes,
        };
        var provinces = tenants.Within(caller, scope);
        if (tenants.Separate && provinces.Count > 1)
        {
            await search.ServeAcross(http, as_, "成果检索", $"成果检索-{scope}", page ?? 1, pageSize ?? 20, provinces, complete, store, tenants,
                databases, exports, ct);
            return;
        }
        var data = databases.Of(session);
        var serializer = store.Options.Serializer();
        if (as_ != ExportFormat.Json)
        {
            await search.Export(http, as_, "成果检索", $"成果检索-{scope}", data, serializer, session, exports, page ?? 1, ct);
            return;
        }
        var number = page ?? 1;
        var size = pageSize ?? 20;
        var rows = await CaseRow.Of(session, await search.Page(data, serializer, (number - 1) * size, size, ct), (number - 1) * size + 1, search.Q, ct);
        await http.Response.WriteAsJsonAsync(new Page<CaseRow>(rows, number, size, await search.Count(data, ct)), Json.Wire, ct);
    }
}
