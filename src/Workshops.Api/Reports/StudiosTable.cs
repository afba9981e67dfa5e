using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Outputs;
using Workshops.Standards;
using Workshops.Reference;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Teachers;
using Workshops.Years;

namespace Workshops.Reports;

/// <summary>A person of a studio as a table lists them: school, subject and title as they stood on the table's day.</summary>
public sealed record TablePerson(string TeacherId, string Name, RosterRole Role, string RoleLabel, string School, string Subject, string Title)
{
    /// <summary>
    /// The roster entry, with school, subject and title from the teacher's record as of the day when there is one
    /// (a title conferred later is not shown for an earlier year); else as the school entered them on joining.
    /// </summary>
    public static TablePerson Of(RosterEntry entry, TeacherRecord? record, DateOnly day)
    {
        var t = entry.Teacher;
        var facts = record is null ? null : TeacherFacts.AsOfDay(record, day);
        return new(t.Id, t.Name, entry.Role, entry.Role.Label(), facts?.School is { Length: > 0 } school ? school : t.School,
            facts?.Subject is { Length: > 0 } subject ? subject : t.Subject, facts?.Title?.Label() ?? t.Title);
    }

    public string Cell() => $"{Name}（{School}/{Subject}/{Title}）";
}

/// <summary>An expert of a studio as a table lists them.</summary>
public sealed record TableExpert(string Id, string Name, ExpertKind Kind, string KindLabel, string Organisation, string? Title)
{
    public string Cell() => $"{Name}（{KindLabel}，{Organisation}{(Title is null ? "" : "/" + Title)}）";
}

