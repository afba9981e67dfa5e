using Workshops.Core.Contract;

namespace Workshops.Standards;

/// <summary>
/// One third-level item of a standard: its code (A.B.C), its place in the first and second levels, its Chinese title
/// and wording, and the evaluation rule that judges it (a rule code with optional parameters). <paramref name="AttestedPart"/>:
/// a part of a rule-evaluated item that the records cannot show, which a school admin or reviewer attests.
/// </summary>
public sealed record StandardItem(
    [Text(20)] string Code,
    [Text(100)] string Level1,
    [Text(100)] string Level2,
    [Text(200)] string Title,
    [Text(2000)] string Wording,
    string Rule,
    IReadOnlyDictionary<string, decimal>? Parameters = null,
    [Text(200)] string? AttestedPart = null)
{
    public decimal Parameter(string name, decimal fallback) =>
        Parameters is not null && Parameters.TryGetValue(name, out var v) ? v : fallback;
}

/// <summary>A standard is versioned data: a later edition is a new code with its own items, judged by the same rules.</summary>
public sealed record Standard(string Code, [Text(200)] string Title, [Text(50)] string Edition, [Text(200)] string Source, [Items(1, 200)] IReadOnlyList<StandardItem> Items)
{
    public string Id => Code;
}

public static class StandardCatalog
{
    public const string Moe2022 = "moe-2022";
    public const string K12Workshop = "k12-workshop";

    private const string L1 = "1 总体要求";
    private const string L2 = "2 工作室成员";
    private const string L3 = "3 建设实践";
    private const string L4 = "4 建设成效";
    private const string L5 = "5 工作保障";

