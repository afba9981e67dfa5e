using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Growth;

public sealed record RateAbilities(Rater Rater, [Between(1, 5)] IReadOnlyDictionary<Ability, int> Ratings, DateOnly? Date = null, [Text(2000)] string? Note = null);

/// <summary>POST /api/studios/{id}/growth/{teacherId}/ratings — self or mentor ratings (1–5) on the head-teacher abilities.</summary>
public static class RateAbilitiesEndpoint
{
    public static ProblemDetails Validate(RateAbilities command, string teacherId, Studio studio, HttpContext http, TimeProvider clock)
    {
        if (GrowthAccess.Check(http, studio, teacherId, asMentor: command.Rater == Rater.Mentor) is { } denied) return denied;
        var check = new Check().Text(command.Note, "note", 2000, required: false);
        if (command.Ratings is not { Count: > 0 }) check.Add("ratings", "rate at least one ability");
        foreach (var (ability, score) in command.Ratings ?? new Dictionary<Ability, int>())
            check.When(score is < 1 or > 5, $"ratings.{ability.Code()}", "must be from 1 to 5");
        if (!check.Ok) return check.Result();
        var today = clock.Today();
        return Writes.IfMatch(http, studio.Version)
            ?? GrowthAccess.Dated(studio, command.Date ?? today, today).OrContinue();
    }

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/ratings", Name = "RateAbilities"), Authorize(Policy = Policies.StudioGrowth)]
    [Tags("Growth files")]
    public static (Written, AbilitiesRated) Post(RateAbilities command, string teacherId, [Aggregate("id")] Studio studio, HttpContext http,
        TimeProvider clock)
    {
        var raterId = command.Rater == Rater.Self ? teacherId : Caller.From(http.User).TeacherId ?? http.Actor().Id;
        return (Writes.Done(http, studio.Id, studio.Version),
            new AbilitiesRated(Guid.CreateVersion7(), teacherId, command.Rater, raterId, command.Date ?? clock.Today(), command.Ratings,
                command.Note, http.Actor(), clock.GetUtcNow()));
    }
}
