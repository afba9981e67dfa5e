using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Programmes;
using Workshops.Roster;
using Workshops.Studios;

namespace Workshops.Teachers;

/// <summary>Every event on a teacher's stream names the teacher and carries who recorded it and when.</summary>
public interface ITeacherEvent
{
    string TeacherId { get; }
    Actor By { get; }
    DateTimeOffset At { get; }
}

/// <summary>
/// A dated fact. Each has its own id; a fact that names another in <see cref="Corrects"/> replaces it (with a
/// reason), and <see cref="TeacherFactRetracted"/> withdraws one. Nothing recorded is edited.
/// </summary>
public interface ITeacherFact : ITeacherEvent
{
    Guid FactId { get; }
    Guid? Corrects { get; }
    string? Reason { get; }
}

/// <summary>学缘: highest education, where and in what.</summary>
public sealed record Education(EducationLevel Level, [Text(100)] string? Institution = null, [Text(100)] string? Major = null);

/// <summary>A teacher's record begins: who they are and the school (its region, track and whether it is rural).</summary>
public sealed record TeacherRegistered(
    string TeacherId,
    string Name,
    Gender Gender,
    int? BirthYear,
    string School,
    string Region,
    Track Track,
    bool Rural,
    string Subject,
    Education? Education,
    bool? PartyMember,
    Actor By,
    DateTimeOffset At) : ITeacherEvent;

/// <summary>Undated details changed or corrected (only the members given), with the reason.</summary>
public sealed record TeacherDetailsChanged(
    string TeacherId,
    string? Name,
    Gender? Gender,
    int? BirthYear,
    string? Subject,
    Education? Education,
    bool? PartyMember,
    string Reason,
    Actor By,
    DateTimeOffset At) : ITeacherEvent;

/// <summary>A period as head teacher began (班主任工作经历); <see cref="PeriodId"/> stays the period's id through corrections.</summary>
public sealed record HeadTeacherServiceStarted(string TeacherId, Guid FactId, Guid PeriodId, DateOnly From, string? School, Guid? Corrects,
    string? Reason, Actor By, DateTimeOffset At) : ITeacherFact;

/// <summary>A period as head teacher ended; <see cref="On"/> is its last day.</summary>
public sealed record HeadTeacherServiceEnded(string TeacherId, Guid FactId, Guid PeriodId, DateOnly On, Guid? Corrects, string? Reason,
    Actor By, DateTimeOffset At) : ITeacherFact;

/// <summary>The day teaching years (教龄) count from.</summary>
public sealed record TeachingStarted(string TeacherId, Guid FactId, DateOnly On, Guid? Corrects, string? Reason, Actor By, DateTimeOffset At)
    : ITeacherFact;

public sealed record ProfessionalTitleChanged(string TeacherId, Guid FactId, ProfessionalTitle Title, DateOnly On, Guid? Corrects,
    string? Reason, Actor By, DateTimeOffset At) : ITeacherFact;

/// <summary>
/// An honour conferred by an authority (<see cref="Issuer"/>, at <see cref="Level"/>), as written (<see cref="Name"/>,
/// e.g. 厦门市语文学科带头人), for a subject where it has one, held from <see cref="On"/> until <see cref="ValidUntil"/> if it lapses.
/// </summary>
public sealed record HonourConferred(string TeacherId, Guid FactId, HonourKind Honour, HonourLevel Level, string Issuer, string? Name,
    string? Subject, DateOnly On, DateOnly? ValidUntil, Guid? Corrects, string? Reason, Actor By, DateTimeOffset At) : ITeacherFact;

/// <summary>A posting to a rural school began (农村任教), e.g. an exchange; the home school's own rurality is on the school facts.</summary>
public sealed record RuralPostingStarted(string TeacherId, Guid FactId, Guid PeriodId, DateOnly From, string School, Guid? Corrects,
    string? Reason, Actor By, DateTimeOffset At) : ITeacherFact;

public sealed record RuralPostingEnded(string TeacherId, Guid FactId, Guid PeriodId, DateOnly On, Guid? Corrects, string? Reason, Actor By,
    DateTimeOffset At) : ITeacherFact;

/// <summary>The teacher moved to another school (its region, track and rurality) on a day.</summary>
public sealed record SchoolMoved(string TeacherId, Guid FactId, string School, string Region, Track Track, bool Rural, DateOnly On,
    Guid? Corrects, string? Reason, Actor By, DateTimeOffset At) : ITeacherFact;

/// <summary>A period as principal began (seed 004's hours read it).</summary>
public sealed record PrincipalServiceStarted(string TeacherId, Guid FactId, Guid PeriodId, DateOnly From, string School, Guid? Corrects,
    string? Reason, Actor By, DateTimeOffset At) : ITeacherFact;

public sealed record PrincipalServiceEnded(string TeacherId, Guid FactId, Guid PeriodId, DateOnly On, Guid? Corrects, string? Reason,
    Actor By, DateTimeOffset At) : ITeacherFact;

/// <summary>seed 000 三.(二).1: the school pairs a new head teacher with a head-teacher mentor (班主任导师).</summary>
public sealed record MentorPaired(string TeacherId, Guid FactId, string MentorId, string MentorName, DateOnly On, DateOnly? Until,
    Guid? Corrects, string? Reason, Actor By, DateTimeOffset At) : ITeacherFact;

/// <summary>seed 000 三.(二).4: selected as a candidate for expert training (with the two mentors of 双导师, if named).</summary>
public sealed record ExpertCandidateSelected(string TeacherId, Guid FactId, string RuleSet, DateOnly On, string Basis,
    IReadOnlyList<string> Mentors, Guid? Corrects, string? Reason, Actor By, DateTimeOffset At) : ITeacherFact;

/// <summary>The candidate completed the expert training.</summary>
public sealed record ExpertTrainingCompleted(string TeacherId, Guid FactId, DateOnly On, string? Note, Guid? Corrects, string? Reason,
    Actor By, DateTimeOffset At) : ITeacherFact;

/// <summary>A fact recorded in error is withdrawn, with the reason.</summary>
public sealed record TeacherFactRetracted(string TeacherId, Guid FactId, string Reason, Actor By, DateTimeOffset At) : ITeacherEvent;

/// <summary>A rung of a rule set's ladder recognised (认定), with the rule, the basis and the title as issued.</summary>
public sealed record RecognitionConferred(string TeacherId, string RuleSet, string Rung, string Title, string? Issuer, RungPath Path,
    string Rule, string Basis, DateOnly On, Guid? StudioId, Actor By, DateTimeOffset At) : ITeacherEvent;

/// <summary>A recognition withdrawn from a day (e.g. after a 不合格 assessment), with the reason.</summary>
public sealed record RecognitionRevoked(string TeacherId, string RuleSet, string Rung, string Reason, DateOnly On, Actor By, DateTimeOffset At)
    : ITeacherEvent;
