using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Growth;

/// <summary>The intake profile of a member or trainee (seed 001 三.(三).2).</summary>
public sealed record GrowthProfile(
    string KnowledgeBase,
    string PracticeBase,
    string Personality,
    string Philosophy,
    string Aspirations);

/// <summary>A growth-file event is about one teacher of the studio.</summary>
public interface IGrowthEvent : IStudioEvent
{
    string TeacherId { get; }
}

public sealed record GrowthProfileRecorded(string TeacherId, GrowthProfile Profile, int Revision, Actor By, DateTimeOffset At) : IGrowthEvent;

public sealed record OutsideTrainingRecorded(
    Guid EntryId,
    string TeacherId,
    string Course,
    TrainingLevel Level,
    CreditCategory Category,
    decimal Hours,
    DateOnly Date,
    string? CertificateRef,
    Actor By,
    DateTimeOffset At) : IGrowthEvent;

public sealed record AwardRecorded(Guid EntryId, string TeacherId, AwardKind Kind, string Title, TrainingLevel Level, DateOnly Date,
    string? Rank, Actor By, DateTimeOffset At) : IGrowthEvent;

public sealed record AbilitiesRated(Guid EntryId, string TeacherId, Rater Rater, string RaterId, DateOnly Date,
    IReadOnlyDictionary<Ability, int> Ratings, string? Note, Actor By, DateTimeOffset At) : IGrowthEvent;

public sealed record MentorNoteAdded(Guid EntryId, string TeacherId, string MentorId, DateOnly Date, string Text, Actor By, DateTimeOffset At)
    : IGrowthEvent;

public sealed record GrowthReflectionAdded(Guid EntryId, string TeacherId, DateOnly Date, string Text, Actor By, DateTimeOffset At)
    : IGrowthEvent;

/// <summary>A tier of the pyramid, with the rule that granted it.</summary>
public sealed record TierGranted(string TeacherId, Tier Tier, string Rule, string Basis, DateOnly On, Actor By, DateTimeOffset At,
    bool Rural = false) : IGrowthEvent;

/// <summary>A title conferred by a qualified assessment (seed 000 三.(二).3), with the rule and the year assessed.</summary>
public sealed record RecognitionGranted(string TeacherId, RecognitionTitle Title, int Year, string Rule, string Basis, DateOnly On,
    Actor By, DateTimeOffset At, bool Rural = false) : IGrowthEvent;
