using Workshops.Core;

namespace Workshops.Training;

/// <summary>How an hour clock runs: what is required over which span of days, and when it falls due.</summary>
[Codes("clock-kinds")]
public enum ClockKind
{
    /// <summary>A total once in a career (every credit up to the day counts), due some months after the clock starts.</summary>
    [Label("一次性达标")] Once,
    /// <summary>Within every N years: the next is due N years after the last (or after the clock started).</summary>
    [Label("每N年一次")] Rolling,
    /// <summary>Each calendar year, due 31 December; it starts the year after the clock starts.</summary>
    [Label("每年")] Yearly,
    /// <summary>Fixed cycles of N years from the clock's start, each due on its last day.</summary>
    [Label("周期")] Cycle,
    /// <summary>Once within a fixed span of days, due on its last day.</summary>
    [Label("限期完成")] Deadline,
}

/// <summary>Who a clock applies to, judged from the teacher's facts on the day.</summary>
[Codes("clock-audiences")]
public enum ClockAudience
{
    /// <summary>Serving as head teacher on the day (the untrained and the new alike).</summary>
    [Label("在岗班主任")] HeadTeachers,
    /// <summary>Serving as head teacher, whose first period as head teacher began on or after the clock's From.</summary>
    [Label("新任班主任")] NewHeadTeachers,
    /// <summary>Teachers whose teaching years (教龄) count from the clock's From or later.</summary>
    [Label("新入职教师")] NewTeachers,
    /// <summary>Serving as head teacher at a rural school (or on a rural posting) on the day.</summary>
    [Label("农村班主任")] RuralHeadTeachers,
    /// <summary>Serving as principal, whose first period as principal began on or after the clock's From.</summary>
    [Label("新任校长")] NewPrincipals,
    /// <summary>Serving as principal on the day.</summary>
    [Label("在任校长")] Principals,
    /// <summary>Every teacher (a region's policy for all; its clock runs from the first day of teaching).</summary>
    [Label("全体教师")] AllTeachers,
}

[Codes("clock-statuses")]
public enum ClockStatus
{
    [Label("已达标")] Met,
    [Label("待完成")] Due,
    [Label("已逾期")] Overdue,
}

/// <summary>Certificates of passed training (持证上岗).</summary>
[Codes("certificate-kinds")]
public enum CertificateKind
{
    /// <summary>seed 002 二.2(3) 考核合格者发给《中小学教师培训合格证》: the record of a passed training; it does not lapse.</summary>
    [Label("中小学教师培训合格证")] TrainingPass,
    /// <summary>seed 002 二.2(3) 《中小学班主任任职资格证》, seed 003 持证上岗: kept valid by the three-yearly municipal or district training.</summary>
    [Label("班主任任职资格证")] HeadTeacherQualification,
    /// <summary>seed 004 五 新任校长持证上岗, 校长培训证书: kept valid by the in-service hours of each five-year cycle.</summary>
    [Label("校长任职资格培训证书")] PrincipalQualification,
}

[Codes("certificate-statuses")]
public enum CertificateStatus
{
    [Label("有效")] Valid,
    [Label("已失效")] Lapsed,
    [Label("已撤销")] Withdrawn,
}

/// <summary>Where an outside credit stands in the credit bank (学分银行) for the teacher's region.</summary>
[Codes("credit-standings")]
public enum CreditStanding
{
    /// <summary>Issued by an authority whose area covers the teacher's school (or nationally): counts without a decision.</summary>
    [Label("本地学分")] Local,
    /// <summary>From elsewhere, recognised by the region's rules (学分互认) toward the policies the decision names.</summary>
    [Label("已互认")] Recognised,
    /// <summary>From elsewhere, refused by the region's rules: counts toward nothing.</summary>
    [Label("不予认定")] Refused,
    /// <summary>From elsewhere, not yet decided: counts toward nothing until it is.</summary>
    [Label("待认定")] Undecided,
    /// <summary>Withdrawn as recorded in error.</summary>
    [Label("已撤回")] Retracted,
}
