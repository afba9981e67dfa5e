using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Outputs;

/// <summary>
/// Outputs (成果) in seed 001's five kinds, plus the resource library, the case library and the handbook
/// (seed 001 三.(三).3, 三.(四)).
/// </summary>
[Codes("output-kinds")]
public enum OutputKind
{
    /// <summary>(1) build model, rules and mechanisms</summary>
    [Label("建设模式/规章制度/运行机制")] BuildModel,
    /// <summary>(2) featured brand or carrier</summary>
    [Label("特色品牌/载体")] Brand,
    /// <summary>(3) typical work method or typical education case (典型案例, at most 3000 characters)</summary>
    [Label("典型工作法/典型育人案例")] TypicalCase,
    /// <summary>(4) publicity platform: WeChat public account, short-video account</summary>
    [Label("宣传平台（公众号/视频号）")] PublicityPlatform,
    /// <summary>(5) research or practice results: projects, papers</summary>
    [Label("研究或实践成果（课题、论文）")] ResearchResult,
    [Label("资源库资源")] ResourceItem,
    [Label("案例库案例")] LibraryCase,
    [Label("班主任工作手册")] Handbook,
}

/// <summary>The case library's five categories (seed 001 三.(四)).</summary>
[Codes("case-categories")]
public enum CaseCategory
{
    [Label("班级文化建设")] ClassCulture,
    [Label("重点学生帮扶")] KeyStudentSupport,
    [Label("典型学生教育")] TypicalStudentEducation,
    [Label("家校沟通协调")] HomeSchoolCommunication,
    [Label("突发事件处置")] EmergencyHandling,
}

[Codes("output-states")]
public enum OutputState
{
    [Label("草稿")] Draft,
    [Label("已提交")] Submitted,
    [Label("学校已审核")] Approved,
    [Label("已退回")] Returned,
    [Label("已推荐")] Recommended,
}

/// <summary>Levels an output is recommended to, upward one or more steps.</summary>
[Codes("recommendation-levels")]
public enum RecommendationLevel
{
    [Label("区级")] District,
    [Label("市级")] City,
    [Label("省级")] Province,
    [Label("教育部")] Ministry,
}

[Labelled]
public sealed record OutputFacts(
    OutputKind Kind,
    CaseCategory? Category,
    string Title,
    IReadOnlyList<string> Authors,
    DateOnly Date,
    string? Summary,
    string? Body,
    IReadOnlyList<string> Links)
{
    public int Year => Date.Year;
}

public sealed record OutputDrafted(Guid OutputId, OutputFacts Facts, Actor By, DateTimeOffset At) : IOutputEvent;

public sealed record OutputRevised(Guid OutputId, OutputFacts Before, OutputFacts After, string? Note, Actor By, DateTimeOffset At) : IOutputEvent;

/// <summary>A submission to the school, with the host's note (events stored before notes were kept have none).</summary>
public sealed record OutputSubmitted(Guid OutputId, int Year, Actor By, DateTimeOffset At, string? Note = null) : IOutputEvent;

public sealed record OutputApproved(Guid OutputId, int Year, string? Note, Actor By, DateTimeOffset At) : IOutputEvent;

public sealed record OutputReturned(Guid OutputId, int Year, string Reason, Actor By, DateTimeOffset At) : IOutputEvent;

public sealed record OutputRecommended(Guid OutputId, int Year, RecommendationLevel Level, string? Note, Actor By, DateTimeOffset At)
    : IOutputEvent;

/// <summary>An event about one output: the output record it goes to.</summary>
public interface IOutputEvent : IStudioEvent
{
    Guid OutputId { get; }
}