    /// <summary>seed 001, Annex 1 (中等职业学校班主任工作室建设标准), every third-level item.</summary>
    public static readonly Standard Moe = new(Moe2022, "中等职业学校班主任工作室建设标准", "2022", "seed 001 附件1",
    [
        // seed 001 附件1 一.(一).1: the hearings are on record; 纳入学校党建工作规划 is attested.
        new("1.1.1", L1, "1.1 领导有力", "纳入学校党建工作规划，学校领导班子每学期听取班主任工作汇报",
            "班主任工作和队伍建设纳入学校党建工作规划和学校年度工作要点，定期研究部署、推进落实。学校领导班子每学期至少听取1次班主任工作情况汇报，研究遇到的新情况、新问题。",
            "hearing-each-semester", AttestedPart: "班主任工作和队伍建设纳入学校党建工作规划和学校年度工作要点"),
        new("1.1.2", L1, "1.1 领导有力", "每个班级配有一名班主任，职责待遇明确",
            "每个班级配有一名班主任，配备和选聘工作规范有序；班主任工作职责和权利明确，待遇保障有力。", "attestation"),
        new("1.1.3", L1, "1.1 领导有力", "领导小组定期听取建设情况汇报",
            "工作室建设工作领导小组定期听取建设情况汇报，组织领导有力，工作指导到位。", "attestation"),
        new("1.2.1", L1, "1.2 定位准确", "工作室定位准确",
            "工作室是在学校党组织领导下，围绕班主任工作，成员交流、学习、研究、实践、成长的共同体。", "attestation"),
        new("1.3.1", L1, "1.3 方案周密", "建设方案系统科学并经学校党组织把关",
            "工作室建设方案系统科学、目标合理……组织保障到位，学校党组织把关严格。", "plan-approved"),
        new("2.1.1", L2, "2.1 人员组成", "以本校班主任和培育对象为主体，专家为补充",
            "以本校班主任教师和作为班主任培育对象的教师为主体，德育和学生管理专家、心理健康教师、教研人员、行政干部和校外专家等为补充。", "composition-core"),
        new("2.1.2", L2, "2.1 人员组成", "规模适宜，结构合理",
            "规模适宜，性别、年龄、教龄、班主任工作年限、职务职称等结构合理。", "composition-size",
            new Dictionary<string, decimal> { ["minMembers"] = 2, ["maxMembers"] = 4 }),
        new("2.2.1", L2, "2.2 人员要求", "以德立身，师德高尚",
            "坚持以德立身，模范践行社会主义核心价值观；敬业爱生、师德高尚。", "attestation"),
        new("2.2.2", L2, "2.2 人员要求", "党员教师发挥先锋作用",
            "党员教师在育人工作中亮出党员身份、立起模范标尺、发挥先锋作用。", "attestation"),
        new("2.2.3", L2, "2.2 人员要求", "主持人或负责人要求",
            "担纲领衔的主持人……实绩上获得过“名班主任”、优秀教师、班主任能力比赛奖项等。", "host-requirements"),
        new("3.1.1", L3, "3.1 建设模式", "科学确定建设模式",
            "结合本校实际和工作室成员、设施设备等方面基础，科学确定工作室建设模式。", "mode-chosen"),
        new("3.1.2", L3, "3.1 建设模式", "建设模式与领衔方式相符",
            "由“名班主任”等担任主持人领衔的，可采用“名师工作室”、师徒结对等模式；负责人仅承担统筹协调职责的，可采用模块化团队协作等模式。",
            "mode-fits-lead"),
        new("3.2.1", L3, "3.2 工作载体", "各项任务均有载体，覆盖五个领域",
            "建设方案确定的各项建设内容和任务，均有对应落实的工作载体……覆盖班主任交流、学习、研究、实践、成长等各领域。", "carriers"),
        new("3.2.2", L3, "3.2 工作载体", "载体形式多样、参与面广",
            "工作载体……形式多样、针对性强、参与面广。", "varied-broad", new Dictionary<string, decimal> { ["minKinds"] = 5 }),
        new("3.2.3", L3, "3.2 工作载体", "示范性工作品牌和活动载体",
            "在班主任能力提升、建班育人资源建设、发挥辐射带动作用等方面有可借鉴、可推广的示范性工作品牌和活动载体。", "brand"),
        new("3.3.1", L3, "3.3 组织实施", "年初计划、任务台账、逐项销账、年终总结、定期反思",
            "做到年初有工作计划、有任务台账，年中有序推进、逐项销账……年终有总结、回顾。定期反思工作进展和改进空间。", "organised",
            new Dictionary<string, decimal> { ["planApprovedByMonth"] = 3 }),
        new("3.3.2", L3, "3.3 组织实施", "建有成员成长档案，记录详细",
            "对工作室成员知识储备、实践基础、个性特点、工作理念、发展诉求等情况了解深入，建有工作室成员成长档案。", "growth-files"),
        new("3.3.3", L3, "3.3 组织实施", "取得能力标准、工作指南、活动品牌、培训资源等实绩",
            "确保工作室建设取得能力标准、质量标准、工作指南、活动品牌、培训资源、质量评价等方面实绩。", "results",
            new Dictionary<string, decimal> { ["minKinds"] = 3 }),
        new("3.4.1", L3, "3.4 资源建设", "协同建设并共享育人资源",
            "重点围绕学生思想工作、班级管理工作、组织班级活动、职业指导工作、沟通协调工作和心理健康教育等，协同建设……教育教学资源并及时共享。",
            "shared-resources", new Dictionary<string, decimal> { ["minItems"] = 3 }),
        new("3.4.2", L3, "3.4 资源建设", "建设微信公众号、短视频号等",
            "探索建设班主任工作室微信公众号、短视频号等，筑牢拓展网络德育和思想政治教育阵地。", "publicity-platform"),
        new("3.5.1", L3, "3.5 建班育人", "成员担任班主任并运用建设成果",
            "组织工作室成员担任班主任，将工作室建设成果有机融入育人实践。", "members-serving"),
        new("4.1.1", L4, "4.1 育人理念", "形成具有特色的工作室文化",
            "有体现中职班主任共有价值观念、育人理念、群体意识、行为规范的精神文化载体、品牌。", "attestation"),
        new("4.2.1", L4, "4.2 工作团队", "成员建班育人能力普遍提升",
            "工作室成员建班育人能力普遍提升。", "abilities-rise"),
        new("4.2.2", L4, "4.2 工作团队", "培养合格、优秀、专家班主任",
            "培养一批合格班主任；培育一批优秀班主任；打造若干……专家班主任。", "cultivated",
            // 一批 and 若干 as numbers: ours, data a standard may change (seed 001 names none).
            new Dictionary<string, decimal> { ["minQualified"] = 3, ["minExcellent"] = 3, ["minExperts"] = 1 }),
        new("4.2.3", L4, "4.2 工作团队", "开展专题报告、公开课、展示、比赛",
            "开展专题报告、公开课、专项活动展示、班级建设成果展、班主任能力比赛等。", "showcases",
            new Dictionary<string, decimal> { ["minKinds"] = 2 }),
        new("4.3.1", L4, "4.3 工作研究", "围绕建设模式、运行机制、培训形成研究成果",
            "围绕班主任工作室建设模式、运行机制、班主任培训，形成一批理论和研究成果。", "research-model",
            new Dictionary<string, decimal> { ["minItems"] = 3 }),
        new("4.3.2", L4, "4.3 工作研究", "围绕班级建设管理形成研究成果",
            "围绕班级建设管理、班风学风建设，形成一批……能有效指导工作实践的研究成果。", "research-class",
            new Dictionary<string, decimal> { ["minItems"] = 3 }),
        new("4.4.1", L4, "4.4 育人资源", "编制工作手册，汇编案例，建成资源库",
            "编制……班主任工作手册（或指南），汇编……优秀案例，建成班级活动、专题教育等方面资源库。", "handbook-cases-library"),
        new("4.4.2", L4, "4.4 育人资源", "建成五类案例库",
            "建成班级文化建设、重点学生帮扶、典型学生教育、家校沟通协调、突发事件处置等案例库。", "case-categories"),
        new("4.5.1", L4, "4.5 班级建设质量", "班级建设水平明显提升",
            "班级建设水平明显提升，形成良好班风、学风。", "attestation"),
        new("5.1.1", L5, "5.1 工作保障", "人员、经费、场地等保障政策",
            "学校制定有工作室建设保障政策，对人员、经费、场地等有明确规定……搭建研究平台、实践平台、宣传平台。", "attestation"),
        new("5.1.2", L5, "5.1 工作保障", "成员优先参加培训和比赛，给予激励",
            "工作室成员优先参加各级培训、活动和班主任能力比赛等，对……贡献大的，给予适当激励。", "attestation"),
    ]);

