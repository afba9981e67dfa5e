using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Contract;
using Workshops.Core.Http;
using Workshops.Evaluations;
using Workshops.Growth;
using Workshops.Reference;
using Workshops.Roster;
using Workshops.Standards;
using Workshops.Studios;
using Workshops.Years;
using Workshops.Views;

namespace Workshops.Reports;

/// <summary>A person of the roster; hours are credited this year in this studio, and in total (other studios, outside training).</summary>
public sealed record ReportPerson(string TeacherId, string Name, RosterRole Role, string School, string Title, int HeadTeacherYears,
    bool Serving, bool Rural, decimal StudioHoursThisYear, decimal TotalHoursThisYear, Tier? Tier, IReadOnlyList<RecognitionTitle> RecognisedThisYear);

/// <summary>
/// The studio annual report: roster, plan vs ledger, activities, outputs, growth, checklist and assessment, and the
/// anonymous evaluations of the year's activities (seed 004 八: per activity and pooled, each only from five on).
/// </summary>
[Labelled]
public sealed record AnnualReport(
    Guid StudioId,
    string StudioName,
    string School,
    Region Region,
    StudioLevel Level,
    Track Track,
    BuildMode Mode,
    int Year,
    DateOnly AsOf,
    IReadOnlyList<ReportPerson> Roster,
    PlanSummary? Plan,
    LedgerCounts Ledger,
    ActivitySummary Activities,
    OutputSummary Outputs,
    string Standard,
    Tally Checklist,
    IReadOnlyList<UnmetItem> ChecklistOpen,
    Assessment? Assessment,
    Workshops.Evaluations.StudioYearEvaluations? Evaluations = null)
{
    public static AnnualReport Of(ChecklistFacts f, Standard standard)
    {
        var s = f.Studio;
        var year = f.ThisYear;
        var people = s.CurrentRoster().Select(r =>
        {
            var file = f.Teachers.GetValueOrDefault(r.Teacher.Id);
            var credits = file?.CreditsAt(History.EndOf(f.AsOf), f.AsOf).Where(c => c.Date.Year == f.Year).ToList() ?? [];
            return new ReportPerson(r.Teacher.Id, r.Teacher.Name, r.Role, r.Teacher.School, r.Teacher.Title,
                Service.FullYears(r.Teacher.HeadTeacherSince, f.AsOf), r.Teacher.ServingAsHeadTeacher, r.Teacher.Rural,
                credits.Where(c => c.StudioId == s.Id).Sum(c => c.Hours), credits.Sum(c => c.Hours),
                file is null || file.Tiers.Count == 0 ? null : file.Tiers.Max(t => t.Tier),
                [.. file?.Recognitions.Where(x => x.Year == f.Year).Select(x => x.Title) ?? []]);
        }).ToList();
        var checklist = Standards.Checklist.Of(standard, f);
        return new AnnualReport(s.Id, s.Name, s.School, s.Region, s.Level, s.Track, s.Mode, f.Year, f.AsOf, people,
            year.Plan is { } p ? new PlanSummary(p.Goals, p.Revision, p.Tasks.Count, p.Approval is not null, p.Approval) : null,
            LedgerView.Count(year.Tasks, f.AsOf), YearView.SummarizeActivities(year), YearView.SummarizeOutputs(year),
            standard.Code, checklist.Summary,
            [.. checklist.Items.Where(i => i.Status != ItemStatus.Met).Select(i => new UnmetItem(i.Code, i.Title, i.Status, Standards.Checklist.ReasonOf(i)))],
            year.Assessment);
    }

    public IReadOnlyList<Table> Tables() =>
    [
        new("概况", ["项目", "内容"], Exports.Of(new (string, object?)[]
        {
            // Names where people read them (seed 001's tables name places), the most precise code beside them.
            ("工作室", StudioName), ("学校", School), ("省", Divisions.Name(Region.Province) ?? Region.Province),
            ("市", Divisions.Name(Region.City) ?? Region.City), ("区县", Region.District is null ? null : Divisions.Name(Region.District) ?? Region.District),
            ("行政区划代码", Region.Code),
            ("级别", Level.Label()), ("类型", Track.Label()), ("建设模式", Mode.Label()), ("年度", Year), ("统计截至", AsOf),
            ("年度计划", Plan is null ? "未制订" : Plan.Approved ? $"已审定（第{Plan.Revision}稿）" : $"待审定（第{Plan.Revision}稿）"),
            ("任务台账：开展/销账/结转/取消/逾期", $"{Ledger.Opened}/{Ledger.Closed}/{Ledger.CarriedOver}/{Ledger.Cancelled}/{Ledger.Overdue}"),
            ("活动次数", Activities.Count), ("活动学时", Activities.Hours), ("成果数", Outputs.Count),
            ($"达标情况（{Standard}）", $"{Checklist.Met}/{Checklist.Total}"), ("年度考核", Assessment?.Result.Label() ?? "未考核"),
        }, x => [x.Item1, x.Item2])),
        new("人员", ["教师编号", "姓名", "角色", "学校", "职称", "班主任年限", "仍任班主任", "农村", "本坊本年学时", "本年总学时", "层级", "本年认定"],
            Exports.Of(Roster, p => [p.TeacherId, p.Name, p.Role.Label(), p.School, p.Title, p.HeadTeacherYears, p.Serving, p.Rural,
                p.StudioHoursThisYear, p.TotalHoursThisYear, p.Tier?.Label(), string.Join("、", p.RecognisedThisYear.Select(t => t.Label()))])),
        new("活动（按类型）", ["类型代码", "类型", "次数", "学时"], Exports.Of(Activities.ByKind, c => [c.Code, c.Label, c.Count, c.Hours])),
        new("活动（按领域）", ["领域代码", "领域", "次数", "学时"], Exports.Of(Activities.ByDomain, c => [c.Code, c.Label, c.Count, c.Hours])),
        new("成果", ["分类", "代码", "名称", "数量"], Exports.Of(
            Outputs.ByKind.Select(c => ("按类型", c)).Concat(Outputs.ByState.Select(c => ("按状态", c))),
            x => [x.Item1, x.c.Code, x.c.Label, x.c.Count])),
        new("未达标项", ["指标", "名称", "状态", "说明"], Exports.Of(ChecklistOpen, i => [i.Code, i.Title, i.Status.Label(), i.Reason])),
        new("匿名评价", ["活动", "日期", "评价数", .. Enum.GetValues<Question>().Select(q => q.Label())], Exports.Of(
            (Evaluations?.Activities.Select(a => (a.Title, (DateOnly?)a.Date, a.Results)) ?? [])
                .Append(("全年合计（仅含达到5份的活动）", null, Evaluations?.Pooled ?? EvaluationResultsRules.Hidden)),
            x => [x.Item1, x.Item2, x.Results.Shown ? (object?)x.Results.Responses : "不足5份，不显示",
                .. Enum.GetValues<Question>().Select(q => (object?)x.Results.Questions.FirstOrDefault(r => r.Question == q)?.Mean)])),
    ];
}

