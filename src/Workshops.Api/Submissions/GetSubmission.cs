using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core.Contract;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Reference;
using Workshops.Reports;
using Workshops.Studios;

namespace Workshops.Submissions;

/// <summary>A package as reviewers read it: the package as stored (frozen rows once submitted), with the names people read beside the codes.</summary>
public sealed record SubmissionView(string? ProvinceName, string StateLabel, Submission Package);

/// <summary>
/// GET /api/regions/{code}/submissions/{year}?format= — the province's package: JSON, or once submitted one XLSX
/// workbook (the summary, Annex 2 and Annex 3 with the full case texts, wrapped), as frozen at the submission moment.
/// The province's reviewers and national reviewers read it.
/// </summary>
public static class GetSubmissionEndpoint
{
    /// <summary>The summary sheet's name and columns.</summary>
    public const string SummarySheet = "阶段性工作小结";

    [Formats("json", "xlsx")]
    [WolverineGet("/api/regions/{code}/submissions/{year}", Name = "GetSubmission"), Authorize(Policy = Policies.RegionManage)]
    [Tags("Submissions")]
    [ProducesResponseType<SubmissionView>(200)]
    public static async Task Get(string code, int year, string? format, IQuerySession session, HttpContext http, CancellationToken ct)
    {
        var (kind, problem) = Exports.Choose(http, format);
        problem ??= SubmissionStream.Route(code, year)
                    ?? (kind == ExportFormat.Csv ? Problems.Invalid("format", "allowed: json, xlsx (a package is one workbook)") : null);
        var package = problem is null ? await session.LoadAsync<Submission>(SubmissionStreams.IdOf(code, year), ct) : null;
        if (problem is null && package is null) problem = Problems.NotFound($"No package of {code} for {year} has been opened.");
        if (problem is null && kind == ExportFormat.Xlsx && !SubmissionRules.Submitted(package!))
            problem = Problems.Rule("submission.not-submitted", "The workbook is the package as submitted; it has not been submitted.");
        if (problem is not null)
        {
            await http.WriteProblem(problem);
            return;
        }
        if (kind == ExportFormat.Json)
        {
            await http.Response.WriteAsJsonAsync(new SubmissionView(Divisions.Name(package!.Province), package.State.Label(), package), Json.Wire, ct);
            return;
        }
        await Exports.Write(http, ExportFormat.Xlsx, $"{Divisions.Name(code) ?? code}-{year}-报送材料", Workbook(package!));
    }

    /// <summary>The workbook: the summary sheet, Annex 2 and Annex 3 as frozen.</summary>
    public static IReadOnlyList<Table> Workbook(Submission p)
    {
        var track = Track.Vocational;
        object?[] Line(string item, object? value) => [item, value];
        var summary = new List<object?[]>
        {
            Line("省份", Divisions.Name(p.Province) ?? p.Province), Line("区划代码", p.Province), Line("年度", p.Year), Line("状态", p.State.Label()),
            Line("报送截止日期", p.Deadline), Line("附件2统计日期", p.JudgedOn), Line("报送人", p.Submitted?.By.Name),
            Line("报送时间", p.Submitted?.At.ToOffset(Writes.ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss")),
            Line("接收人", p.Received?.By.Name), Line("接收时间", p.Received?.At.ToOffset(Writes.ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss")),
            Line("典型案例数", p.CaseRows.Count), Line("阶段性工作小结", p.Summary),
        };
        return
        [
            new Table(SummarySheet, ["项目", "内容"], Exports.Of(summary, r => r), new Dictionary<string, double> { ["项目"] = 16, ["内容"] = 100 }),
            new Table(StudiosTableEndpoint.Title(track), StudioRow.Headers(track), Exports.Of(p.Studios, r => r.Cells()), StudioRow.Widths),
            new Table(CasesTableEndpoint.Title(track), CaseRow.Headers, Exports.Of(p.CaseRows, r => r.Cells()), CaseRow.Widths),
        ];
    }
}
