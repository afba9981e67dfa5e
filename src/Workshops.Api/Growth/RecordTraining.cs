using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Attributes;
using Wolverine.Http;
using Wolverine.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Growth;

public sealed record RecordTraining([Text(200)] string Course, TrainingLevel Level, CreditCategory Category, [Between(0, 1000, AboveMin = true)] decimal Hours,
    DateOnly Date, [Text(100)] string? CertificateRef = null);

/// <summary>POST /api/studios/{id}/growth/{teacherId}/trainings — outside training with its level, hours, date and certificate.</summary>
public static class RecordTrainingEndpoint
{
    public static ProblemDetails Validate(RecordTraining command, string teacherId, StudioState studio, HttpContext http, Stamp stamp) =>
        // Who may write comes before what they wrote: a refused caller learns nothing about the body.
        GrowthAccess.Check(http, studio, teacherId) ?? new Check().Text(command.Course, "course", 200)
            .Text(command.CertificateRef, "certificateRef", 100, required: false)
            .When(command.Hours is <= 0 or > 1000, "hours", "must be more than 0 and at most 1000")
            .When(command.Category == CreditCategory.StudioActivity, "category", "studio activities are credited from attendance, not entered")
            .Day(command.Date, "date", stamp.Today)
            .Result();

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/trainings", Name = "RecordTraining"), Authorize(Policy = Policies.StudioGrowth), Appends]
    [Tags("Growth files")]
    public static OutsideTrainingRecorded Post(RecordTraining command, string teacherId, [WriteAggregate("id")] StudioState studio, Stamp stamp) =>
        new(Guid.CreateVersion7(), teacherId, command.Course, command.Level, command.Category, command.Hours, command.Date, command.CertificateRef,
            stamp.By, stamp.At);
}
