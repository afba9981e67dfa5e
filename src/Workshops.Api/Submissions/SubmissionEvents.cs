using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Reports;

namespace Workshops.Submissions;

/// <summary>An event of a province's submission stream (one stream per province and year).</summary>
public interface ISubmissionEvent
{
    Guid SubmissionId { get; }
    Actor By { get; }
    DateTimeOffset At { get; }
}

/// <summary>Where a province's package stands (seed 001 四: assembled, submitted by the deadline, received).</summary>
[Codes("submission-states")]
public enum SubmissionState
{
    [Label("编制中")] Open,
    [Label("已报送")] Submitted,
    [Label("教育部已接收")] Received,
}

/// <summary>A provincial reviewer opened the province's package for a year, with its deadline.</summary>
public sealed record SubmissionOpened(Guid SubmissionId, string Province, int Year, DateOnly Deadline, Actor By, DateTimeOffset At) : ISubmissionEvent;

/// <summary>The 阶段性工作小结 was written (again: the latest text stands).</summary>
public sealed record SubmissionSummaryWritten(Guid SubmissionId, string Text, Actor By, DateTimeOffset At) : ISubmissionEvent;

/// <summary>A typical case was picked for the package.</summary>
public sealed record SubmissionCasePicked(Guid SubmissionId, Guid OutputId, Actor By, DateTimeOffset At) : ISubmissionEvent;

/// <summary>A case picked for the package was dropped from it before submission.</summary>
public sealed record SubmissionCaseDropped(Guid SubmissionId, Guid OutputId, Actor By, DateTimeOffset At) : ISubmissionEvent;

/// <summary>
/// The package was submitted: Annex 2 and Annex 3 as they stood at that moment are part of the fact, so later changes
/// to the studios or the cases do not change what was submitted.
/// </summary>
public sealed record SubmissionSubmitted(Guid SubmissionId, DateOnly JudgedOn, IReadOnlyList<StudioRow> Studios, IReadOnlyList<CaseRow> Cases,
    Actor By, DateTimeOffset At) : ISubmissionEvent;

/// <summary>A national reviewer acknowledged receipt of the submitted package.</summary>
public sealed record SubmissionReceiptAcknowledged(Guid SubmissionId, Actor By, DateTimeOffset At) : ISubmissionEvent;
