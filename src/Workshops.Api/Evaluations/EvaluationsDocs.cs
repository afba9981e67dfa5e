using Workshops.Core.Contract;

namespace Workshops.Evaluations;

/// <summary>The anonymous evaluations' part of the contract.</summary>
public static class EvaluationsDocs
{
    private static readonly Dictionary<Question, int> Scores = new()
    {
        [Question.Relevance] = 5, [Question.Methods] = 4, [Question.Organisation] = 5, [Question.Benefit] = 4, [Question.Overall] = 5,
    };

    public static readonly ApiDocs Docs = new(
        [new TagDoc("Evaluations", "评价 (evaluations): those who attended a studio's activity, and trainees of a training programme (seed 004 八), " +
                                   "score it 1–5 on each question of GET /api/reference (evaluation-questions) with an optional comment, once " +
                                   "and anonymously: nothing stored or answered ties an evaluation to its author. Results show only from five " +
                                   "evaluations.", 17)],
        [
            new("EvaluateActivity", "Evaluate an activity you attended",
                "A member or trainee who attended the activity evaluates it anonymously, with their own member login, once. The host who leads it " +
                "does not evaluate it (403), nor does a guest or anyone who did not attend, nor anyone once the studio is dissolved " +
                "(`studio.dissolved`).",
                ["evaluation.voided", "evaluation.not-attended", "evaluation.already-given", "studio.dissolved"],
                new Evaluate(Scores, "案例研讨贴近带班实际，小组讨论时间可以再长一些。")),
            new("EvaluateTraining", "Evaluate a training programme you took",
                "A trainee — a teacher whose record holds a credit of that programme from that region — evaluates the training anonymously " +
                "with their own login, once (seed 004 八).",
                ["evaluation.not-trained", "evaluation.already-given"],
                new Evaluate(Scores, "专题讲座内容实用，希望增加班级管理的实操环节。")),
            new("GetActivityEvaluations", "Read an activity's evaluation results",
                "The activity's results for the studio's people, its school, reviewers and integrations of its region: from five " +
                "evaluations on, the mean and distribution of each question's scores and the comments; below five nothing shows."),
            new("GetStudioYearEvaluations", "Read a studio's evaluation results for a year",
                "Each standing activity of the year with its results (shown only from five evaluations), and the year's results pooled."),
            new("GetTrainingEvaluations", "Read a training programme's evaluation results",
                "For the region's school admins and reviewers: the results of a training programme (`programme`, its code), shown from five evaluations."),
        ],
        [
            new("evaluation.voided", "The activity was voided; it is not evaluated.", "Nothing to evaluate: evaluate the studio's standing activities."),
            new("evaluation.not-attended", "Only those on the activity's attendance (not as guests) evaluate it.",
                "Ask the host to correct the attendance if you attended."),
            new("evaluation.already-given", "You have already evaluated this activity or training; each person evaluates it once.",
                "Nothing to send: an evaluation cannot be changed, since it is tied to nobody."),
            new("evaluation.not-trained", "Your record holds no credit of this programme from this region, so you are not one of its trainees.",
                "Ask your school to record the training's credit on your record first (POST /api/teachers/{teacherId}/credits)."),
        ]);
}
