using Workshops.Core;
using Workshops.Outputs;
using Workshops.Studios;

namespace Workshops.Submissions;

/// <summary>What a rule needs to know of a case picked for a package: the output and its studio's track.</summary>
public sealed record CaseFacts(Guid OutputId, OutputKind Kind, OutputState State, string Province, int Year, Track Track)
{
    public static CaseFacts Of(OutputRecord record, Track track) =>
        new(record.Id, record.Facts.Kind, record.State, record.Province, record.Year, track);
}

/// <summary>
/// The provincial submission's rules (seed 001 四: 各省份报送阶段性工作小结、附件2 and 1—2个典型案例 with 附件3, by the
/// deadline) as pure functions of the package and the facts given. No events means an idempotent repeat.
/// </summary>
public static class SubmissionRules
{
    /// <summary>seed 001 四: "1—2个典型案例".</summary>
    public const int MinCases = 1, MaxCases = 2;

    /// <summary>The 阶段性工作小结's length, in characters.</summary>
    public const int SummaryMax = 5000;

    /// <summary>Only the province's own reviewers assemble and submit its package.</summary>
    public static bool ActsForProvince(string? callerRegion, string province) => callerRegion == province;

    /// <summary>Receipt is acknowledged by the ministry: a national reviewer.</summary>
    public static bool ActsForMinistry(string? callerRegion) => callerRegion == Region.National;

    public static Refusal? Open(Submission? package, DateOnly deadline) =>
        package is null || (package.State == SubmissionState.Open && package.Deadline == deadline)
            ? null
            : package.State != SubmissionState.Open
                ? new("submission.not-open", $"The package of {package.Province} for {package.Year} was submitted; it is not opened again.")
                : new("submission.deadline-differs", $"The package is open with the deadline {package.Deadline:yyyy-MM-dd}.");

    public static Refusal? Summary(Submission package) => NotOpen(package);

    /// <summary>A case may be picked while the package is open: an approved or recommended typical case of a vocational studio of the province, of the package's year; two at most.</summary>
    public static Refusal? Pick(Submission package, CaseFacts @case)
    {
        if (NotOpen(package) is { } closed) return closed;
        if (package.Cases.Contains(@case.OutputId)) return null;
        return Eligible(package, @case)
               ?? (package.Cases.Count >= MaxCases
                   ? new("submission.cases.max", $"A package carries {MinCases}–{MaxCases} typical cases (seed 001 四); it has {package.Cases.Count}.")
                   : null);
    }

    /// <summary>
    /// A picked case may be dropped while the package is open (to pick another in its place); once submitted the package
    /// is frozen. Dropping a case that is not in the package is a repeat (no event).
    /// </summary>
    public static Refusal? Drop(Submission package) => NotOpen(package);

    /// <summary>Whether a case may stand in the package (when picked and again when submitted).</summary>
    public static Refusal? Eligible(Submission package, CaseFacts @case) =>
        @case.Kind != OutputKind.TypicalCase ? new("submission.case-not-typical", "Only typical cases (典型案例) are submitted; this output is not one.")
        : !OutputRules.Counts(@case.State) ? new("submission.case-not-approved", "The case is not approved or recommended.")
        : @case.Track != Track.Vocational ? new("submission.case-not-vocational", "The case is not of a vocational studio (seed 001).")
        : @case.Province != package.Province ? new("submission.case-outside-province", $"The case is of a studio outside {package.Province}.")
        : @case.Year != package.Year ? new("submission.case-other-year", $"The case is of {@case.Year}, the package of {package.Year}.")
        : null;

    /// <summary>
    /// Submission: by the deadline (a Chinese calendar day, inclusive), with the summary written and 1–2 cases that
    /// still stand. A submitted package is submitted again as a repeat (no event).
    /// </summary>
    public static Refusal? Submit(Submission package, DateOnly today, IReadOnlyList<CaseFacts> cases)
    {
        if (package.State != SubmissionState.Open) return null;
        if (today > package.Deadline) return new("submission.late", $"The deadline was {package.Deadline:yyyy-MM-dd}.");
        if (string.IsNullOrWhiteSpace(package.Summary)) return new("submission.summary.required", "Write the 阶段性工作小结 first.");
        if (package.Cases.Count < MinCases)
            return new("submission.cases.min", $"A package carries {MinCases}–{MaxCases} typical cases (seed 001 四); it has none.");
        foreach (var id in package.Cases)
        {
            var found = cases.FirstOrDefault(c => c.OutputId == id);
            if (found is null) return new("submission.case-unknown", $"The case {id} is no longer there.");
            if (Eligible(package, found) is { } refusal) return refusal;
        }
        return null;
    }

    public static Refusal? Acknowledge(Submission package) =>
        package.State == SubmissionState.Open ? new("submission.not-submitted", "The package has not been submitted.") : null;

    public static bool Submitted(Submission package) => package.State != SubmissionState.Open;

    private static Refusal? NotOpen(Submission package) =>
        package.State == SubmissionState.Open ? null : new("submission.not-open", "The package was submitted; it is frozen.");
}
