using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Teachers;

namespace Workshops.Training;

/// <summary>A certificate issued on passing a training: its kind, number, issuer, day and the training it rests on.</summary>
public sealed record IssueCertificate(CertificateKind Kind, string Issuer, DateOnly IssuedOn, string Basis, string? Number = null);

public sealed record WithdrawCertificate(string Reason, DateOnly? On = null);

/// <summary>
/// POST /api/teachers/{teacherId}/certificates — a reviewer of the teacher's region records a certificate issued on
/// passing a training (合格证, 任职资格证, 校长培训证书). A second certificate of a kind still valid on the day is refused
/// (<c>certificate.held</c>): a lapsed one is renewed by the training, or replaced by a new one.
/// </summary>
public static class IssueCertificateEndpoint
{
    public static Task<TrainingStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TrainingStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(IssueCertificate command, TrainingStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Check(http,
            new Check().Text(command.Issuer, "issuer", 100).Text(command.Basis, "basis", 500).Text(command.Number, "number", 50, required: false)
                .Day(command.IssuedOn, "issuedOn", clock.Today()),
            (r, t) => Held(t, r, command.Kind, command.IssuedOn) is { } held
                ? new Refusal("certificate.held", $"{command.Kind.Label()} {held.Number} issued {held.IssuedOn:yyyy-MM-dd} is valid on {command.IssuedOn:yyyy-MM-dd}.")
                : null);

    private static CertificateEntry? Held(TrainingRecord t, TeacherRecord r, CertificateKind kind, DateOnly day)
    {
        var credits = CreditBank.Counting(t, r.SchoolOn(day).Region);
        return t.Certificates.FirstOrDefault(c => c.Kind == kind && c.IssuedOn <= day && Certificates.Status(c, credits, day).Status == CertificateStatus.Valid);
    }

    [WolverinePost("/api/teachers/{teacherId}/certificates", Name = "IssueCertificate"), Authorize(Policy = Policies.TeacherRecognise)]
    [Tags("Training")]
    public static TrainingWritten Post(IssueCertificate c, TrainingStream teacher, HttpContext http, TimeProvider clock)
    {
        var id = Guid.CreateVersion7();
        return teacher.Append(http, id, new CertificateIssued(teacher.TeacherId, id, c.Kind, c.Number?.Trim(), c.Issuer.Trim(), c.IssuedOn, c.Basis.Trim(),
            http.Actor(), clock.GetUtcNow()));
    }
}

/// <summary>POST /api/teachers/{teacherId}/certificates/{certificateId}/withdrawal — a certificate withdrawn from a day, with the reason.</summary>
public static class WithdrawCertificateEndpoint
{
    public static Task<TrainingStream> LoadAsync(string teacherId, IDocumentSession session, CancellationToken ct) => TrainingStream.Load(session, teacherId, ct);

    public static ProblemDetails Validate(WithdrawCertificate command, Guid certificateId, TrainingStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Check(http, new Check().Text(command.Reason, "reason", 500).Day(command.On, "on", clock.Today()), (_, t) => t.Certificate(certificateId) switch
        {
            null => Refusal.Unknown("certificate.unknown", $"No certificate {certificateId} on this record."),
            { WithdrawnOn: { } on } => new Refusal("certificate.withdrawn", $"This certificate was withdrawn on {on:yyyy-MM-dd}."),
            var c when (command.On ?? clock.Today()) < c.IssuedOn =>
                new Refusal("certificate.withdrawn-before-issue", $"The certificate was issued on {c.IssuedOn:yyyy-MM-dd}."),
            _ => null,
        });

    [WolverinePost("/api/teachers/{teacherId}/certificates/{certificateId}/withdrawal", Name = "WithdrawCertificate"), Authorize(Policy = Policies.TeacherRecognise)]
    [Tags("Training")]
    public static TrainingWritten Post(WithdrawCertificate command, Guid certificateId, TrainingStream teacher, HttpContext http, TimeProvider clock) =>
        teacher.Append(http, certificateId, new CertificateWithdrawn(teacher.TeacherId, certificateId, command.On ?? clock.Today(), command.Reason.Trim(),
            http.Actor(), clock.GetUtcNow()));
}
