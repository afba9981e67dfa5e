using Workshops.Core.Contract;
using Workshops.Core.Http;

namespace Workshops.Submissions;

/// <summary>The provincial submission's part of the contract (seed 001 四).</summary>
public static class SubmissionsDocs
{
    private const string Year = "A calendar year from 2000 to this year (a package is for a year that has begun).";

    public static readonly ApiDocs Docs = new(
        [new TagDoc("Submissions", "省级报送 (the provincial submission, seed 001 四): a province's reviewers assemble the year's package — the " +
                                   "阶段性工作小结 (progress summary), the Annex 2 table of its vocational studios and 1–2 typical cases (典型案例) " +
                                   "with Annex 3 — and submit it by the deadline; the package is frozen at submission and the ministry " +
                                   "acknowledges receipt.", 18)],
        [
            new("OpenSubmission", "Open a province's package for a year",
                "A reviewer of the province (a token whose region is the province's code) opens the package with its deadline, a Chinese " +
                "calendar day that still counts as in time. Opening again with the same deadline answers the same.",
                ["submission.not-open", "submission.deadline-differs"], new OpenSubmission(new DateOnly(2026, 12, 15)),
                [new ParameterDoc("year", Year, RequestGuards.FirstYear)]),
            new("WriteSubmissionSummary", "Write the 阶段性工作小结",
                "Writes or rewrites the province's progress summary while the package is open.",
                ["submission.not-open"],
                new WriteSubmissionSummary("本年度全省职业院校班主任能力提升工作室围绕“三全育人”开展主题研修，形成典型案例十余篇。"),
                [new ParameterDoc("year", Year, RequestGuards.FirstYear)]),
            new("PickSubmissionCase", "Pick a typical case for the package",
                "Adds an approved or recommended typical case (典型案例) of one of the province's vocational studios, of the package's year; a " +
                "package carries one or two (seed 001 四: 1—2个典型案例). Picking the same case again answers the same.",
                ["submission.cases.max", "submission.case-not-typical", "submission.case-not-approved", "submission.case-not-vocational",
                 "submission.case-outside-province", "submission.case-other-year", "submission.case-unknown", "submission.not-open"],
                new PickSubmissionCase(Guid.Parse("0195d2a0-7c00-7000-8000-000000000001")),
                [new ParameterDoc("year", Year, RequestGuards.FirstYear)]),
            new("DropSubmissionCase", "Drop a picked case from the package",
                "Takes a picked typical case out of the package while it is open, to pick another in its place; dropping a case that is not in " +
                "the package answers the same. A submitted package is frozen.",
                ["submission.not-open"], Parameters: [new ParameterDoc("year", Year, RequestGuards.FirstYear)]),
            new("SubmitPackage", "Submit the package",
                "Submits the package by its deadline: the summary and the cases are checked again, and Annex 2 and the cases are frozen as they " +
                "stand at this moment; later changes to studios or cases do not alter it.",
                ["submission.late", "submission.summary.required", "submission.cases.min", "submission.case-", "submission.not-open"],
                Parameters: [new ParameterDoc("year", Year, RequestGuards.FirstYear)]),
            new("AcknowledgeSubmission", "Acknowledge receipt of a package (the ministry)",
                "A national reviewer (region 000000) acknowledges receipt of a submitted package, once.",
                ["submission.not-submitted"], Parameters: [new ParameterDoc("year", Year, RequestGuards.FirstYear)]),
            new("GetSubmission", "Read a province's package",
                "The package with its state, summary, chosen cases and, once submitted, the frozen Annex 2 rows and cases with who did what and " +
                "when; `format=xlsx` gives the submitted package as one workbook (the summary, Annex 2 and Annex 3 with the full case text).",
                ["submission.not-submitted"], Parameters: [new ParameterDoc("year", Year, RequestGuards.FirstYear)]),
        ],
        [
            new("submission.not-open", "The package was submitted and is frozen.", "Nothing can change in a submitted package; read it instead."),
            new("submission.deadline-differs", "The package is open already with another deadline.", "Open it with the deadline it has, or leave it as it is."),
            new("submission.cases.max", "A package carries at most two typical cases (seed 001 四).", "Submit with the two cases already picked."),
            new("submission.cases.min", "A package carries at least one typical case (seed 001 四).", "Pick one or two cases first (POST …/cases)."),
            new("submission.case-not-typical", "The output is not a typical case (典型案例).", "Pick an output of the kind typical case."),
            new("submission.case-not-approved", "The case is not approved or recommended (drafts, submitted and returned outputs never count).",
                "Wait until the case is approved, or pick another."),
            new("submission.case-not-vocational", "The case is of a K-12 workshop; the package is for vocational studios (seed 001).",
                "Pick a case of a vocational studio."),
            new("submission.case-outside-province", "The case is of a studio outside the package's province.", "Pick a case of the province's own studios."),
            new("submission.case-other-year", "The case is of another year than the package.", "Pick a case of the package's year."),
            new("submission.case-unknown", "A picked case is no longer there.", "Pick another case."),
            new("submission.summary.required", "The package has no 阶段性工作小结 yet.", "Write the summary first (PUT …/summary)."),
            new("submission.late", "The deadline has passed.", "Ask the ministry for a new deadline; the package cannot be submitted late."),
            new("submission.not-submitted", "The package has not been submitted yet.", "Submit it first; receipt and the workbook follow submission."),
        ]);
}
