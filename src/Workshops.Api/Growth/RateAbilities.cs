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

public sealed record RateAbilities(Rater Rater, [Between(1, 5)] IReadOnlyDictionary<Ability, int> Ratings, DateOnly? Date = null, [Text(2000)] string? Note = null);

/// <summary>POST /api/studios/{id}/growth/{teacherId}/ratings — self or mentor ratings (1–5) on the head-teacher abilities.</summary>
public static class RateAbilitiesEndpoint
{
    public static ProblemDetails Validate(RateAbilities command, string teacherId, StudioState studio, HttpContext http, Stamp stamp)
    {
        if (GrowthAccess.Check(http, studio, teacherId, asMentor: command.Rater == Rater.Mentor) is { } denied) return denied;
        var check = new Check();
        if (command.Ratings is not { Count: > 0 }) check.Add("ratings", "rate at least one ability");
        foreach (var (ability, score) in command.Ratings ?? new Dictionary<Ability, int>())
            check.When(score is < 1 or > 5, $"ratings.{ability.Code()}", "must be from 1 to 5");
        return check.Day(command.Date, "date", stamp.Today).Result();
    }

    [WolverinePost("/api/studios/{id}/growth/{teacherId}/ratings", Name = "RateAbilities"), Authorize(Policy = Policies.StudioGrowth), Appends]
    [Tags("Growth files")]
    public static AbilitiesRated Post(RateAbilities command, string teacherId, [WriteAggregate("id")] StudioState studio, HttpContext http, Stamp stamp) =>
        new(Guid.CreateVersion7(), teacherId, command.Rater, command.Rater == Rater.Self ? teacherId : Caller.From(http.User).TeacherId ?? stamp.By.Id,
            command.Date ?? stamp.Today, command.Ratings, command.Note, stamp.By, stamp.At);
}
