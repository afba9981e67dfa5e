using JasperFx.Events;
using Marten.Events.Aggregation;
using Workshops.Core.Auth;
using Workshops.Growth;

namespace Workshops.Training;

/// <summary>A decision of the credit bank on one credit, as recorded.</summary>
public sealed record CreditDecision(bool Recognised, IReadOnlyList<string> Toward, string Rule, string? RulesRegion, string Why, DateOnly On, Actor By,
    DateTimeOffset At);

/// <summary>An outside credit with its source, its retraction (if any) and the credit bank's decisions, latest last.</summary>
public sealed record OutsideCredit(Guid CreditId, string Course, CreditCategory Category, TrainingLevel Level, decimal Hours, DateOnly Date,
    CreditSource Source, string? CertificateRef, DateTimeOffset RecordedAt, IReadOnlyList<CreditDecision> Decisions, DateTimeOffset? RetractedAt = null,
    string? RetractedReason = null)
{
    public CreditDecision? Decision => Decisions.Count == 0 ? null : Decisions[^1];
}

public sealed record CertificateEntry(Guid CertificateId, CertificateKind Kind, string? Number, string Issuer, DateOnly IssuedOn, string Basis,
    DateTimeOffset RecordedAt, DateOnly? WithdrawnOn = null, string? WithdrawnReason = null, DateTimeOffset? WithdrawnAt = null)
{
    public bool WithdrawnBy(DateOnly day) => WithdrawnOn is { } on && on <= day;
}

public sealed record HonourEntry(DateOnly On, int HeadTeacherYears, string Issuer, string? Number, Actor By, DateTimeOffset RecordedAt);

/// <summary>
/// A teacher's training record (培训档案), folded inline from the training events of their stream: outside credits with
/// the credit bank's decisions, certificates and the 20-year honour. A document of its own beside the teacher's record
/// (which stays small): credits accrue over a career. Every entry keeps the moment it was recorded, so
/// <see cref="AsOf"/> answers what was recorded by a past day without reading the events again.
/// </summary>
public sealed record TrainingRecord
{
    public Guid Id { get; init; }
    public string TeacherId { get; init; } = "";
    public IReadOnlyList<OutsideCredit> Credits { get; init; } = [];
    public IReadOnlyList<CertificateEntry> Certificates { get; init; } = [];
    public HonourEntry? HeadTeacherHonour { get; init; }

    public static TrainingRecord Empty(Guid id, string teacherId) => new() { Id = id, TeacherId = teacherId };

    public OutsideCredit? Credit(Guid id) => Credits.FirstOrDefault(c => c.CreditId == id);

    public CertificateEntry? Certificate(Guid id) => Certificates.FirstOrDefault(c => c.CertificateId == id);

    public static TrainingRecord? Fold(TrainingRecord? record, IEvent e)
    {
        if (e.Data is not ITrainingEvent t) return record;
        var doc = record ?? Empty(e.StreamId, t.TeacherId);
        return e.Data switch
        {
            OutsideCreditRecorded x => doc with
            {
                Credits = [.. doc.Credits, new OutsideCredit(x.CreditId, x.Course, x.Category, x.Level, x.Hours, x.Date, x.Source, x.CertificateRef, x.At, [])],
            },
            OutsideCreditRetracted x => doc with
            {
                Credits = [.. doc.Credits.Select(c => c.CreditId == x.CreditId && c.RetractedAt is null ? c with { RetractedAt = x.At, RetractedReason = x.Reason } : c)],
            },
            CreditRecognitionDecided x => doc with
            {
                Credits = [.. doc.Credits.Select(c => c.CreditId == x.CreditId
                    ? c with { Decisions = [.. c.Decisions, new CreditDecision(x.Recognised, x.Toward, x.Rule, x.RulesRegion, x.Why, x.On, x.By, x.At)] }
                    : c)],
            },
            CertificateIssued x => doc with
            {
                Certificates = [.. doc.Certificates, new CertificateEntry(x.CertificateId, x.Kind, x.Number, x.Issuer, x.IssuedOn, x.Basis, x.At)],
            },
            CertificateWithdrawn x => doc with
            {
                Certificates = [.. doc.Certificates.Select(c => c.CertificateId == x.CertificateId && c.WithdrawnOn is null
                    ? c with { WithdrawnOn = x.On, WithdrawnReason = x.Reason, WithdrawnAt = x.At }
                    : c)],
            },
            HeadTeacherHonourIssued x => doc with { HeadTeacherHonour = new HonourEntry(x.On, x.HeadTeacherYears, x.Issuer, x.Number, x.By, x.At) },
            _ => doc,
        };
    }

    /// <summary>The record as it was known at a moment: entries, retractions, decisions and withdrawals recorded later are left out.</summary>
    public TrainingRecord AsOf(DateTimeOffset moment) => this with
    {
        Credits = [.. Credits.Where(c => c.RecordedAt < moment).Select(c => c with
        {
            Decisions = [.. c.Decisions.Where(d => d.At < moment)],
            RetractedAt = c.RetractedAt < moment ? c.RetractedAt : null,
            RetractedReason = c.RetractedAt < moment ? c.RetractedReason : null,
        })],
        Certificates = [.. Certificates.Where(c => c.RecordedAt < moment).Select(c => c.WithdrawnAt < moment ? c : c with
        {
            WithdrawnOn = null, WithdrawnReason = null, WithdrawnAt = null,
        })],
        HeadTeacherHonour = HeadTeacherHonour?.RecordedAt < moment ? HeadTeacherHonour : null,
    };
}

/// <summary>A teacher's training record, kept inline with their stream (read right after a write, like the record).</summary>
public partial class TrainingRecordProjection : SingleStreamProjection<TrainingRecord, Guid>
{
    public TrainingRecordProjection()
    {
        Core.ProjectionTuning.Apply(Options);
        // Only streams with training events have a training record (a studio's append never loads one).
        foreach (var type in Core.Grouping.Implementing<ITrainingEvent>()) IncludeType(type);
    }

    public override TrainingRecord? Evolve(TrainingRecord? snapshot, Guid id, IEvent e) => TrainingRecord.Fold(snapshot, e);
}
