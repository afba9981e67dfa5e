using Workshops.Core.Contract;
using Workshops.Core.Http;
using Workshops.Demo;

namespace Workshops.Outputs;

/// <summary>The outputs' part of the contract.</summary>
public static class OutputsDocs
{
    public static readonly ApiDocs Docs = new(
        [new TagDoc("Outputs", "成果 (outputs): what a studio produces — rules and mechanisms, brands, 典型案例 typical cases, publicity " +
                               "platforms, research results, library items and the handbook — and their review path: draft (草稿) → submitted " +
                               "(已提交) → approved by the school (学校已审核) or returned (已退回) → recommended upward (已推荐).", 5)],
        [
            new("DraftOutput", "Draft an output (成果)",
                "Starts an output as a draft: its kind, title, authors (teachers who were on the roster), date, and for typical cases " +
                "(典型案例) the case category and a body of at most 3000 characters (told with every other problem of the body in one 400). " +
                "The host and the studio's members may draft.",
                ["output."],
                new DraftOutput(OutputKind.TypicalCase, "用“成长记录袋”陪伴学困生走出低谷", [DemoData.Members[0].Id, DemoData.HostTeacherId],
                    new DateOnly(2025, 5, 20), CaseCategory.KeyStudentSupport, "以一名学困生一学期的成长记录袋为线索，呈现家校协同帮扶过程。",
                    "小李是初二学生，上学期数学、英语均不及格……（正文）")),
            new("ReviseOutput", "Revise an output",
                "Changes a draft or returned output: `changes` holds only the fields to change (the others keep their value) and " +
                "`reason` says why (optional here). A field sent as null clears it: the category, summary, body or links (an empty list); " +
                "the kind, title, authors and date can be changed but not cleared (400 under `changes.<field>`). " +
                "Each revision is kept with the facts before and after. Edits of activities " +
                "(corrections) take the same shape. Since 3.0.0: the fields of the output outside `changes` and `note` (now `reason`) " +
                "are refused with a 400 that names where each goes.",
                ["output."],
                new ReviseOutput(new OutputChanges { Title = "用“成长记录袋”陪伴学困生走出低谷（修订稿）" }, "按学校意见补充家访记录")),
            new("SubmitOutput", "Submit an output to the school",
                "The host submits a draft or returned output to the school for review; the note goes with the submission and stays in its history.",
                ["output."], new SubmitOutput("已按工作坊研讨意见完成修改，请学校审核。")),
            new("ApproveOutput", "Approve a submitted output", "The school approves a submitted output (学校已审核); from then on reviewers of its region see it.",
                ["output."], new ApproveOutput("同意，推荐参加区级案例评选。")),
            new("ReturnOutput", "Return a submitted output for revision", "The school returns a submitted output with the reason; the host revises and submits again.",
                ["output."], new ReturnOutput("请补充家校沟通的具体做法和成效数据。")),
            new("RecommendOutput", "Recommend an approved output upward",
                "A reviewer recommends an approved output to the level above their jurisdiction (district → city → province → ministry, 区级 → 市级 → 省级 → 教育部).",
                ["output."], new RecommendOutput(RecommendationLevel.City, "区级评选一等奖，推荐至市级。")),
            new("ListOutputs", "List a studio's outputs",
                "The studio's outputs in the states the caller may read (drafts only to the studio's own people), a page at a time, as summaries without their bodies: kind, title, the authors with their names, date, abstract, state and " +
                "the `url` of the whole record.",
                Parameters:
                [
                    new ParameterDoc("year", "Only outputs dated in this calendar year. Without it, outputs of every year.", RequestGuards.FirstYear, RequestGuards.LastYear),
                    new ParameterDoc("kind", "Only outputs of this kind (成果).", Codes: typeof(OutputKind)),
                    new ParameterDoc("state", "Only outputs in this review state.", Codes: typeof(OutputState)),
                ]),
            new("GetOutput", "Read one output", "One output with its facts, body and review history, when the caller may read its state."),
        ],
        [
            new("output.unknown", "No such output in this studio, or not one the caller may see yet (404).", "Use an output id from the studio's list."),
            new("output.author-not-on-roster", "An author has never been on this studio's roster.", "List as authors only teachers of this studio."),
            new("output.date-before-founding", "The output's date is before the studio was founded.", "Check the date."),
            new("output.level-not-higher", "The output is already recommended to this level or higher.", "Recommend it to a higher level."),
            new("output.level-outside-jurisdiction", "A reviewer recommends only to the level just above their own jurisdiction.", "Recommend to the level the answer names."),
            new("output.cannot-revise", "Only a draft or returned output can be revised.", "Read the output's state first."),
            new("output.cannot-submit", "Only a draft or returned output can be submitted.", "Read the output's state first."),
            new("output.cannot-approve", "Only a submitted output can be approved.", "Wait for the host to submit it."),
            new("output.cannot-return", "Only a submitted output can be returned.", "Wait for the host to submit it."),
            new("output.cannot-recommend", "Only an approved (or already recommended) output can be recommended.", "Wait for the school's approval."),
        ]);
}
