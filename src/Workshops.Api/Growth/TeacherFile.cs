using System.Text.Json.Serialization;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Workshops.Activities;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Growth;

public sealed record Membership(Guid StudioId, string StudioName, Region Region, RosterRole Role, DateOnly From, DateOnly? To);

/// <summary>
/// Training hours credited to a teacher. A credit is never edited: a correction or void marks it removed at that
/// moment and adds the new one, so hours can be asked as of any past day.
/// </summary>
public sealed record Credit(
    string Key,
    Guid StudioId,
    CreditCategory Category,
    TrainingLevel Level,
    decimal Hours,
    DateOnly Date,
    string Title,
    DateTimeOffset RecordedAt,
    DateTimeOffset? RemovedAt = null,
    Guid? ActivityId = null,
    EventRef? Ref = null,
    int Count = 1)
{
    public bool StandsAt(DateTimeOffset moment) => RecordedAt < moment && (RemovedAt is null || RemovedAt >= moment);
}

public sealed record ProfileRevision(int Revision, Guid StudioId, GrowthProfile Profile, EventRef Ref);

public sealed record Award(Guid EntryId, AwardKind Kind, string Title, TrainingLevel Level, DateOnly Date, string? Rank, EventRef Ref);

public sealed record Rating(Guid EntryId, Rater Rater, string RaterId, DateOnly Date, IReadOnlyDictionary<Ability, int> Ratings, string? Note, EventRef Ref);

public sealed record Note(Guid EntryId, string Kind, string? AuthorId, DateOnly Date, string Text, EventRef Ref);

public sealed record TierStep(Tier Tier, string Rule, string Basis, DateOnly On, Guid StudioId, EventRef Ref);

public sealed record Recognised(RecognitionTitle Title, int Year, string Rule, string Basis, DateOnly On, Guid StudioId, EventRef Ref);

/// <summary>
/// One teacher's growth file (成长档案) across every studio they were ever in: a multi-stream projection keyed by
/// teacher id, kept by the async daemon. Training credits are kept apart, one <see cref="CreditMonth"/> per teacher and
/// year, so a busy teacher's file stays small; <see cref="TeacherFiles.Load"/> joins them in as <see cref="Credits"/>.
/// </summary>
public sealed record TeacherFile
{
    public string Id { get; init; } = "";
    public TeacherInfo? Teacher { get; init; }
    public IReadOnlyList<Membership> Studios { get; init; } = [];
    public IReadOnlyList<ProfileRevision> Profiles { get; init; } = [];
    /// <summary>Credits joined in from the teacher's <see cref="CreditMonth"/> documents when loaded; not stored in the file.</summary>
    [JsonIgnore] public IReadOnlyList<Credit> Credits { get; init; } = [];
    public IReadOnlyList<Award> Awards { get; init; } = [];
    public IReadOnlyList<Rating> Ratings { get; init; } = [];
    public IReadOnlyList<Note> Notes { get; init; } = [];
    public IReadOnlyList<TierStep> Tiers { get; init; } = [];
    public IReadOnlyList<Recognised> Recognitions { get; init; } = [];
    /// <summary>Region codes of every studio the teacher was in: who may read the file.</summary>
    public IReadOnlyList<string> RegionCodes { get; init; } = [];
    public IReadOnlyList<Guid> StudioIds { get; init; } = [];

    /// <summary>The teachers whose file an event changes (activities change only their credit years).</summary>
    public static IEnumerable<string> Teachers(object data) => data switch
    {
        HostAppointed x => [x.Teacher.Id],
        CoordinatorNamed x => [x.Teacher.Id],
        MemberJoined x => [x.Teacher.Id],
        TraineeEnrolled x => [x.Teacher.Id],
        HostSteppedDown x => [x.TeacherId],
        CoordinatorSteppedDown x => [x.TeacherId],
        MemberLeft x => [x.TeacherId],
        TraineeCompleted x => [x.TeacherId],
        OutsideTrainingRecorded => [],
        IGrowthEvent x => [x.TeacherId],
        _ => [],
    };

    public static TrainingLevel LevelOf(StudioLevel level) => level switch
    {
        StudioLevel.School => TrainingLevel.School,
        StudioLevel.District => TrainingLevel.District,
        StudioLevel.Municipal => TrainingLevel.Municipal,
        _ => TrainingLevel.Provincial,
    };

