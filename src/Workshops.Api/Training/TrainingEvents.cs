using Workshops.Core.Auth;
using Workshops.Growth;
using Workshops.Teachers;

namespace Workshops.Training;

/// <summary>
/// Training facts on a teacher's own stream (their record): credits earned outside any studio, the credit bank's
/// decisions on them, certificates and the 20-year honour. Each names the teacher and carries who recorded it and when.
/// </summary>
public interface ITrainingEvent : ITeacherEvent;

/// <summary>
/// A credit earned outside the studios (学分), kept with its source: who issued it, under which programme, in which
/// region (000000: national). Whether it counts where the teacher works is the credit bank's question (<see cref="CreditBank"/>).
/// </summary>
public sealed record OutsideCreditRecorded(string TeacherId, Guid CreditId, string Course, CreditCategory Category, TrainingLevel Level, decimal Hours,
    DateOnly Date, CreditSource Source, string? CertificateRef, Actor By, DateTimeOffset At) : ITrainingEvent;

/// <summary>A credit recorded in error is withdrawn, with the reason; it stays in the history.</summary>
public sealed record OutsideCreditRetracted(string TeacherId, Guid CreditId, string Reason, Actor By, DateTimeOffset At) : ITrainingEvent;

/// <summary>
/// The credit bank decided on an outside credit (学分互认): recognised toward the policies named (none named: every
/// policy) or refused, by the rule of the region whose rules were in effect for the teacher's school on the day.
/// A later decision (the rules changed) supersedes it.
/// </summary>
public sealed record CreditRecognitionDecided(string TeacherId, Guid CreditId, bool Recognised, IReadOnlyList<string> Toward, string Rule,
    string? RulesRegion, string Why, DateOnly On, Actor By, DateTimeOffset At) : ITrainingEvent;

/// <summary>A certificate issued on passing a training (合格证, 任职资格证, 校长培训证书), with the training it rests on.</summary>
public sealed record CertificateIssued(string TeacherId, Guid CertificateId, CertificateKind Kind, string? Number, string Issuer, DateOnly IssuedOn,
    string Basis, Actor By, DateTimeOffset At) : ITrainingEvent;

/// <summary>A certificate withdrawn from a day (issued in error, or revoked), with the reason.</summary>
public sealed record CertificateWithdrawn(string TeacherId, Guid CertificateId, DateOnly On, string Reason, Actor By, DateTimeOffset At) : ITrainingEvent;

/// <summary>seed 003: the honour certificate for 累计 20 years as head teacher, with the years counted on the day it was issued.</summary>
public sealed record HeadTeacherHonourIssued(string TeacherId, DateOnly On, int HeadTeacherYears, string Issuer, string? Number, Actor By,
    DateTimeOffset At) : ITrainingEvent;
