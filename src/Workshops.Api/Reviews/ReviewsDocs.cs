using Workshops.Core.Contract;
using Workshops.Years;

namespace Workshops.Reviews;

/// <summary>The school's hearings and the reviewers' assessments in the contract.</summary>
public static class ReviewsDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Reviews", "What the school and the reviewers record about a studio: the leadership's hearings of head-teacher work " +
                               "(at least once a semester, seed 001) and the annual assessment (优秀/合格/不合格), which confers titles.", 10)],
        [
            new("HoldHearing", "Record a leadership hearing",
                "The school's leadership heard the studio's head-teacher work on a date; the semester follows from the date.",
                ["hearing."], new HoldHearing(new DateOnly(2025, 4, 15), Note: "校长办公会听取工作坊学期工作汇报。")),
            new("RecordAssessment", "Record the annual assessment",
                "A reviewer records the year's assessment: excellent (优秀), qualified (合格) or not qualified (不合格). A qualified result " +
                "confers the titles of seed 000 on the eligible host and members, once.",
                ["assessment."], new RecordAssessment(AssessmentResult.Excellent, "年度考核优秀。", new DateOnly(2026, 1, 10))),
        ],
        [
            new("hearing.date-before-founding", "The hearing's date is before the studio was founded.", "Check the date."),
            new("assessment.year-out-of-range", "Assessments cover the founding year to this year.", "Choose a year in that range."),
        ]);
}