    /// <summary>Folds one event into the file; <paramref name="studio"/> is the studio of the event's stream.</summary>
    public static TeacherFile Fold(TeacherFile? file, string teacherId, IEvent e, Studio? studio)
    {
        var doc = file ?? new TeacherFile { Id = teacherId };
        var at = EventRef.Of(e);
        var studioId = e.StreamId;
        return e.Data switch
        {
            HostAppointed x => doc.Joined(x.Teacher, studio, studioId, RosterRole.Host, x.On),
            CoordinatorNamed x => doc.Joined(x.Teacher, studio, studioId, RosterRole.Coordinator, x.On),
            MemberJoined x => doc.Joined(x.Teacher, studio, studioId, RosterRole.Member, x.On),
            TraineeEnrolled x => doc.Joined(x.Teacher, studio, studioId, RosterRole.Trainee, x.On),
            HostSteppedDown x => doc.Left(studioId, x.On),
            CoordinatorSteppedDown x => doc.Left(studioId, x.On),
            MemberLeft x => doc.Left(studioId, x.On),
            TraineeCompleted x => doc.Left(studioId, x.On),
            GrowthProfileRecorded x => doc with { Profiles = [.. doc.Profiles, new ProfileRevision(x.Revision, studioId, x.Profile, at)] },
            AwardRecorded x => doc with { Awards = [.. doc.Awards, new Award(x.EntryId, x.Kind, x.Title, x.Level, x.Date, x.Rank, at)] },
            AbilitiesRated x => doc with { Ratings = [.. doc.Ratings, new Rating(x.EntryId, x.Rater, x.RaterId, x.Date, x.Ratings, x.Note, at)] },
            MentorNoteAdded x => doc with { Notes = [.. doc.Notes, new Note(x.EntryId, "mentor-note", x.MentorId, x.Date, x.Text, at)] },
            GrowthReflectionAdded x => doc with { Notes = [.. doc.Notes, new Note(x.EntryId, "reflection", x.TeacherId, x.Date, x.Text, at)] },
            TierGranted x => doc with { Tiers = [.. doc.Tiers, new TierStep(x.Tier, x.Rule, x.Basis, x.On, studioId, at)] },
            RecognitionGranted x => doc with
            {
                Recognitions = [.. doc.Recognitions, new Recognised(x.Title, x.Year, x.Rule, x.Basis, x.On, studioId, at)],
            },
            _ => doc,
        };
    }

    private TeacherFile Joined(TeacherInfo teacher, Studio? studio, Guid studioId, RosterRole role, DateOnly on)
    {
        var region = studio?.Region ?? new Region("", "");
        var studios = Studios.Append(new Membership(studioId, studio?.Name ?? "", region, role, on, null)).ToList();
        return this with
        {
            Teacher = teacher,
            Studios = studios,
            StudioIds = [.. studios.Select(s => s.StudioId).Distinct()],
            RegionCodes = [.. studios.SelectMany(s => s.Region.Codes()).Where(c => c.Length > 0).Distinct()],
        };
    }

    private TeacherFile Left(Guid studioId, DateOnly on) => this with
    {
        Studios = [.. Studios.Select(s => s.StudioId == studioId && s.To is null ? s with { To = on } : s)],
    };

    /// <summary>The file as it was known at a moment: entries recorded later are left out (credits keep their own times).</summary>
    public TeacherFile AsOf(DateTimeOffset moment) => this with
    {
        Profiles = [.. Profiles.Where(x => x.Ref.At < moment)],
        Awards = [.. Awards.Where(x => x.Ref.At < moment)],
        Ratings = [.. Ratings.Where(x => x.Ref.At < moment)],
        Notes = [.. Notes.Where(x => x.Ref.At < moment)],
        Tiers = [.. Tiers.Where(x => x.Ref.At < moment)],
        Recognitions = [.. Recognitions.Where(x => x.Ref.At < moment)],
    };

    /// <summary>The credits standing at a moment, dated on or before a day.</summary>
    public IEnumerable<Credit> CreditsAt(DateTimeOffset moment, DateOnly day) =>
        Credits.Where(c => c.StandsAt(moment) && c.Date <= day);
}

/// <summary>One growth file per teacher, across every studio they were in.</summary>
public partial class TeacherFileProjection() : AcrossStudiosProjection<TeacherFile>(TeacherFile.Teachers)
{
    protected override TeacherFile Fold(TeacherFile? snapshot, string key, IEvent e, Studio? studio) => TeacherFile.Fold(snapshot, key, e, studio);
}
