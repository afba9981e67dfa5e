using Workshops.Core;

namespace Workshops.Evaluations;

/// <summary>
/// The fixed questions of an anonymous evaluation (seed 004 八 学员网络匿名评估: 过程评价和绩效评估), each scored 1 (poor) to 5 (very good).
/// </summary>
[Codes("evaluation-questions")]
public enum Question
{
    [Label("内容针对性")] Relevance,
    [Label("形式与方法")] Methods,
    [Label("组织与实施")] Organisation,
    [Label("实际收获")] Benefit,
    [Label("总体满意度")] Overall,
}

/// <summary>What is evaluated: a studio's activity or a training programme.</summary>
[Codes("evaluation-subjects")]
public enum SubjectKind
{
    [Label("工作坊活动")] Activity,
    [Label("培训项目")] Training,
}
