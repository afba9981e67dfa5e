using Workshops.Core;
using Workshops.Teachers;

namespace Workshops.Training;

/// <summary>
/// seed 003 四 提高待遇保障: 建立班主任荣誉制度，对累计担任班主任满20年的教师，颁发荣誉证书. “累计” is the periods as head teacher
/// summed with the gaps left out (<see cref="TeacherFacts.HeadTeacherYears"/>, the same count every years rule reads);
/// the honour is due from the day the twentieth year completes, whether or not the teacher still serves.
/// </summary>
public static class HonourRules
{
    public const int Years = 20;
    public const string Source = "seed 003 四 建立班主任荣誉制度，对累计担任班主任满20年的教师，颁发荣誉证书";

    public static bool Due(TeacherFacts facts) => facts.HeadTeacherYears >= Years;

    /// <summary>A teacher with 20 years needs a first day as head teacher at least 20 years before the day (a filter for region lists).</summary>
    public static DateOnly LatestFirstDay(DateOnly day) => day.AddYears(-Years);

    /// <summary>
    /// The day the twentieth year completed, if by <paramref name="upTo"/>. Within a period, service counts from its
    /// first day shifted back by the days served before it, so the year completes on that shifted day's twentieth anniversary.
    /// </summary>
    public static DateOnly? ReachedOn(TeacherRecord record, DateOnly upTo)
    {
        var before = 0;
        foreach (var p in record.HeadTeacher.OrderBy(p => p.From))
        {
            if (p.From > upTo) break;
            var candidate = p.From.AddDays(-before).AddYears(Years);
            if (candidate < p.From) candidate = p.From;
            var end = p.To is { } to ? to.AddDays(1) : DateOnly.MaxValue;
            if (candidate <= end && candidate <= upTo && TeacherFacts.AsOfDay(record, candidate).HeadTeacherYears >= Years)
            {
                // The anniversary rule may complete a day or two earlier around 29 February: take the first day it holds.
                while (TeacherFacts.AsOfDay(record, candidate.AddDays(-1)).HeadTeacherYears >= Years) candidate = candidate.AddDays(-1);
                return candidate;
            }
            if (p.To is null) break;
            before += p.DaysBefore(p.To.Value.AddDays(1));
        }
        return null;
    }

    public static Refusal? MayIssue(TeacherFacts facts, TrainingRecord training) =>
        training.HeadTeacherHonour is { } issued
            ? new Refusal("honour.issued", $"The honour certificate was issued on {issued.On:yyyy-MM-dd} ({issued.HeadTeacherYears} years).")
            : !Due(facts)
                ? new Refusal("honour.not-due",
                    $"On {facts.AsOf:yyyy-MM-dd} the teacher has {facts.HeadTeacherYears} years as head teacher (periods summed, gaps excluded); the honour needs {Years}.")
                : null;
}
