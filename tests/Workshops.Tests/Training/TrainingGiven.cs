using Workshops.Growth;
using Workshops.Teachers;
using Workshops.Training;
using static Workshops.Tests.Support.Given;
using static Workshops.Tests.Teachers.TeacherGiven;

namespace Workshops.Tests.Training;

/// <summary>Credits, certificates and principal periods for pure clock and certificate tests.</summary>
public static class TrainingGiven
{
    private static int _next;

    public static TrainingCredit Credit(string date, decimal hours, CreditCategory category = CreditCategory.HeadTeacherTraining,
        TrainingLevel level = TrainingLevel.District, string? key = null, IReadOnlyList<string>? toward = null) =>
        new(key ?? $"c{Interlocked.Increment(ref _next)}", "班主任专题培训", D(date), hours, category, level, new CreditSource("厦门市教育局", "xm-bzr", "350200"), toward);

    public static PrincipalServiceStarted Principal(string from)
    {
        var id = Guid.NewGuid();
        return new PrincipalServiceStarted(Id, id, id, D(from), "厦门市第一中学", null, null, By, At);
    }

    public static TeacherFacts HeadTeacherSince(string since, string day) => Facts(Record(Started(since)), day);

    public static IReadOnlyList<ClockResult> Judge(string code, TeacherFacts facts, IReadOnlyList<TrainingCredit>? credits = null,
        IReadOnlyList<CertificateHeld>? certificates = null) =>
        HourClocks.JudgeAll([HourClocks.Find(code)!], facts, credits ?? [], certificates ?? []);

    /// <summary>The one clock of a policy on the day (the policy it follows judged alongside, as the rule set lists both).</summary>
    public static ClockResult? One(string code, TeacherFacts facts, IReadOnlyList<TrainingCredit>? credits = null,
        IReadOnlyList<CertificateHeld>? certificates = null) =>
        HourClocks.JudgeAll(HourClocks.Find(code)!.After is { } after ? [HourClocks.Find(after)!, HourClocks.Find(code)!] : [HourClocks.Find(code)!],
            facts, credits ?? [], certificates ?? []).FirstOrDefault(r => r.Code == code);

    public static CertificateEntry Certificate(CertificateKind kind, string issued) =>
        new(Guid.NewGuid(), kind, "XM-2020-0001", "厦门市教育局", D(issued), "2020年厦门市班主任岗位培训考核合格", At);
}