    /// <summary>seed 000 三.(二).3: the K-12 workshop rules.</summary>
    public static readonly Standard K12 = new(K12Workshop, "厦门市中小学班主任工作坊", "2022", "seed 000 三.(二).3",
    [
        new("X.1", "X 工作坊", "X 工作坊", "组成：1名坊主、2-4名坊成员和若干名研修人员",
            "每个工作坊由1名坊主、2-4名坊成员和若干名研修人员组成。", "k12-composition",
            new Dictionary<string, decimal> { ["minMembers"] = 2, ["maxMembers"] = 4 }),
        new("X.2", "X 工作坊", "X 工作坊", "坊主可认定为班主任带头人",
            "考核合格的工作坊坊主且具有至少5年班主任工作经历并仍从事班主任工作的认定为班主任带头人。", "k12-host-recognition",
            new Dictionary<string, decimal> { ["minYears"] = 5 }),
        new("X.3", "X 工作坊", "X 工作坊", "坊成员可认定为骨干班主任",
            "工作坊成员具有至少2年班主任工作经历并仍从事班主任工作的认定为厦门市骨干班主任。", "k12-member-recognition",
            new Dictionary<string, decimal> { ["minYears"] = 2 }),
        new("X.4", "X 工作坊", "X 工作坊", "坊成员和研修人员培训学时达标",
            "班主任接受不少于30学时的培训（seed 002）；按所在区域选定的学时政策评估每名成员和研修人员。", "k12-hours"),
    ]);

    public static readonly IReadOnlyList<Standard> Presets = [Moe, K12];
}
