using JasperFx.Events;
using Marten.Events.Projections;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Outputs;

/// <summary>
/// One step of an output's review path; a revision keeps the facts it replaced (<see cref="Before"/>), whose authors are
/// named in <see cref="BeforeAuthorNames"/> when the record is read (not stored).
/// </summary>
[StoredWithoutNulls]
public sealed record OutputStep(string Step, string? Note, RecommendationLevel? Level, OutputFacts? Before, EventRef Ref,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<TeacherName>? BeforeAuthorNames = null);

/// <summary>
/// An output as a studio's list shows it: what it is, who wrote it, where it stands; the body, links and history are in
/// the record (GET …/outputs/{outputId}, the <c>url</c>).
/// </summary>
[Labelled]
public sealed record OutputListing(
    Guid Id,
    OutputKind Kind,
    CaseCategory? Category,
    string Title,
    IReadOnlyList<string> Authors,
    IReadOnlyList<TeacherName> AuthorNames,
    DateOnly Date,
    string? Summary,
    OutputState State,
    RecommendationLevel? Level,
    int Year,
    bool Published,
    int Characters,
    string Url)
{
    public static OutputListing Of(OutputRecord record, Studio? studio) => new(record.Id, record.Facts.Kind, record.Facts.Category, record.Facts.Title,
        record.Facts.Authors, TeacherName.Of(studio, record.Facts.Authors), record.Facts.Date, record.Facts.Summary, record.State, record.Level,
        record.Year, record.Published, record.Characters, $"/api/studios/{record.StudioId}/outputs/{record.Id}");
}

/// <summary>One output (成果) with its body and its review path: draft → submitted → approved → recommended.</summary>
[Labelled]
public sealed record OutputRecord
{
    public Guid Id { get; init; }
    public Guid StudioId { get; init; }
    public OutputFacts Facts { get; init; } = null!;
    public OutputState State { get; init; }
    public RecommendationLevel? Level { get; init; }
    public IReadOnlyList<OutputStep> History { get; init; } = [];
    public int Year { get; init; }
    [Internal] public string KindCode { get; init; } = "";
    [Internal] public string? CategoryCode { get; init; }
    [Internal] public string StateCode { get; init; } = "";
    [Internal] public string? LevelCode { get; init; }
    /// <summary>Whether the studio published it in the public showcase (shown there only while approved or recommended).</summary>
    public bool Published { get; init; }
    /// <summary>The authors (<c>facts.authors</c>) with their names from the studio's roster, set when the record is read.</summary>
    public IReadOnlyList<TeacherName>? AuthorNames { get; init; }
    /// <summary>Characters of the body (Unicode scalar values; seed 001 limits a typical case to 3000).</summary>
    public int Characters { get; init; }

    // The studio's fixed identity, so reviewers' tables and searches need no join.
    public string StudioName { get; init; } = "";
    public string School { get; init; } = "";
    public string Province { get; init; } = "";
    public string City { get; init; } = "";
    public string? District { get; init; }

    /// <summary>
    /// Unigram and bigram terms of title, summary and body (see <see cref="Reports.ChineseText"/>): computed from the facts
    /// whenever the record is written, for its tsvector column only; not stored in the document (it was as large as the
    /// body).
    /// </summary>
    /// <remarks>
    /// Made once per facts and kept with them: the rebuild makes every output's terms on all cores before the one
    /// thread that COPYs the outputs writes them (a case's terms are thousands).
    /// </remarks>
    [Internal, System.Text.Json.Serialization.JsonIgnore]
    public NpgsqlTypes.NpgsqlTsVector SearchTerms
    {
        get
        {
            if (_terms.For(Facts) is { } made) return made;
#pragma warning disable CS0618
            var terms = NpgsqlTypes.NpgsqlTsVector.Parse(Reports.ChineseText.Terms(Facts.Title, Facts.Summary, Facts.Body));
#pragma warning restore CS0618
            _terms.Keep(Facts, terms);
            return terms;
        }
    }

    // Shared with the copies `with` makes (the facts the terms were made from are checked), and never part of the
    // record's value: any two are equal.
    private readonly TermsMade _terms = new();

    private sealed class TermsMade
    {
        private volatile Tuple<OutputFacts, NpgsqlTypes.NpgsqlTsVector>? _made;
        public NpgsqlTypes.NpgsqlTsVector? For(OutputFacts facts) => _made is { } made && ReferenceEquals(made.Item1, facts) ? made.Item2 : null;
        public void Keep(OutputFacts facts, NpgsqlTypes.NpgsqlTsVector terms) => _made = Tuple.Create(facts, terms);
        public override bool Equals(object? obj) => obj is TermsMade;
        public override int GetHashCode() => 0;
    }

    public bool IsCase => Facts.Kind is OutputKind.TypicalCase or OutputKind.LibraryCase;

    /// <summary>Where this output stands in its review, as its commands decide on it.</summary>
    public OutputStanding Standing() => new() { Id = Id, StudioId = StudioId, State = State, Level = Level, Year = Year, Kind = Facts.Kind };

    /// <summary>The record as served: the authors' names beside their ids, from the studio's roster.</summary>
    public OutputRecord Named(Studio? studio) => this with
    {
        AuthorNames = TeacherName.Of(studio, Facts.Authors),
        History = [.. History.Select(h => h.Before is null ? h : h with { BeforeAuthorNames = TeacherName.Of(studio, h.Before.Authors) })],
    };

    public OutputRecord For(StudioIdentity? studio) => studio is null ? this : this with
    {
        StudioName = studio.Name,
        School = studio.School,
        Province = studio.Region.Province,
        City = studio.Region.City,
        District = studio.Region.District,
    };

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
            OutputSubmitted x when record is not null => record.Step("submitted", x.Note, at).In(OutputState.Submitted),
            OutputApproved x when record is not null => record.Step("approved", x.Note, at).In(OutputState.Approved),
            OutputReturned x when record is not null => record.Step("returned", x.Reason, at).In(OutputState.Returned),
            OutputRecommended x when record is not null => (record.Step("recommended", x.Note, at, x.Level) with
            {
                Level = x.Level,
                LevelCode = x.Level.Code(),
            }).In(OutputState.Recommended),
            Showcase.OutputPublished when record is not null => record with { Published = true },
            Showcase.OutputUnpublished when record is not null => record with { Published = false },
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
        Core.ProjectionTuning.Apply(Options);
        foreach (var type in Core.Grouping.Implementing<IOutputEvent>()) IncludeType(type);
        CustomGrouping(Core.Grouping.By<Marten.IQuerySession, Guid>(Keys));
    }

    /// <summary>The output an event is about.</summary>
    public static IEnumerable<Guid> Keys(IEvent e) => e.Data is IOutputEvent x ? [x.OutputId] : [];

    public override async ValueTask<OutputRecord?> EvolveAsync(OutputRecord? snapshot, Guid id, Marten.IQuerySession session, IEvent e,
        CancellationToken cancellation)
    {
        var next = OutputRecord.Fold(snapshot, e);
        return next is not null && next.StudioName.Length == 0
            ? next.For(await StudioIdentities.Of(session, e.StreamId, cancellation))
            : next;
    }
}
