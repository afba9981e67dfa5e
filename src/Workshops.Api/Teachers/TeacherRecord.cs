using JasperFx.Events;
using Marten.Events.Aggregation;
using Workshops.Core.Auth;
using Workshops.Programmes;
using Workshops.Roster;
using Workshops.Studios;

namespace Workshops.Teachers;

/// <summary>A period (as head teacher, on a rural posting, as principal): from its first day to its last, open while it lasts.</summary>
public sealed record Period(Guid PeriodId, Guid StartFact, DateOnly From, string? School, Guid? EndFact = null, DateOnly? To = null)
{
    public bool Covers(DateOnly day) => From <= day && (To is null || day <= To);

    /// <summary>Days served before <paramref name="day"/>: the open period counts up to it, a closed one through its last day.</summary>
    public int DaysBefore(DateOnly day)
    {
        var end = To is { } to && to.AddDays(1) < day ? to.AddDays(1) : day;
        return Math.Max(0, end.DayNumber - From.DayNumber);
    }
}

/// <summary>A school the teacher taught at from a day (the one registered has no day: it holds until the first move).</summary>
public sealed record SchoolSpell(Guid? FactId, string School, string Region, Track Track, bool Rural, DateOnly? From);

public sealed record DatedFact(Guid FactId, DateOnly On);

public sealed record TitleFact(Guid FactId, ProfessionalTitle Title, DateOnly On);

public sealed record HonourFact(Guid FactId, HonourKind Honour, HonourLevel Level, string Issuer, string? Name, string? Subject, DateOnly On,
    DateOnly? ValidUntil)
{
    public bool HeldOn(DateOnly day) => On <= day && (ValidUntil is null || day <= ValidUntil);
}

public sealed record MentorFact(Guid FactId, string MentorId, string MentorName, DateOnly On, DateOnly? Until)
{
    public bool Covers(DateOnly day) => On <= day && (Until is null || day <= Until);
}

/// <summary>The expert selection path of seed 000 三.(二).4: selected on a day, trained on a later one.</summary>
public sealed record ExpertCandidacy(Guid FactId, string RuleSet, DateOnly On, string Basis, IReadOnlyList<string> Mentors,
    Guid? TrainingFact = null, DateOnly? TrainedOn = null, string? TrainingNote = null);

/// <summary>A recognition held from a day until it is revoked (To: the first day it is no longer held).</summary>
public sealed record RecognitionSpan(string RuleSet, string Rung, string Title, string? Issuer, RungPath Path, string Rule, string Basis,
    DateOnly From, Guid? StudioId, DateOnly? To = null, string? RevokedReason = null)
{
    public bool HeldOn(DateOnly day) => From <= day && (To is null || day < To);
}

/// <summary>A fact corrected (replaced by another) or retracted, with the reason: the record's audit trail.</summary>
public sealed record Correction(Guid FactId, FactKind Kind, Guid? ReplacedBy, string Reason, Actor By, DateTimeOffset At);

