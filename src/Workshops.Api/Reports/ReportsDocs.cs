using Workshops.Outputs;
using Workshops.Core.Contract;
using Workshops.Core.Http;

namespace Workshops.Reports;

/// <summary>The reports' part of the contract.</summary>
public static class ReportsDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Reports", "What reviewers and schools read across studios: a studio's annual report, the Annex 2 table of studios, " +
                               "the Annex 3 table of typical cases (典型案例) with Chinese full-text search, the outputs of a region and the " +
                               "regional dashboard against the 2030 targets (seed 000). The tables export as CSV or XLSX (`format`), a page of " +
                               "rows at a time.", 11)],
        [
            new("GetAnnualReport", "Read a studio's annual report",
                "The year's report (roster, plan and ledger, activities, outputs, checklist, assessment) as JSON, CSV or XLSX; the JSON answer " +
                "is kept once computed and answers If-None-Match with 304.",
                Parameters: [new ParameterDoc("year", "A calendar year from 2000 to this year (a later year is refused).", RequestGuards.FirstYear)]),
            new("StudiosTable", "The table of studios (Annex 2)",
                "One row per studio in the caller's region for a year, in a stable order: JSON pages, or CSV/XLSX pages of at most Exports:MaxRows rows.",
                Parameters: [new ParameterDoc("year", "A calendar year from 2000 to this year (a later year is refused): the table as the studios stood at its end " +
                    "(today while it runs). Without it, the year of `asOf` when that is given, else this year.", RequestGuards.FirstYear)]),
            new("WorkshopsTable", "The table of K-12 workshops",
                "The Annex 2 table for seed 000's K-12 head-teacher workshops (中小学班主任工作坊建设情况表): one row per workshop in the caller's " +
                "region for a year, as it stood at the year's end (today while the year runs, or `asOf`), items met counted against the " +
                "K-12 standard. JSON pages, or CSV/XLSX pages of at most Exports:MaxRows rows.",
                Parameters: [new ParameterDoc("year", "A calendar year from 2000 to this year (a later year is refused): the table as the studios stood at its end " +
                    "(today while it runs). Without it, the year of `asOf` when that is given, else this year.", RequestGuards.FirstYear)]),
            new("WorkshopCasesTable", "The table of the K-12 workshops' typical cases",
                "Typical cases (典型案例) of seed 000's K-12 workshops recommended to or above the caller's level within their region, as the " +
                "Annex 3 table lists them; `q` finds any Chinese substring of the title, abstract or body. JSON pages, or CSV/XLSX.",
                Parameters: [new ParameterDoc("year", "Only cases dated in this calendar year. Without it, cases of every year; each row's `year` says its year.", RequestGuards.FirstYear, RequestGuards.LastYear)]),
            new("CasesTable", "The table of typical cases (Annex 3)",
                "Typical cases (典型案例) recommended to or above the caller's level within their region; `q` finds any Chinese substring of the " +
                "title, abstract or body. JSON pages, or CSV/XLSX.",
                Parameters: [new ParameterDoc("year", "Only cases dated in this calendar year. Without it, cases of every year; each row's `year` says its year.", RequestGuards.FirstYear, RequestGuards.LastYear)]),
            new("GetCase", "Read a typical case", "One case in full (at most 3000 characters), when it is recommended within the caller's region."),
            new("SearchOutputs", "Search the outputs of a region", "Every kind of approved output in the caller's region, searched by Chinese substring, as summaries.",
                Parameters:
                [
                    new ParameterDoc("kind", "Only outputs of this kind (成果).", Codes: typeof(OutputKind)),
                    new ParameterDoc("year", "Only outputs dated in this calendar year. Without it, outputs of every year; each row's `year` says its year.", RequestGuards.FirstYear, RequestGuards.LastYear),
                ]),
            new("RegionDashboard", "Read a region's dashboard",
                "Studios, leaders, backbone and expert head teachers, rural backbone and leaders against the 2030 targets of seed 000, the rural " +
                "head teachers trained, and the progress by year.",
                Parameters: [new ParameterDoc("year", "A calendar year from 2000 to this year (a later year is refused): the region at that year's end, and the progress up to it. " +
                    "Without it, this year.", RequestGuards.FirstYear)]),
        ],
        [],
        [
            new ParameterDoc("category", "Only cases of this case-library category.", Codes: typeof(CaseCategory)),
            new ParameterDoc("level", "Only cases recommended to this level or above.", Codes: typeof(RecommendationLevel)),
        ]);
}
