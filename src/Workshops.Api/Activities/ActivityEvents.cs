using Workshops.Core.Auth;
using Workshops.Studios;
using Workshops.Core.Contract;

namespace Workshops.Activities;

/// <summary>Who took part and for how long; guests are people outside the roster (named, not counted as members).</summary>
public sealed record Attendance([Id] string TeacherId, [Between(0, AboveMin = true)] decimal Hours, bool Guest = false, [Text(50)] string? Name = null);

/// <summary>What an activity was. Corrections replace these facts as a whole, keeping the earlier ones in history.</summary>
[Labelled]
public sealed record ActivityFacts(
    ActivityKind Kind,
    IReadOnlyList<Domain> Domains,
    string Title,
    DateOnly Date,
    decimal Hours,
    IReadOnlyList<Attendance> Attendees,
    IReadOnlyList<Guid> TaskIds,
    IReadOnlyList<string> Evidence,
    TimeOnly? Start = null,
    TimeOnly? End = null,
    string? Place = null,
    string? Summary = null)
{
    public int Year => Date.Year;
}

public sealed record ActivityLogged(Guid ActivityId, ActivityFacts Facts, Actor By, DateTimeOffset At) : IActivityEvent;

/// <summary>A correction states the facts before and after, so every view can be adjusted from the event alone.</summary>
public sealed record ActivityCorrected(
    Guid ActivityId,
    ActivityFacts Before,
    ActivityFacts After,
    IReadOnlyList<string> Changed,
    string Reason,
    Actor By,
    DateTimeOffset At) : IActivityEvent;

public sealed record ActivityVoided(Guid ActivityId, ActivityFacts Facts, string Reason, Actor By, DateTimeOffset At) : IActivityEvent;

/// <summary>An event about one activity: the activity record it goes to.</summary>
public interface IActivityEvent : IStudioEvent
{
    Guid ActivityId { get; }
}
