using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Workshops.Core;
using Workshops.Core.Contract;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Programmes;

public sealed record AdoptRuleSet(Track Track, [Text(50)] string RuleSet, DateOnly? From = null);

/// <summary>A region's rule sets on a day: the one in effect per track, and the adoptions along its chain.</summary>
public sealed record RegionProgrammes(string Region, DateOnly On, IReadOnlyList<RuleSetChoice> InEffect, IReadOnlyList<RegionRuleSets> Adoptions);

/// <summary>
/// PUT /api/regions/{code}/rule-sets — a reviewer of the region adopts a rule set for a track from a day (today when
/// not given). Adoptions are added, never replaced: the days before keep the rule set they had.
/// </summary>
public static class AdoptRuleSetEndpoint
{
    [WolverinePut("/api/regions/{code}/rule-sets", Name = "AdoptRuleSet"), Authorize(Policy = Policies.RegionManage)]
    [Tags("Programmes")]
    [ProducesResponseType<RegionProgrammes>(200)]
    public static async Task<IResult> Put(string code, AdoptRuleSet command, IDocumentSession session, HttpContext http, TimeProvider clock,
        CancellationToken ct)
    {
        if (!Region.IsCode(code)) return Results.Problem(Problems.Invalid("code", "must be a six-digit region code"));
        var caller = Caller.From(http.User);
        if (!caller.CoversCode(code)) return Results.Problem(Problems.Forbidden($"The caller's region ({caller.Region}) does not cover {code}."));
        var today = clock.Today();
        var check = new Check()
            .When(command.From < new DateOnly(1990, 1, 1) || command.From > new DateOnly(2100, 12, 31), "from", "must be between 1990 and 2100");
        if (!check.Ok) return Results.Problem(check.Result());
        if (await RuleSetLibrary.Find(session, command.RuleSet, ct) is not { } set)
            return Results.Problem(Problems.Rule("rule-set.unknown", $"No rule set {command.RuleSet}."));
        if (set.Track != command.Track)
            return Results.Problem(Problems.Rule("rule-set.track", $"{set.Code} is written for the {set.Track.Code()} track, not {command.Track.Code()}."));
        var region = await session.LoadAsync<RegionRuleSets>(code, ct) ?? new RegionRuleSets { Id = code };
        session.Store(region with
        {
            Adoptions = [.. region.Adoptions, new RuleSetAdoption(command.Track, set.Code, command.From ?? today, http.Actor(), clock.GetUtcNow())],
        });
        await session.SaveChangesAsync(ct);
        return Results.Ok(await RegionProgrammesEndpoint.On(session, code, today, ct));
    }
}

/// <summary>GET /api/regions/{code}/rule-sets?on= — which rule set applies in a region per track on a day, and why.</summary>
public static class RegionProgrammesEndpoint
{
    [WolverineGet("/api/regions/{code}/rule-sets", Name = "GetRegionRuleSets"), Authorize(Policy = Policies.Authenticated)]
    [Tags("Programmes")]
    [ProducesResponseType<RegionProgrammes>(200)]
    public static async Task<IResult> Get(string code, string? on, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var (day, problem) = RegionDay.Parse(code, on, clock.Today());
        return day is null ? Results.Problem(problem!) : Results.Ok(await On(session, code, day.Day, ct, day.RecordedBy));
    }

    public static async Task<RegionProgrammes> On(IQuerySession session, string code, DateOnly day, CancellationToken ct, DateTimeOffset? recordedBy = null)
    {
        var all = await RuleSetLibrary.All(session, ct);
        var adoptions = await session.LoadManyAsync<RegionRuleSets>(ct, RuleSetLibrary.Chain(code));
        var choices = Enum.GetValues<Track>().Select(t => RuleSetLibrary.Resolve(all, adoptions, code, t, day, recordedBy)).ToList();
        return new RegionProgrammes(code, day, choices, adoptions);
    }
}

/// <summary>GET /api/studios/{id}/rule-set?on= — the rule set that applies to a studio (its region and track) on a day, and why.</summary>
public static class StudioRuleSetEndpoint
{
    [WolverineGet("/api/studios/{id}/rule-set", Name = "GetStudioRuleSet"), Authorize(Policy = Policies.StudioRead)]
    [Tags("Programmes")]
    [ProducesResponseType<RuleSetChoice>(200)]
    public static async Task<IResult> Get(Guid id, string? on, IQuerySession session, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        var (day, invalid) = History.Parse(on, today);
        if (invalid is not null) return Results.Problem(Problems.Invalid("on", "must be a date written YYYY-MM-DD, not in the future"));
        if (await StudioIdentities.Of(session, id, ct) is not { } studio) return Results.Problem(Problems.NotFound($"No studio {id}."));
        return Results.Ok(await RuleSetLibrary.For(session, studio.Region.Code, studio.Track, day ?? today, ct, day is null ? null : History.EndOf(day.Value)));
    }
}
