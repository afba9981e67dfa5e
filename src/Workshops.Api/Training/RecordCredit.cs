using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Growth;
using Workshops.Reference;
using Workshops.Studios;
using Workshops.Teachers;

namespace Workshops.Training;

/// <summary>
/// A credit earned outside the studios, with its source: the issuing authority, its programme (an ASCII code, e.g.
/// 2025-xm-bzr-03) and the region it governs (000000: national).
/// </summary>
public sealed record RecordCredit(string Course, CreditCategory Category, TrainingLevel Level, decimal Hours, DateOnly Date, string Issuer,
    string Programme, string Region, string? CertificateRef = null);

public sealed record RetractCredit(string Reason);

/// <summary>
/// POST /api/teachers/{teacherId}/credits — the teacher's school or their studio's host records a credit earned outside
/// the studios on the teacher's own record (the studio's growth file keeps studio credits). A credit from an authority
/// covering the teacher's school counts at once; any other waits for the credit bank's decision.
/// </summary>
public static class RecordCreditEndpoint
{
    public static Task<TrainingStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TrainingStream.Load(session, teacherId, ct);

    public static Check Input(RecordCredit c, DateOnly today) =>
        new Check().Text(c.Course, "course", 200).Text(c.Issuer, "issuer", 100).Id(c.Programme, "programme")
            .Text(c.CertificateRef, "certificateRef", 100, required: false)
            .When(c.Hours is <= 0 or > 1000, "hours", "must be more than 0 and at most 1000")
            .When(c.Category == CreditCategory.StudioActivity, "category", "studio activities are credited from attendance, not entered")
            .When(c.Region != Region.National && !(Region.IsCode(c.Region) && Divisions.Exists(c.Region)), "region",
                "must be a region code in the division list (e.g. 350200), or 000000 for a national programme")
            .Day(c.Date, "date", today);

    public static ProblemDetails Validate(RecordCredit command, TrainingStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Check(http, Input(command, clock.Today()), (_, t) =>
            t.Credits.Any(c => c.RetractedAt is null && c.Date == command.Date && c.Source.Programme == command.Programme && c.Source.Issuer == command.Issuer.Trim()
                               && c.Course == command.Course.Trim())
                ? new Refusal("credit.duplicate", $"{command.Course} of {command.Date:yyyy-MM-dd} from {command.Issuer} is already recorded.")
                : null);

    [WolverinePost("/api/teachers/{teacherId}/credits", Name = "RecordOutsideCredit"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Training")]
    public static TrainingWritten Post(RecordCredit c, TrainingStream teacher, HttpContext http, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        return teacher.Append(http, id, new OutsideCreditRecorded(teacher.TeacherId, id, c.Course.Trim(), c.Category, c.Level, c.Hours, c.Date,
            new CreditSource(c.Issuer.Trim(), c.Programme, c.Region), c.CertificateRef?.Trim(), http.Actor(), clock.GetUtcNow()));
    }
}

/// <summary>POST /api/teachers/{teacherId}/credits/{creditId}/retraction — a credit recorded in error is withdrawn, with the reason.</summary>
public static class RetractCreditEndpoint
{
    public static Task<TrainingStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TrainingStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(RetractCredit command, Guid creditId, TrainingStream teacher, HttpContext http) =>
        teacher.Check(http, new Check().Text(command.Reason, "reason", 500), (_, t) => t.Credit(creditId) switch
        {
            null => Refusal.Unknown("credit.unknown", $"No credit {creditId} on this record."),
            { RetractedAt: not null } => new Refusal("credit.retracted", "This credit was already withdrawn."),
            _ => null,
        });

    [WolverinePost("/api/teachers/{teacherId}/credits/{creditId}/retraction", Name = "RetractOutsideCredit"), Authorize(Policy = Policies.TeacherRecordWrite)]
    [Tags("Training")]
    public static TrainingWritten Post(RetractCredit command, Guid creditId, TrainingStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, creditId, new OutsideCreditRetracted(teacher.TeacherId, creditId, command.Reason.Trim(), http.Actor(), clock.GetUtcNow()));
}
