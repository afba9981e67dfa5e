using System.Text;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Outputs;
using Workshops.Studios;

namespace Workshops.Reports;

/// <summary>A row of the Annex 3 typical case summary table (典型案例汇总表).</summary>
public sealed record CaseRow(
    int Number,
    Guid OutputId,
    Guid StudioId,
    string Province,
    string City,
    string? District,
    string School,
    string Studio,
    string Title,
    OutputKind Kind,
    CaseCategory? Category,
    IReadOnlyList<string> Authors,
    int Characters,
    RecommendationLevel? Level,
    int Year,
    string Abstract,
    IReadOnlyList<Highlight> Highlights)
{
    public static readonly IReadOnlyList<string> Headers =
        ["序号", "省份", "地市", "区县", "学校名称", "工作室名称", "案例名称", "案例类别", "作者", "字数", "推荐级别", "年度", "案例摘要"];

    public object?[] Cells() =>
        [Number, Province, City, District, School, Studio, Title, Category?.Label(), string.Join("、", Authors), Characters, Level?.Label(), Year, Abstract];

    public static string AbstractOf(OutputRecord r) =>
        !string.IsNullOrWhiteSpace(r.Facts.Summary) ? r.Facts.Summary!
        : r.Facts.Body is { Length: > 0 } body ? (body.Length > 200 ? body[..200] + "…" : body) : "";

    public static CaseRow Of(int number, OutputRecord r, string? q) => new(number, r.Id, r.StudioId, r.Province, r.City, r.District, r.School,
        r.StudioName, r.Facts.Title, r.Facts.Kind, r.Facts.Category, r.Facts.Authors, r.Characters, r.Level, r.Year, AbstractOf(r),
        q is null ? [] : [.. ChineseText.Highlights("title", r.Facts.Title, q), .. ChineseText.Highlights("summary", r.Facts.Summary, q),
            .. ChineseText.Highlights("body", r.Facts.Body, q)]);
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
/// GET /api/reviews/cases?region=&amp;year=&amp;category=&amp;level=&amp;q=&amp;page=&amp;pageSize=&amp;format= — typical cases recommended to
/// or above the caller's level, within their region (Annex 3); q finds any Chinese substring of title, abstract or body.
/// GET /api/reviews/cases/{outputId} — the full case (at most 3000 characters).
/// </summary>
public static class CasesTableEndpoint
{
    [WolverineGet("/api/reviews/cases", Name = "CasesTable"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Reports")]
    [ProducesResponseType<Page<CaseRow>>(200)]
    public static async Task Get(string? region, int? year, string? category, string? level, string? q, int? page, int? pageSize,
        string? format, NpgsqlDataSource data, IDocumentStore store, HttpContext http, ExportOptions exports, CancellationToken ct)
    {
        var (kind, problem) = Exports.Choose(http, format);
        var caller = Caller.From(http.User);
        var scope = region ?? caller.Region ?? "";
        var query = q?.Trim();
        problem ??= Paging.Check(page, pageSize)
                    ?? (!Region.IsScope(scope) ? Problems.Invalid("region", "must be a six-digit region code") : null)
                    ?? (!caller.CoversCode(scope) ? Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {scope}.") : null)
                    ?? (category is not null && !Codes.TryParse<CaseCategory>(category, out _) ? Problems.Invalid("category", $"allowed: {Codes.Allowed<CaseCategory>()}") : null)
                    ?? (level is not null && !Codes.TryParse<RecommendationLevel>(level, out _) ? Problems.Invalid("level", $"allowed: {Codes.Allowed<RecommendationLevel>()}") : null)
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
            Kinds = [OutputKind.TypicalCase.Code(), OutputKind.LibraryCase.Code()],
            Levels = OutputSearch.LevelsFrom(caller.Region ?? scope, level is null ? null : at),
            Year = year,
            Category = category,
            Q = string.IsNullOrEmpty(query) ? null : query,
        };
        var serializer = store.Options.Serializer();
        if (kind == ExportFormat.Json)
        {
            var number = page ?? 1;
            var size = pageSize ?? 20;
            var rows = (await search.Page(data, serializer, (number - 1) * size, size, ct))
                .Select((r, i) => CaseRow.Of((number - 1) * size + i + 1, r, search.Q)).ToList();
            await http.Response.WriteAsJsonAsync(new Page<CaseRow>(rows, number, size, await search.Count(data, ct)), Json.Wire, ct);
            return;
        }

        var (start, count) = Exports.Page(http, await search.Count(data, ct), page ?? 1, exports.MaxRows);
        async IAsyncEnumerable<object?[]> All()
        {
            for (var offset = start; offset < start + count; offset += 200)
            {
                var take = Math.Min(200, start + count - offset);
                var rows = await search.Page(data, serializer, offset, take, ct);
                foreach (var (r, i) in rows.Select((r, i) => (r, i))) yield return CaseRow.Of(offset + i + 1, r, null).Cells();
                if (rows.Count < take) yield break;
            }
        }
        await Exports.Write(http, kind, $"典型案例汇总表-{scope}", [new Table("典型案例汇总表", CaseRow.Headers, All())]);
    }

    [WolverineGet("/api/reviews/cases/{outputId}", Name = "GetCase"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Reports")]
    [ProducesResponseType<OutputRecord>(200)]
    public static async Task<IResult> GetOne(Guid outputId, IQuerySession session, HttpContext http, CancellationToken ct)
    {
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

/// <summary>GET /api/reviews/outputs?region=&amp;q=&amp;kind=&amp;year= — every kind of output in the region, searched by Chinese substring.</summary>
public static class SearchOutputsEndpoint
{
    [WolverineGet("/api/reviews/outputs", Name = "SearchOutputs"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Reports")]
    [ProducesResponseType<Page<CaseRow>>(200)]
    public static async Task<IResult> Get(string? region, string? q, string? kind, int? year, int? page, int? pageSize,
        NpgsqlDataSource data, IDocumentStore store, HttpContext http, CancellationToken ct)
    {
        var caller = Caller.From(http.User);
        var scope = region ?? caller.Region ?? "";
        var query = q?.Trim();
        var problem = Paging.Check(page, pageSize)
                      ?? (!Region.IsScope(scope) ? Problems.Invalid("region", "must be a six-digit region code") : null)
                      ?? (!caller.CoversCode(scope) ? Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {scope}.") : null)
                      ?? (kind is not null && !Codes.TryParse<OutputKind>(kind, out _) ? Problems.Invalid("kind", $"allowed: {Codes.Allowed<OutputKind>()}") : null)
                      ?? (query is { Length: > 50 } ? Problems.Invalid("q", "at most 50 characters") : null);
        if (problem is not null) return Results.Problem(problem);
        // Reviewers see what a school has approved, not drafts.
        var search = new OutputSearch
        {
            Scope = scope, Kinds = kind is null ? null : [kind], Year = year, Q = string.IsNullOrEmpty(query) ? null : query,
            States = [OutputState.Approved.Code(), OutputState.Recommended.Code()],
        };
        var number = page ?? 1;
        var size = pageSize ?? 20;
        var rows = (await search.Page(data, store.Options.Serializer(), (number - 1) * size, size, ct))
            .Select((r, i) => CaseRow.Of((number - 1) * size + i + 1, r, search.Q)).ToList();
        return Results.Ok(new Page<CaseRow>(rows, number, size, await search.Count(data, ct)));
    }
}
