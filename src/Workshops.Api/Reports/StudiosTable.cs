using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Outputs;
using Workshops.Standards;
using Workshops.Studios;

namespace Workshops.Reports;

/// <summary>A row of the Annex 2 info table (建设情况信息表) of seed 001.</summary>
public sealed record StudioRow(
    int Number,
    Guid StudioId,
    string Province,
    string City,
    string? District,
    string School,
    string Studio,
    StudioLevel Level,
    Track Track,
    bool Rural,
    string? Host,
    int Members,
    int Trainees,
    BuildMode Mode,
    DateOnly Founded,
    int Activities,
    decimal Hours,
    IReadOnlyDictionary<OutputKind, int> OutputsByKind,
    string Standard,
    int ChecklistMet,
    int ChecklistTotal,
    string? Assessment)
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "序号", "省份", "地市", "区县", "学校名称", "工作室名称", "级别", "类型", "是否农村", "主持人", "成员人数", "研修人员人数", "建设模式",
        "成立时间", "活动次数", "活动学时", .. Enum.GetValues<OutputKind>().Select(k => $"成果：{k.Label()}"), "达标项", "指标总数", "年度考核",
    ];

    public object?[] Cells() =>
    [
        Number, Province, City, District, School, Studio, Level.Label(), Track.Label(), Rural, Host, Members, Trainees, Mode.Label(), Founded,
        Activities, Hours, .. Enum.GetValues<OutputKind>().Select(k => (object)OutputsByKind.GetValueOrDefault(k)), ChecklistMet, ChecklistTotal,
        Assessment,
    ];

    public static StudioRow Of(int number, ChecklistFacts f, Standard standard)
    {
        var s = f.Studio;
        var year = f.ThisYear;
        var checklist = Checklist.Of(standard, f);
        return new StudioRow(number, s.Id, s.Region.Province, s.Region.City, s.Region.District, s.School, s.Name, s.Level, s.Track, s.Rural,
            s.Host?.Teacher.Name, s.Members.Count, s.Trainees.Count, s.Mode, s.FoundedOn, year.ActivityCount, year.ActivityHours,
            year.Outputs.Where(o => OutputRules.Counts(o.State)).GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count()), standard.Code, checklist.Summary.Met,
            checklist.Summary.Total, year.Assessment?.Result.Label());
    }
}

/// <summary>
/// GET /api/reviews/studios?region=&amp;year=&amp;standard=&amp;page=&amp;pageSize=&amp;format= — the Annex 2 table, one row per
/// studio in the caller's region, in a stable order. JSON pages; CSV and XLSX stream pages of Exports:MaxRows rows.
/// </summary>
public static class StudiosTableEndpoint
{
    [WolverineGet("/api/reviews/studios", Name = "StudiosTable"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Reports")]
    [ProducesResponseType<Page<StudioRow>>(200)]
    public static async Task Get(string? region, int? year, string? standard, int? page, int? pageSize, string? format,
        IQuerySession session, HttpContext http, TimeProvider clock, ExportOptions exports, CancellationToken ct)
    {
        var (kind, problem) = Exports.Choose(http, format);
        var caller = Caller.From(http.User);
        var scope = region ?? caller.Region ?? "";
        problem ??= Paging.Check(page, pageSize)
                    ?? (!Region.IsScope(scope) ? Problems.Invalid("region", "must be a six-digit region code") : null)
                    ?? (!caller.CoversCode(scope) ? Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {scope}.") : null);
        var today = clock.Today();
        var y = year ?? today.Year;
        if (problem is null && (y < 1990 || y > today.Year)) problem = Problems.Invalid("year", $"must be a year up to {today.Year}");
        var chosen = standard is null ? null : (await StandardsLibrary.All(session, ct)).FirstOrDefault(s => s.Code == standard);
        if (problem is null && standard is not null && chosen is null) problem = Problems.Invalid("standard", "is not a known standard");
        if (problem is not null)
        {
            await http.WriteProblem(problem);
            return;
        }

        async Task<IReadOnlyList<StudioRow>> Rows(int offset, int take)
        {
            var studios = await ReportData.Studios(session, scope, offset, take, ct);
            var facts = await ReportData.Facts(session, studios, y, today, ct);
            var defaults = chosen is null ? await StandardsLibrary.Defaults(session, ct) : null;
            return facts.Select((f, i) => StudioRow.Of(offset + i + 1, f, chosen ?? defaults!(f.Studio))).ToList();
        }

        if (kind == ExportFormat.Json)
        {
            var number = page ?? 1;
            var size = pageSize ?? 20;
            var total = await ReportData.Count(session, scope, ct);
            await http.Response.WriteAsJsonAsync(new Page<StudioRow>(await Rows((number - 1) * size, size), number, size, total), Json.Wire, ct);
            return;
        }

        var (start, count) = Exports.Page(http, await ReportData.Count(session, scope, ct), page ?? 1, exports.MaxRows);
        async IAsyncEnumerable<object?[]> All()
        {
            for (var offset = start; offset < start + count; offset += ReportData.Batch)
            {
                var take = Math.Min(ReportData.Batch, start + count - offset);
                var rows = await Rows(offset, take);
                foreach (var row in rows) yield return row.Cells();
                if (rows.Count < take) yield break;
            }
        }
        await Exports.Write(http, kind, $"工作室建设情况信息表-{scope}-{y}", [new Table("建设情况信息表", StudioRow.Headers, All())]);
    }
}
