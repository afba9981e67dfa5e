using JasperFx.Events;
using Marten.Events.Projections;
using Workshops.Core;
using Workshops.Years;

namespace Workshops.Outputs;

public sealed record OutputStep(string Step, string? Note, RecommendationLevel? Level, OutputFacts? Before, EventRef Ref);

/// <summary>One output (成果) with its body and its review path: draft → submitted → approved → recommended.</summary>
public sealed record OutputRecord
{
    public Guid Id { get; init; }
    public Guid StudioId { get; init; }
    public OutputFacts Facts { get; init; } = null!;
    public OutputState State { get; init; }
    public RecommendationLevel? Level { get; init; }
    public IReadOnlyList<OutputStep> History { get; init; } = [];
    public int Year { get; init; }
    public string KindCode { get; init; } = "";
    public string? CategoryCode { get; init; }
    public string StateCode { get; init; } = "";
    public string? LevelCode { get; init; }
    /// <summary>Characters of the body (Unicode scalar values; seed 001 limits a typical case to 3000).</summary>
    public int Characters { get; init; }

    public static OutputRecord? Fold(OutputRecord? record, IEvent e)
    {
        var at = EventRef.Of(e);
        return e.Data switch
        {
            OutputDrafted x => (With(new OutputRecord { Id = x.OutputId, StudioId = e.StreamId }, x.Facts) with
            {
                History = [new OutputStep("drafted", null, null, null, at)],
            }).In(OutputState.Draft),
            OutputRevised x when record is not null => With(record, x.After) with
            {
                History = [.. record.History, new OutputStep("revised", x.Note, null, x.Before, at)],
            },
            OutputSubmitted when record is not null => record.Step("submitted", null, at).In(OutputState.Submitted),
            OutputApproved x when record is not null => record.Step("approved", x.Note, at).In(OutputState.Approved),
            OutputReturned x when record is not null => record.Step("returned", x.Reason, at).In(OutputState.Returned),
            OutputRecommended x when record is not null => (record.Step("recommended", x.Note, at, x.Level) with
            {
                Level = x.Level,
                LevelCode = x.Level.Code(),
            }).In(OutputState.Recommended),
            _ => record,
        };
    }

    private OutputRecord Step(string step, string? note, EventRef at, RecommendationLevel? level = null) =>
        this with { History = [.. History, new OutputStep(step, note, level, null, at)] };

    private OutputRecord In(OutputState state) => this with { State = state, StateCode = state.Code() };

    private static OutputRecord With(OutputRecord record, OutputFacts facts) => record with
    {
        Facts = facts,
        Year = facts.Year,
        KindCode = facts.Kind.Code(),
        CategoryCode = facts.Category?.Code(),
        Characters = Check.Length(facts.Body),
    };
}

public partial class OutputRecordProjection : MultiStreamProjection<OutputRecord, Guid>
{
    public OutputRecordProjection()
    {
        Identity<OutputDrafted>(x => x.OutputId);
        Identity<OutputRevised>(x => x.OutputId);
        Identity<OutputSubmitted>(x => x.OutputId);
        Identity<OutputApproved>(x => x.OutputId);
        Identity<OutputReturned>(x => x.OutputId);
        Identity<OutputRecommended>(x => x.OutputId);
    }

    public override OutputRecord? Evolve(OutputRecord? snapshot, Guid id, IEvent e) => OutputRecord.Fold(snapshot, e);
}