/// <summary>
/// A row of the Annex 2 info table of seed 001 (中等职业学校班主任工作室建设情况信息表), or of the K-12 workshops' table.
/// Codes and ids stay beside the names and labels people read: region codes with their division names, teacher ids
/// with names, enumeration codes with their Chinese labels.
/// </summary>
public sealed record StudioRow(
    int Number,
    Guid StudioId,
    string Province,
    string? ProvinceName,
    string City,
    string? CityName,
    string? District,
    string? DistrictName,
    string School,
    string Studio,
    StudioLevel Level,
    string LevelLabel,
    Track Track,
    string TrackLabel,
    bool Rural,
    string? HostId,
    string? Host,
    string? CoordinatorId,
    string? Coordinator,
    int Members,
    int Trainees,
    IReadOnlyList<TablePerson> People,
    IReadOnlyList<TableExpert> Experts,
    string? SchoolLeader,
    string? Department,
    BuildMode Mode,
    string ModeLabel,
    DateOnly Founded,
    int Activities,
    decimal Hours,
    IReadOnlyDictionary<OutputKind, int> OutputsByKind,
    string Standard,
    string StandardTitle,
    int ChecklistMet,
    int ChecklistTotal,
    AssessmentResult? AssessmentCode,
    string? Assessment)
{
    /// <summary>
    /// The columns of a track's table. The items met are counted against the track's standard in a column named by it
    /// (seed 001 附件1's 32 items; seed 000's 4 workshop items), so the two totals never share a column.
    /// </summary>
    public static IReadOnlyList<string> Headers(Track track) =>
    [
        "序号", "省份", "地市", "区县", "区划代码", "学校名称", "工作室名称", "级别", "类型", "是否农村", "主持人", "负责人",
        "成员（学校/学科/职称）", "研修人员（学校/学科/职称）", "专家", "主管校领导", "责任部门", "建设模式", "成立时间", "活动次数", "活动学时",
        .. Enum.GetValues<OutputKind>().Select(k => $"成果：{k.Label()}"), "建设标准", "标准代码",
        track == Track.Vocational ? "达标项数（建设标准32项）" : "达标项数（工作坊4项）", "指标总数", "年度考核",
    ];

    /// <summary>Column widths (in characters) for the lists of people; XLSX cells wrap.</summary>
    public static readonly IReadOnlyDictionary<string, double> Widths = new Dictionary<string, double>
    {
        ["学校名称"] = 24, ["工作室名称"] = 30, ["成员（学校/学科/职称）"] = 60, ["研修人员（学校/学科/职称）"] = 60, ["专家"] = 40,
    };

    public object?[] Cells() =>
    [
        Number, ProvinceName ?? Province, CityName ?? City, District is null ? null : DistrictName ?? District, District ?? City, School, Studio,
        LevelLabel, TrackLabel, Rural, Host, Coordinator,
        string.Join("；", People.Where(p => p.Role == RosterRole.Member).Select(p => p.Cell())),
        string.Join("；", People.Where(p => p.Role == RosterRole.Trainee).Select(p => p.Cell())),
        string.Join("；", Experts.Select(e => e.Cell())), SchoolLeader, Department, ModeLabel, Founded, Activities, Hours,
        .. Enum.GetValues<OutputKind>().Select(k => (object)OutputsByKind.GetValueOrDefault(k)), StandardTitle, Standard, ChecklistMet,
        ChecklistTotal, Assessment,
    ];

    public static StudioRow Of(int number, ChecklistFacts f, Standard standard, IReadOnlyDictionary<string, TeacherRecord> records)
    {
        var s = f.Studio;
        var year = f.ThisYear;
        var checklist = Checklist.Of(standard, f);
        var people = s.CurrentRoster().Select(r => TablePerson.Of(r, records.GetValueOrDefault(r.Teacher.Id), f.AsOf)).ToList();
        return new StudioRow(number, s.Id, s.Region.Province, Divisions.Name(s.Region.Province), s.Region.City, Divisions.Name(s.Region.City),
            s.Region.District, Divisions.Name(s.Region.District), s.School, s.Name, s.Level, s.Level.Label(), s.Track, s.Track.Label(), s.Rural,
            s.Host?.Teacher.Id, s.Host?.Teacher.Name, s.Coordinator?.Teacher.Id, s.Coordinator?.Teacher.Name, s.Members.Count, s.Trainees.Count,
            people, [.. s.Experts.Select(e => new TableExpert(e.Expert.Id, e.Expert.Name, e.Expert.Kind, e.Expert.Kind.Label(), e.Expert.Organisation, e.Expert.Title))],
            s.SchoolLeader, s.Department, s.Mode, s.Mode.Label(), s.FoundedOn, year.ActivityCount, year.ActivityHours,
            year.Outputs.Where(o => OutputRules.Counts(o.State)).GroupBy(o => o.Kind).ToDictionary(g => g.Key, g => g.Count()),
            standard.Code, standard.Title, checklist.Summary.Met, checklist.Summary.Total, year.Assessment?.Result, year.Assessment?.Result.Label());
    }

    /// <summary>The teachers' records of a batch of studios' people, by public teacher id (one query).</summary>
    public static async Task<IReadOnlyDictionary<string, TeacherRecord>> Records(IQuerySession session, IEnumerable<ChecklistFacts> facts,
        CancellationToken ct)
    {
        var ids = facts.SelectMany(f => f.Studio.CurrentRoster()).Select(r => TeacherStreams.IdOf(r.Teacher.Id)).Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<string, TeacherRecord>();
        return (await session.LoadManyAsync<TeacherRecord>(ct, ids)).ToDictionary(r => r.TeacherId);
    }
}

