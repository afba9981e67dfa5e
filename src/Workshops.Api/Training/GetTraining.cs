using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Growth;
using Workshops.Programmes;
using Workshops.Teachers;

namespace Workshops.Training;

/// <summary>A teacher's outside credits on a day, each with where it stands in the credit bank for their school then.</summary>
public sealed record TeacherCredits(string TeacherId, string Name, DateOnly On, DateOnly? AsOf, string SchoolRegion, IReadOnlyList<CreditView> Credits);

/// <summary>A teacher's certificates on a day.</summary>
public sealed record TeacherCertificates(string TeacherId, string Name, DateOnly On, DateOnly? AsOf, IReadOnlyList<CertificateView> Certificates);

/// <summary>
/// A teacher's hour clocks on a day: the policies named by the rule set in effect for their school and chosen by its
/// region, judged on the facts of the day with the credits that count there (outside credits on the teacher's record:
/// local or recognised) and the certificates held.
/// </summary>
public sealed record TeacherClocks(string TeacherId, string Name, DateOnly On, DateOnly? AsOf, string RuleSet, string? PolicyRegion, IReadOnlyList<ClockResult> Clocks,
    IReadOnlyList<string> WithoutClock, string Note);

/// <summary>
/// GET /api/teachers/{teacherId}/credits, …/certificates and …/clocks — each with on= (the day judged) and asOf= (only
/// what was recorded by the end of that day), as the teacher's facts are read.
/// </summary>
public static class GetTrainingEndpoints
{
    private sealed record Read(TeacherRecord Record, TeacherFacts Facts, TrainingRecord Training, DateOnly? AsOf, DateTimeOffset? Moment);

    private static async Task<(Read? Read, IResult? Refused)> Open(string teacherId, string? on, string? asOf, IQuerySession session, TimeProvider clock,
        CancellationToken ct)
    {
        var today = clock.Today();
        var (day, recorded, invalid) = TeacherReads.Days(on, asOf, today);
        if (invalid is not null) return (null, Results.Problem(invalid));
        var (record, refused) = await TeacherReads.Open(teacherId, session, ct);
        if (refused is not null) return (null, refused);
        if (await TeacherReads.FactsOn(record!, day, recorded, today, session, ct) is not { } facts)
            return (null, Results.Problem(Problems.NotFound($"Teacher {teacherId} had no record by {recorded:yyyy-MM-dd}.")));
        var training = await TrainingReads.Of(session, record!, recorded, today, ct);
        return (new Read(record!, facts, training, recorded, TrainingReads.Moment(recorded, today)), null);
    }

    [WolverineGet("/api/teachers/{teacherId}/credits", Name = "GetTeacherCredits"), Authorize(Policy = Policies.TeacherRecordRead)]
    [Tags("Training")]
    [ProducesResponseType<TeacherCredits>(200)]
    public static async Task<IResult> Credits(string teacherId, string? on, string? asOf, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var (read, refused) = await Open(teacherId, on, asOf, session, clock, ct);
        if (read is null) return refused!;
        var region = read.Facts.Region;
        return Results.Ok(new TeacherCredits(teacherId, read.Facts.Name, read.Facts.AsOf, read.AsOf, region,
            [.. read.Training.Credits.Where(c => c.Date <= read.Facts.AsOf).OrderBy(c => c.Date).Select(c => CreditBank.View(c, region))]));
    }

    [WolverineGet("/api/teachers/{teacherId}/certificates", Name = "GetTeacherCertificates"), Authorize(Policy = Policies.TeacherRecordRead)]
    [Tags("Training")]
    [ProducesResponseType<TeacherCertificates>(200)]
    public static async Task<IResult> Certificates(string teacherId, string? on, string? asOf, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var (read, refused) = await Open(teacherId, on, asOf, session, clock, ct);
        if (read is null) return refused!;
        return Results.Ok(new TeacherCertificates(teacherId, read.Facts.Name, read.Facts.AsOf, read.AsOf, StatusesOn(read.Training, read.Facts)));
    }

    /// <summary>The certificates issued by the day, with their status then (renewals from the credits that count for the school then).</summary>
    public static IReadOnlyList<CertificateView> StatusesOn(TrainingRecord training, TeacherFacts facts)
    {
        var credits = CreditBank.Counting(training, facts.Region);
        return [.. training.Certificates.Where(c => c.IssuedOn <= facts.AsOf).OrderBy(c => c.IssuedOn)
            .Select(c => Training.Certificates.Status(c, credits, facts.AsOf))];
    }

    [WolverineGet("/api/teachers/{teacherId}/clocks", Name = "GetTeacherClocks"), Authorize(Policy = Policies.TeacherRecordRead)]
    [Tags("Training")]
    [ProducesResponseType<TeacherClocks>(200)]
    public static async Task<IResult> Clocks(string teacherId, string? on, string? asOf, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var (read, refused) = await Open(teacherId, on, asOf, session, clock, ct);
        if (read is null) return refused!;
        var facts = read.Facts;
        var choice = await RuleSetLibrary.For(session, facts.Region, facts.Track, facts.AsOf, ct, read.Moment);
        var chosen = await PolicyCatalog.For(session, RuleSetLibrary.Chain(facts.Region), ct);
        var file = await TeacherFiles.Load(session, teacherId, ct);
        var studio = file?.CreditsAt(read.Moment ?? DateTimeOffset.MaxValue, facts.AsOf) ?? [];
        return Results.Ok(new TeacherClocks(teacherId, facts.Name, facts.AsOf, read.AsOf, choice.RuleSet.Code, chosen.Region,
            TrainingHours.Judge(TrainingHours.Policies(choice.RuleSet.HourPolicies, chosen.Region, chosen.Policies, await PolicyCatalog.AddedOn(session, ct)), facts, studio, read.Training),
            TrainingHours.WithoutClock(choice.RuleSet.HourPolicies, chosen.Region, chosen.Policies),
            "Credits counted: those studios recorded for the teacher (activities attended, training logged in a growth file) and the outside credits on the teacher's record that are local or recognised by the credit bank."));
    }
}