/// <summary>
/// A teacher's record (教师档案): the stream's facts as they stand now, each with its id for corrections. The stream
/// id is a name-based UUID of the public teacher id (<see cref="TeacherStreams"/>). Kept inline: a teacher's stream is
/// short and bounded (tens of facts over a career). Answers "as of a day" come from <see cref="TeacherFacts"/>.
/// </summary>
public sealed record TeacherRecord
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string TeacherId { get; init; } = "";
    public string Name { get; init; } = "";
    public Gender Gender { get; init; }
    public int? BirthYear { get; init; }
    public string Subject { get; init; } = "";
    public Education? Education { get; init; }
    public bool? PartyMember { get; init; }
    /// <summary>The schools, the registered one first; each holds until the next one's day.</summary>
    public IReadOnlyList<SchoolSpell> Schools { get; init; } = [];
    public DatedFact? TeachingSince { get; init; }
    public IReadOnlyList<Period> HeadTeacher { get; init; } = [];
    public IReadOnlyList<Period> RuralPostings { get; init; } = [];
    public IReadOnlyList<Period> Principal { get; init; } = [];
    public IReadOnlyList<TitleFact> Titles { get; init; } = [];
    public IReadOnlyList<HonourFact> Honours { get; init; } = [];
    public IReadOnlyList<MentorFact> Mentors { get; init; } = [];
    public ExpertCandidacy? Expert { get; init; }
    public IReadOnlyList<RecognitionSpan> Recognitions { get; init; } = [];
    public IReadOnlyList<Correction> Corrections { get; init; } = [];
    public DateTimeOffset RegisteredAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The school on a day: the latest spell begun by then.</summary>
    public SchoolSpell SchoolOn(DateOnly day) => Schools.LastOrDefault(s => s.From is null || s.From <= day) ?? Schools[0];

    /// <summary>The kind of a live fact, or null when no live fact has that id.</summary>
    public FactKind? KindOf(Guid factId)
    {
        if (HeadTeacher.Any(p => p.StartFact == factId)) return FactKind.HeadTeacherStart;
        if (HeadTeacher.Any(p => p.EndFact == factId)) return FactKind.HeadTeacherEnd;
        if (RuralPostings.Any(p => p.StartFact == factId)) return FactKind.RuralStart;
        if (RuralPostings.Any(p => p.EndFact == factId)) return FactKind.RuralEnd;
        if (Principal.Any(p => p.StartFact == factId)) return FactKind.PrincipalStart;
        if (Principal.Any(p => p.EndFact == factId)) return FactKind.PrincipalEnd;
        if (TeachingSince?.FactId == factId) return FactKind.TeachingStart;
        if (Titles.Any(t => t.FactId == factId)) return FactKind.Title;
        if (Honours.Any(h => h.FactId == factId)) return FactKind.Honour;
        if (Schools.Any(s => s.FactId == factId)) return FactKind.SchoolMove;
        if (Mentors.Any(m => m.FactId == factId)) return FactKind.Mentor;
        if (Expert?.FactId == factId) return FactKind.ExpertCandidacy;
        if (Expert?.TrainingFact == factId) return FactKind.ExpertTraining;
        return null;
    }

    public static TeacherRecord? Fold(TeacherRecord? record, IEvent e)
    {
        var next = e.Data switch
        {
            TeacherRegistered x => new TeacherRecord
            {
                Id = e.StreamId,
                TeacherId = x.TeacherId,
                Name = x.Name,
                Gender = x.Gender,
                BirthYear = x.BirthYear,
                Subject = x.Subject,
                Education = x.Education,
                PartyMember = x.PartyMember,
                Schools = [new SchoolSpell(null, x.School, x.Region, x.Track, x.Rural, null)],
                RegisteredAt = x.At,
            },
            _ when record is null => null,
            TeacherDetailsChanged x => record with
            {
                Name = x.Name ?? record.Name,
                Gender = x.Gender ?? record.Gender,
                BirthYear = x.BirthYear ?? record.BirthYear,
                Subject = x.Subject ?? record.Subject,
                Education = x.Education ?? record.Education,
                PartyMember = x.PartyMember ?? record.PartyMember,
            },
            HeadTeacherServiceStarted x => record.Audited(x) with { HeadTeacher = Start(record.HeadTeacher, x.PeriodId, x.FactId, x.From, x.School, x.Corrects) },
            HeadTeacherServiceEnded x => record.Audited(x) with { HeadTeacher = End(record.HeadTeacher, x.PeriodId, x.FactId, x.On) },
            RuralPostingStarted x => record.Audited(x) with { RuralPostings = Start(record.RuralPostings, x.PeriodId, x.FactId, x.From, x.School, x.Corrects) },
            RuralPostingEnded x => record.Audited(x) with { RuralPostings = End(record.RuralPostings, x.PeriodId, x.FactId, x.On) },
            PrincipalServiceStarted x => record.Audited(x) with { Principal = Start(record.Principal, x.PeriodId, x.FactId, x.From, x.School, x.Corrects) },
            PrincipalServiceEnded x => record.Audited(x) with { Principal = End(record.Principal, x.PeriodId, x.FactId, x.On) },
            TeachingStarted x => record.Audited(x) with { TeachingSince = new DatedFact(x.FactId, x.On) },
            ProfessionalTitleChanged x => record.Audited(x) with
            {
                Titles = Replace(record.Titles, x.Corrects, new TitleFact(x.FactId, x.Title, x.On), t => t.FactId, t => t.On),
            },
            HonourConferred x => record.Audited(x) with
            {
                Honours = Replace(record.Honours, x.Corrects,
                    new HonourFact(x.FactId, x.Honour, x.Level, x.Issuer, x.Name, x.Subject, x.On, x.ValidUntil), h => h.FactId, h => h.On),
            },
            SchoolMoved x => record.Audited(x) with
            {
                Schools = [record.Schools[0], .. Replace(record.Schools.Skip(1).ToList(), x.Corrects,
                    new SchoolSpell(x.FactId, x.School, x.Region, x.Track, x.Rural, x.On), s => s.FactId!.Value, s => s.From!.Value)],
            },
            MentorPaired x => record.Audited(x) with
            {
                Mentors = Replace(record.Mentors, x.Corrects, new MentorFact(x.FactId, x.MentorId, x.MentorName, x.On, x.Until), m => m.FactId, m => m.On),
            },
            ExpertCandidateSelected x => record.Audited(x) with
            {
                Expert = new ExpertCandidacy(x.FactId, x.RuleSet, x.On, x.Basis, x.Mentors, record.Expert?.TrainingFact, record.Expert?.TrainedOn,
                    record.Expert?.TrainingNote),
            },
            ExpertTrainingCompleted x when record.Expert is { } candidacy => record.Audited(x) with
            {
                Expert = candidacy with { TrainingFact = x.FactId, TrainedOn = x.On, TrainingNote = x.Note },
            },
            TeacherFactRetracted x => record.Retract(x),
            RecognitionConferred x => record with
            {
                Recognitions = [.. record.Recognitions, new RecognitionSpan(x.RuleSet, x.Rung, x.Title, x.Issuer, x.Path, x.Rule, x.Basis, x.On, x.StudioId)],
            },
            RecognitionRevoked x => record with
            {
                Recognitions = [.. record.Recognitions.Select(s => s.Rung == x.Rung && s.To is null ? s with { To = x.On, RevokedReason = x.Reason } : s)],
            },
            _ => record,
        };
        // Every event of the teacher's stream moves the record's version (the ETag writes check), training events included.
        if (next is null || (ReferenceEquals(next, record) && e.Data is not ITeacherEvent)) return next;
        return next with { Version = e.Version, UpdatedAt = (e.Data as ITeacherEvent)?.At ?? next.UpdatedAt };
    }

    /// <summary>Folds a stream's events in order (an as-of read passes only those recorded by then).</summary>
    public static TeacherRecord? Of(IEnumerable<IEvent> events) => events.Aggregate((TeacherRecord?)null, Fold);

    /// <summary>
    /// The record as recorded by a moment: the teacher's facts recorded before it (each fact's own <c>At</c>, so a fact
    /// entered later, even back-dated, is not seen); null when the teacher had no record by then.
    /// </summary>
    public static TeacherRecord? RecordedBy(IEnumerable<IEvent> events, DateTimeOffset until) =>
        Of(events.Where(e => e.Data is not ITeacherEvent t || t.At < until));

    /// <summary>A correcting fact leaves an entry in the audit trail naming the fact it replaced.</summary>
    private TeacherRecord Audited(ITeacherFact fact) =>
        fact.Corrects is { } replaced && KindOf(replaced) is { } kind
            ? this with { Corrections = [.. Corrections, new Correction(replaced, kind, fact.FactId, fact.Reason ?? "", fact.By, fact.At)] }
            : this;

    private TeacherRecord Retract(TeacherFactRetracted x)
    {
        if (KindOf(x.FactId) is not { } kind) return this;
        var f = x.FactId;
        static IReadOnlyList<Period> Without(IReadOnlyList<Period> periods, Guid f) =>
            [.. periods.Where(p => p.StartFact != f).Select(p => p.EndFact == f ? p with { EndFact = null, To = null } : p)];
        return this with
        {
            HeadTeacher = Without(HeadTeacher, f),
            RuralPostings = Without(RuralPostings, f),
            Principal = Without(Principal, f),
            TeachingSince = TeachingSince?.FactId == f ? null : TeachingSince,
            Titles = [.. Titles.Where(t => t.FactId != f)],
            Honours = [.. Honours.Where(h => h.FactId != f)],
            Schools = [.. Schools.Where(s => s.FactId != f)],
            Mentors = [.. Mentors.Where(m => m.FactId != f)],
            Expert = Expert?.FactId == f ? null
                : Expert?.TrainingFact == f ? Expert with { TrainingFact = null, TrainedOn = null, TrainingNote = null }
                : Expert,
            Corrections = [.. Corrections, new Correction(f, kind, null, x.Reason, x.By, x.At)],
        };
    }

    private static IReadOnlyList<Period> Start(IReadOnlyList<Period> periods, Guid periodId, Guid factId, DateOnly from, string? school, Guid? corrects) =>
        corrects is { } replaced
            ? [.. periods.Select(p => p.StartFact == replaced ? p with { StartFact = factId, From = from, School = school } : p).OrderBy(p => p.From)]
            : [.. periods.Append(new Period(periodId, factId, from, school)).OrderBy(p => p.From)];

    private static IReadOnlyList<Period> End(IReadOnlyList<Period> periods, Guid periodId, Guid factId, DateOnly on) =>
        [.. periods.Select(p => p.PeriodId == periodId ? p with { EndFact = factId, To = on } : p)];

    /// <summary>A list of dated facts with one replaced (or added), kept in day order (same day: in recorded order).</summary>
    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> facts, Guid? corrects, T added, Func<T, Guid> id, Func<T, DateOnly> on) =>
        [.. facts.Where(t => corrects is null || id(t) != corrects).Append(added).OrderBy(on)];
}

public partial class TeacherRecordProjection : SingleStreamProjection<TeacherRecord, Guid>
{
    public TeacherRecordProjection()
    {
        Core.ProjectionTuning.Apply(Options);
        // Its own events only: an Evolve-only projection is otherwise handed every event, and each studio append
        // looked its stream up in the record table (a round trip of its own before the append).
        foreach (var type in Core.Grouping.Implementing<ITeacherEvent>()) IncludeType(type);
    }

    public override TeacherRecord? Evolve(TeacherRecord? snapshot, Guid id, IEvent e) => TeacherRecord.Fold(snapshot, e);
}
