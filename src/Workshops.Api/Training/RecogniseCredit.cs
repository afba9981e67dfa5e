using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Programmes;
using Workshops.Studios;
using Workshops.Teachers;
using Workshops.Years;

namespace Workshops.Training;

public sealed record DecideCredit(DateOnly? On = null);

/// <summary>The decision as the rules gave it, and whether it was appended (a repeat of the standing decision is not).</summary>
public sealed record CreditDecided(string TeacherId, Guid CreditId, long Version, bool Appended, bool Recognised, IReadOnlyList<string> Toward, string Rule,
    string? RulesRegion, string Why);

/// <summary>
/// POST /api/teachers/{teacherId}/credits/{creditId}/recognition — a reviewer of the teacher's region asks the credit bank
/// about an outside credit: the recognition rules in effect for the teacher's school on the day decide, and the decision
/// is appended to the teacher's stream. Asking again after the rules changed appends the new decision; the same answer
/// appends nothing. Local credits need no decision (<c>credit-bank.local</c>).
/// </summary>
public static class RecogniseCreditEndpoint
{
    /// <summary>The teacher's stream and the recognition rules in effect for their school on the day.</summary>
    public sealed record Case(TrainingStream Teacher, RulesInEffect Rules);

    public static async Task<Case> LoadAsync(string teacherId, DecideCredit command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var teacher = await TrainingStream.Load(session, teacherId, ct);
        var day = command.On ?? clock.Today();
        if (teacher.Teacher.Record is not { } record) return new Case(teacher, new RulesInEffect(null, null, []));
        var region = record.SchoolOn(day).Region;
        var adoptions = await session.LoadManyAsync<RegionCreditRules>(ct, RuleSetLibrary.Chain(region));
        return new Case(teacher, CreditBank.Resolve(adoptions, region, day));
    }

    public static ProblemDetails Validate(DecideCredit command, Guid creditId, Case @case, HttpContext http, TimeProvider clock) =>
        @case.Teacher.Check(http, new Check().Day(command.On, "on", clock.Today()), (r, t) => t.Credit(creditId) switch
        {
            null => Refusal.Unknown("credit.unknown", $"No credit {creditId} on this record."),
            { RetractedAt: not null } => new Refusal("credit.retracted", "This credit was withdrawn."),
            var c when CreditBank.IsLocal(c.Source, r.SchoolOn(command.On ?? clock.Today()).Region) =>
                new Refusal("credit-bank.local", $"{c.Source.Issuer} ({c.Source.Region}) covers the teacher's school: the credit counts without a decision."),
            _ => null,
        });

    [WolverinePost("/api/teachers/{teacherId}/credits/{creditId}/recognition", Name = "RecogniseOutsideCredit"), Authorize(Policy = Policies.TeacherRecognise)]
    [Tags("Training")]
    public static CreditDecided Post(DecideCredit command, Guid creditId, Case @case, HttpContext http, TimeProvider clock)
    {
        var (teacher, rules) = @case;
        var credit = teacher.Training.Credit(creditId)!;
        var verdict = CreditBank.Decide(rules, credit);
        var same = credit.Decision is { } d && d.Recognised == verdict.Recognised && d.Rule == verdict.Rule && d.RulesRegion == verdict.RulesRegion
                   && d.Toward.SequenceEqual(verdict.Toward);
        var written = same
            ? teacher.Append(http, creditId)
            : teacher.Append(http, creditId, new CreditRecognitionDecided(teacher.TeacherId, creditId, verdict.Recognised, verdict.Toward, verdict.Rule,
                verdict.RulesRegion, verdict.Why, command.On ?? clock.Today(), http.Actor(), clock.GetUtcNow()));
        return new CreditDecided(teacher.TeacherId, creditId, written.Version, written.Appended, verdict.Recognised, verdict.Toward, verdict.Rule,
            verdict.RulesRegion, verdict.Why);
    }
}

public sealed record AdoptCreditRules(IReadOnlyList<RecognitionRule> Rules, DateOnly? From = null);

/// <summary>A region's recognition rules on a day, and every adoption along its chain.</summary>
public sealed record RegionCreditRulesView(string Region, DateOnly On, RulesInEffect InEffect, IReadOnlyList<RegionCreditRules> Adoptions, string Source);

/// <summary>
/// PUT /api/regions/{code}/credit-recognition — a reviewer of the region adopts recognition rules (学分互认) from a day
/// (today when not given), as data; adoptions are added, never replaced. GET answers the rules in effect on a day.
/// </summary>
public static class AdoptCreditRulesEndpoint
{
    [WolverinePut("/api/regions/{code}/credit-recognition", Name = "AdoptCreditRecognitionRules"), Authorize(Policy = Policies.RegionManage)]
    [Tags("Training")]
    [ProducesResponseType<RegionCreditRulesView>(200)]
    public static async Task<IResult> Put(string code, AdoptCreditRules command, IDocumentSession session, HttpContext http, TimeProvider clock,
        CancellationToken ct)
    {
        if (!Region.IsCode(code)) return Results.Problem(Problems.Invalid("code", "must be a six-digit region code"));
        var caller = Caller.From(http.User);
        if (!caller.CoversCode(code)) return Results.Problem(Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {code}."));
        var check = new Check().When(command.From < new DateOnly(1990, 1, 1) || command.From > new DateOnly(2100, 12, 31), "from", "must be between 1990 and 2100");
        foreach (var (field, message) in CreditBank.Problems(command.Rules)) check.Add(field, message);
        if (!check.Ok) return Results.Problem(check.Result());
        var today = clock.Today();
        var region = await session.LoadAsync<RegionCreditRules>(code, ct) ?? new RegionCreditRules { Id = code };
        session.Store(region with
        {
            Adoptions = [.. region.Adoptions, new RecognitionAdoption(command.From ?? today, command.Rules, http.Actor(), clock.GetUtcNow())],
        });
        await session.SaveChangesAsync(ct);
        return Results.Ok(await RegionCreditRulesEndpoint.On(session, code, today, ct));
    }
}

public static class RegionCreditRulesEndpoint
{
    [WolverineGet("/api/regions/{code}/credit-recognition", Name = "GetCreditRecognitionRules"), Authorize(Policy = Policies.Authenticated)]
    [Tags("Training")]
    [ProducesResponseType<RegionCreditRulesView>(200)]
    public static async Task<IResult> Get(string code, string? on, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var (day, problem) = RegionDay.Parse(code, on, clock.Today());
        return day is null ? Results.Problem(problem!) : Results.Ok(await On(session, code, day.Day, ct, day.RecordedBy));
    }

    public static async Task<RegionCreditRulesView> On(IQuerySession session, string code, DateOnly day, CancellationToken ct, DateTimeOffset? recordedBy = null)
    {
        var adoptions = await session.LoadManyAsync<RegionCreditRules>(ct, RuleSetLibrary.Chain(code));
        return new RegionCreditRulesView(code, day, CreditBank.Resolve(adoptions, code, day, recordedBy), adoptions, CreditBank.Source);
    }
}
