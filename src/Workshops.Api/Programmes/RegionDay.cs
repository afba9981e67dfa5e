using Microsoft.AspNetCore.Mvc;
using Workshops.Core;
using Workshops.Years;

namespace Workshops.Programmes;

/// <summary>
/// A region's settings asked for a day (GET /api/regions/{code}/rule-sets?on=, …/credit-recognition?on=): today unless
/// given; a past day is read as recorded by its end, so an adoption entered later changes today's answer, not that day's.
/// </summary>
public sealed record RegionDay(DateOnly Day, DateTimeOffset? RecordedBy)
{
    /// <summary>The route's code and ?on=, every problem at once.</summary>
    public static (RegionDay? Day, ProblemDetails? Problem) Parse(string code, string? on, DateOnly today)
    {
        var check = new Check().When(!Region.IsCode(code), "code", "must be a six-digit region code");
        var day = History.Day(check, on, "on", today);
        return check.Ok ? (new RegionDay(day ?? today, day is null ? null : History.EndOf(day.Value)), null) : (null, check.Result());
    }
}
