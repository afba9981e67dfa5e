using JasperFx.Events;
using Marten.Events.Aggregation;
using Workshops.Core.Auth;
using Workshops.Integrations;
using Workshops.Reports;

namespace Workshops.Submissions;

/// <summary>Who did something to the package and when.</summary>
public sealed record Stamped(Actor By, DateTimeOffset At);

/// <summary>
/// A province's submission package for a year (seed 001 四): the 阶段性工作小结, the 1–2 typical cases picked, and,
/// once submitted, Annex 2 and Annex 3 frozen as they stood at the submission moment.
/// </summary>
public sealed record Submission
{
    public Guid Id { get; init; }
    public string Province { get; init; } = "";
    public int Year { get; init; }
    public DateOnly Deadline { get; init; }
    public SubmissionState State { get; init; }
    public string? Summary { get; init; }
    public IReadOnlyList<Guid> Cases { get; init; } = [];
    public Stamped Opened { get; init; } = null!;
    public Stamped? SummaryWritten { get; init; }
    public Stamped? Submitted { get; init; }
    public Stamped? Received { get; init; }
    /// <summary>The day Annex 2 was judged on when the package was submitted (the table of that year as of the moment).</summary>
    public DateOnly? JudgedOn { get; init; }
    public IReadOnlyList<StudioRow> Studios { get; init; } = [];
    public IReadOnlyList<CaseRow> CaseRows { get; init; } = [];

    public static Submission? Fold(Submission? s, IEvent e) => (s, e.Data) switch
    {
        (null, SubmissionOpened x) => new Submission
        {
            Id = x.SubmissionId, Province = x.Province, Year = x.Year, Deadline = x.Deadline, State = SubmissionState.Open, Opened = new(x.By, x.At),
        },
        (not null, SubmissionSummaryWritten x) => s with { Summary = x.Text, SummaryWritten = new(x.By, x.At) },
        (not null, SubmissionCasePicked x) => s with { Cases = [.. s.Cases, x.OutputId] },
        (not null, SubmissionCaseDropped x) => s with { Cases = [.. s.Cases.Where(c => c != x.OutputId)] },
        (not null, SubmissionSubmitted x) => s with
        {
            State = SubmissionState.Submitted, Submitted = new(x.By, x.At), JudgedOn = x.JudgedOn, Studios = x.Studios, CaseRows = x.Cases,
        },
        (not null, SubmissionReceiptAcknowledged x) => s with { State = SubmissionState.Received, Received = new(x.By, x.At) },
        _ => s,
    };

    public static Submission? Of(IEnumerable<IEvent> events) => events.Aggregate((Submission?)null, Fold);
}

/// <summary>A province's package for a year is one stream, found by name: the same province and year, the same stream.</summary>
public static class SubmissionStreams
{
    private static readonly Guid Namespace = Guid.Parse("3c0f7d52-9b0e-4a51-8f0c-2d7e61a4b9c3");

    public static Guid IdOf(string province, int year) => IntegrationEvents.NameBased(Namespace, $"{province}/{year}");
}

public partial class SubmissionProjection : SingleStreamProjection<Submission, Guid>
{
    public SubmissionProjection()
    {
        Core.ProjectionTuning.Apply(Options);
        // Without its own event types an Evolve-only projection is handed every event of every stream, and each studio
        // append would read the submission table for nothing.
        foreach (var type in Core.Grouping.Implementing<ISubmissionEvent>()) IncludeType(type);
    }

    public override Submission? Evolve(Submission? snapshot, Guid id, IEvent e) => Submission.Fold(snapshot, e);
}