/// <summary>GET /api/studios/{id}/reports/annual/{year}?standard=&amp;format=json|csv|xlsx — the studio annual report.</summary>
public static class AnnualReportEndpoint
{
    [WolverineGet("/api/studios/{id}/reports/annual/{year}", Name = "GetAnnualReport"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Reports")]
    [ProducesResponseType<AnnualReport>(200)]
    public static async Task Get(Guid id, int year, string? standard, string? format, IQuerySession session, HttpContext http,
        ViewMemo memo, TimeProvider clock, CancellationToken ct)
    {
        var (kind, problem) = Exports.Choose(http, format);
        var today = clock.Today();
        var check = new Check().Also(problem).When(year < 1990 || year > today.Year, "year", $"must be a year up to {today.Year}");
        if (!check.Ok)
        {
            await http.WriteProblem(check.Result());
            return;
        }
        var key = ViewMemo.Key("annual-report", id, year, standard);
        if (kind == ExportFormat.Json && await memo.Kept(http, key, ct) is { } kept)
        {
            await kept.ExecuteAsync(http);
            return;
        }
        ViewMemo.Taken? taken = null;
        // A past year is judged on its last day.
        var facts = await ChecklistFactsLoader.Load(session, id, year, null, today, ct, judgedOn: year < today.Year ? new DateOnly(year, 12, 31) : null,
            reading: kind == ExportFormat.Json ? async inputs => taken = await memo.Take(http, inputs, ct) : null);
        if (facts is null)
        {
            await http.WriteProblem(Problems.NotFound($"No studio {id}."));
            return;
        }
        var chosen = await StandardsLibrary.For(session, facts.Studio, standard, ct);
        if (chosen is null)
        {
            await http.WriteProblem(Problems.Invalid("standard", "is not a known standard"));
            return;
        }
        var report = AnnualReport.Of(facts, chosen) with { Evaluations = await EvaluationReads.OfYear(session, id, year, ct) };
        if (kind == ExportFormat.Json) await (await memo.Keep(http, key, taken, report, ct)).ExecuteAsync(http);
        else await Exports.Write(http, kind, $"{report.StudioName}-{year}年度报告", report.Tables());
    }
}
