using Workshops.Core.Contract;

namespace Workshops.Years;

/// <summary>The studio year's part of the contract.</summary>
public static class YearsDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Years", "A studio's year at a glance (年度视图): the plan against the ledger, activities by kind and domain, each " +
                             "teacher's hours, outputs, the year-end summary (年终总结), reflections, hearings and the assessment.", 6)],
        [
            new("GetYear", "Read a studio's year",
                "The year view; `asOf` gives it as recorded by the end of that day. Kept once computed: an unchanged year answers " +
                "If-None-Match with 304."),
            new("WriteSummary", "Write the year-end summary (年终总结)", "The host's summary of the year; writing again revises it and keeps the earlier text.",
                ["summary."], new WriteSummary("2025年，工作坊围绕“家校共育”主题开展教研会10次、示范课4节，形成典型案例3篇……")),
            new("RecordReflection", "Add a reflection",
                "A periodic reflection and the adjustments to strategy it led to (dated today unless `date` says otherwise). The host and the studio's members may add reflections. " +
                "Answers 201 with the `reflectionId` and the `url` (and `Location`) that reads it in the year of its date.",
                ["reflection."], new RecordReflection("青年班主任对主题班会设计仍缺少抓手。", "下月起每次教研会安排一节班会课例打磨。", new DateOnly(2025, 4, 30))),
            new("GetReflection", "Read one reflection", "One reflection of the studio's year: its date, text, the adjustments it led to and who recorded it when."),
        ],
        [
            new("summary.year-out-of-range", "A summary is written for a year from the founding year to this year.", "Choose a year in that range."),
            new("reflection.date-before-founding", "The reflection's date is before the studio was founded.", "Check the date."),
        ]);
}