/// <summary>
/// GET /api/reviews/studios — the Annex 2 table of seed 001 (中等职业学校班主任工作室建设情况信息表): the vocational studios
/// only. GET /api/reviews/workshops — the same table for seed 000's K-12 workshops (中小学班主任工作坊建设情况表).
/// Both take ?region=&amp;year=&amp;asOf=&amp;standard=&amp;page=&amp;pageSize=&amp;format=: one row per studio in the caller's region, as
/// the studio stood at the year's end (today while the year runs, or asOf): its roster, titles and output states then.
/// JSON pages; CSV and XLSX stream pages of Exports:MaxRows rows.
/// </summary>
public static class StudiosTableEndpoint
{
    [WolverineGet("/api/reviews/studios", Name = "StudiosTable"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Reports")]
    [ProducesResponseType<Page<StudioRow>>(200)]
    public static Task Get(string? region, int? year, string? asOf, string? standard, int? page, int? pageSize, string? format, bool? complete,
        IQuerySession session, IDocumentStore store, Tenants tenants, HttpContext http, TimeProvider clock, ExportOptions exports, CancellationToken ct) =>
        Serve(Track.Vocational, region, year, asOf, standard, page, pageSize, format, complete, session, store, tenants, http, clock, exports, ct);

    [WolverineGet("/api/reviews/workshops", Name = "WorkshopsTable"), Authorize(Policy = Policies.RegionRead)]
    [Tags("Reports")]
    [ProducesResponseType<Page<StudioRow>>(200)]
    public static Task GetWorkshops(string? region, int? year, string? asOf, string? standard, int? page, int? pageSize, string? format,
        bool? complete, IQuerySession session, IDocumentStore store, Tenants tenants, HttpContext http, TimeProvider clock, ExportOptions exports,
        CancellationToken ct) =>
        Serve(Track.K12, region, year, asOf, standard, page, pageSize, format, complete, session, store, tenants, http, clock, exports, ct);

    /// <summary>The table's title: seed 001 附件2 for vocational studios, its K-12 counterpart for seed 000's workshops.</summary>
    public static string Title(Track track) => track == Track.Vocational ? "中等职业学校班主任工作室建设情况信息表" : "中小学班主任工作坊建设情况表";

    private static async Task Serve(Track track, string? region, int? year, string? asOfText, string? standard, int? page, int? pageSize,
        string? format, bool? complete, IQuerySession session, IDocumentStore store, Tenants tenants, HttpContext http, TimeProvider clock,
        ExportOptions exports, CancellationToken ct)
    {
        var (kind, problem) = Exports.Choose(http, format);
        var caller = Caller.From(http.User);
        var scope = region ?? caller.Region ?? "";
        var today = clock.Today();
        var (asOf, badDay) = History.Parse(asOfText, today);
        var y = year ?? asOf?.Year ?? today.Year;
        var chosen = standard is null ? null : await StandardsLibrary.Find(session, standard, ct);
        // Every bad parameter in one 400; the region's reach (403) only once the query itself is sound.
        var check = new Check().Also(problem).Paging(page, pageSize)
            .When(!Region.IsScope(scope), "region", "must be a six-digit region code")
            .Also(badDay)
            .When(y < 2000 || y > today.Year, "year", $"must be a year from 2000 up to {today.Year}")
            .When(asOf is { } d && d.Year < y, "asOf", $"must not be before {y}, the table's year")
            .When(standard is not null && chosen is null, "standard", "is not a known standard");
        problem = !check.Ok ? check.Result()
            : !caller.CoversCode(scope) ? Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {scope}.") : null;
        if (problem is not null)
        {
            await http.WriteProblem(problem);
            return;
        }
        var day = ReportData.JudgedOn(y, asOf, today);
        var until = History.EndOf(day);

        async Task<IReadOnlyList<StudioRow>> RowsIn(IQuerySession province, int offset, int take, CancellationToken token)
        {
            var studios = await ReportData.Studios(province, scope, track, until, offset, take, token);
            var facts = await ReportData.Facts(province, studios, y, day, today, token);
            var defaults = chosen is null ? await StandardsLibrary.Defaults(province, token) : null;
            var records = await StudioRow.Records(province, facts, token);
            return facts.Select((f, i) => StudioRow.Of(offset + i + 1, f, chosen ?? defaults!(f.Studio), records)).ToList();
        }
        Task<IReadOnlyList<StudioRow>> Rows(int offset, int take) => RowsIn(session, offset, take, ct);

        var provinces = tenants.Within(caller, scope);
        if (kind == ExportFormat.Json && tenants.Separate && provinces.Count > 1)
        {
            await National(http, provinces, page ?? 1, pageSize ?? 20, complete, store, tenants,
                (province, token) => ReportData.Count(province, scope, track, until, token), RowsIn, ct);
            return;
        }

        if (tenants.Separate && provinces.Count > 1)
        {
            await NationalExport(http, kind, provinces, page ?? 1, complete, store, tenants, exports,
                (province, token) => ReportData.Count(province, scope, track, until, token), RowsIn, $"{Title(track)}-{scope}-{y}",
                StudioRow.Headers(track), Title(track), ct);
            return;
        }

        if (kind == ExportFormat.Json)
        {
            var number = page ?? 1;
            var size = pageSize ?? 20;
            var total = await ReportData.Count(session, scope, track, until, ct);
            await http.Response.WriteAsJsonAsync(new Page<StudioRow>(await Rows((number - 1) * size, size), number, size, total), Json.Wire, ct);
            return;
        }

        var (start, count) = Exports.Page(http, await ReportData.Count(session, scope, track, until, ct), page ?? 1, exports.MaxRows);
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
        var title = Title(track);
        await Exports.Write(http, kind, $"{title}-{scope}-{y}", [new Table(title, StudioRow.Headers(track), All(), StudioRow.Widths)]);
    }

    /// <summary>
    /// The CSV or XLSX above a province with a database per province: the provinces' counts in parallel, then each
    /// province's run of the export's page in code order, read in batches and numbered across the nation.
    /// </summary>
    private static async Task NationalExport(HttpContext http, ExportFormat kind, IReadOnlyList<string> provinces, int number, bool? complete,
        IDocumentStore store, Tenants tenants, ExportOptions exports, Func<IQuerySession, CancellationToken, Task<int>> count,
        Func<IQuerySession, int, int, CancellationToken, Task<IReadOnlyList<StudioRow>>> rowsIn, string fileName, IReadOnlyList<string> headers,
        string sheet, CancellationToken ct)
    {
        var counts = await tenants.Each(store, provinces, count, ct);
        if (counts.Incomplete(http, complete) is { } incomplete)
        {
            await http.WriteProblem(incomplete);
            return;
        }
        var (first, wanted) = Exports.Page(http, counts.Values.Sum(c => (long)c), number, exports.MaxRows);
        async IAsyncEnumerable<object?[]> All()
        {
            long before = 0;
            foreach (var leg in counts.All.Where(l => l.Failure is null).OrderBy(l => l.Tenant, StringComparer.Ordinal))
            {
                var end = Math.Min(leg.Value, first + wanted - before);
                var from = Math.Max(0, first - before);
                if (from < end)
                {
                    await using var province = tenants.Session(store, leg.Tenant);
                    for (var offset = from; offset < end; offset += ReportData.Batch)
                    {
                        var take = (int)Math.Min(ReportData.Batch, end - offset);
                        var rows = await rowsIn(province, (int)offset, take, ct);
                        foreach (var row in rows) yield return (row with { Number = (int)(before + row.Number) }).Cells();
                        if (rows.Count < take) break;
                    }
                }
                before += leg.Value;
            }
        }
        await Exports.Write(http, kind, fileName, [new Table(sheet, headers, All(), StudioRow.Widths)]);
    }

    /// <summary>
    /// The table above a province with a database per province: its first key is the province code, so each province's
    /// rows are one contiguous run in code order. The provinces' counts are read in parallel, then only the provinces the
    /// page spans are asked for their part of it, and the rows are numbered across the nation.
    /// </summary>
    private static async Task National(HttpContext http, IReadOnlyList<string> provinces, int number, int size, bool? complete,
        IDocumentStore store, Tenants tenants, Func<IQuerySession, CancellationToken, Task<int>> count,
        Func<IQuerySession, int, int, CancellationToken, Task<IReadOnlyList<StudioRow>>> rows, CancellationToken ct)
    {
        var counts = await tenants.Each(store, provinces, count, ct);
        var offset = (number - 1) * size;
        var parts = new List<(string Province, int Offset, int Take, long Before)>();
        long before = 0;
        foreach (var leg in counts.All.Where(l => l.Failure is null).OrderBy(l => l.Tenant, StringComparer.Ordinal))
        {
            var from = Math.Max(0, offset - before);
            var take = Math.Min(leg.Value - from, offset + size - Math.Max(offset, before));
            if (take > 0) parts.Add((leg.Tenant, (int)from, (int)take, before));
            before += leg.Value;
        }
        var found = await tenants.Each(store, parts.Select(p => p.Province), async (province, token) =>
        {
            var part = parts.First(p => p.Province == province.TenantId);
            return (await rows(province, part.Offset, part.Take, token)).Select(r => r with { Number = (int)(part.Before + r.Number) }).ToList();
        }, ct);
        var legs = new Legs<object?>([.. counts.All.Select(l => new Leg<object?>(l.Tenant, null, l.Failure)),
            .. found.All.Where(l => l.Failure is not null).Select(l => new Leg<object?>(l.Tenant, null, l.Failure))]);
        if (legs.Incomplete(http, complete) is { } incomplete)
        {
            await http.WriteProblem(incomplete);
            return;
        }
        var page = found.Values.SelectMany(r => r).OrderBy(r => r.Number).ToList();
        await http.Response.WriteAsJsonAsync(new Page<StudioRow>(page, number, size, counts.Values.Sum(c => (long)c)), Json.Wire, ct);
    }
}
