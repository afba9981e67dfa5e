using System.Security.Cryptography;
using System.Text;
using JasperFx.Events;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Growth;
using Workshops.Outputs;
using Workshops.Plans;
using Workshops.Roster;
using Workshops.Studios;
using Workshops.Years;

namespace Workshops.Integrations;

/// <summary>
/// The public contract other systems follow (feed and webhooks), version 1. Internal event classes are not the
/// contract: each is mapped here to a small, stable set of types. Ids are stable: an event's own id, or for events
/// that fan out (hours per attendee) a name-based UUID of that id and the teacher.
/// </summary>
public sealed record IntegrationEvent(
    Guid Id,
    string Type,
    int Version,
    long Sequence,
    Guid StudioId,
    Region Region,
    DateTimeOffset OccurredAt,
    object Data);

public static class IntegrationTypes
{
    public const string StudioEstablished = "studio.established";
    public const string RosterChanged = "roster.changed";
    public const string ActivityLogged = "activity.logged";
    public const string ActivityCorrected = "activity.corrected";
    public const string ActivityVoided = "activity.voided";
    public const string TaskClosed = "task.closed";
    public const string OutputRecommended = "output.recommended";
    public const string AssessmentRecorded = "assessment.recorded";
    public const string RecognitionGranted = "recognition.granted";
    /// <summary>
    /// Hours a teacher is credited for one activity or training entry. The latest value per (teacher, source) is the
    /// credit: a correction sends the new hours, a void sends 0.
    /// </summary>
    public const string HoursCredited = "hours.credited";

    /// <summary>How many public event types there are: the most a subscription can name (a test keeps it equal to <see cref="All"/>).</summary>
    public const int Count = 10;

    public static readonly IReadOnlyList<string> All =
        [StudioEstablished, RosterChanged, ActivityLogged, ActivityCorrected, ActivityVoided, TaskClosed, OutputRecommended,
         AssessmentRecorded, RecognitionGranted, HoursCredited];

    /// <summary>The internal event types that map to anything public (the rest are skipped by the feed).</summary>
    public static readonly Type[] Sources =
    [
        typeof(StudioEstablished), typeof(HostAppointed), typeof(HostSteppedDown), typeof(CoordinatorNamed), typeof(CoordinatorSteppedDown),
        typeof(MemberJoined), typeof(MemberLeft), typeof(TraineeEnrolled), typeof(TraineeCompleted), typeof(MentorshipFormed),
        typeof(ExpertInvited), typeof(Activities.ActivityLogged), typeof(Activities.ActivityCorrected), typeof(Activities.ActivityVoided),
        typeof(Plans.TaskClosed), typeof(Outputs.OutputRecommended), typeof(Years.AssessmentRecorded), typeof(Growth.RecognitionGranted),
        typeof(TierGranted), typeof(OutsideTrainingRecorded),
    ];
}

public sealed record RosterChange(string Change, string? Role, string? TeacherId, string? Name, DateOnly On, string? MentorId = null,
    string? MenteeId = null);

public sealed record AttendeeHours(string TeacherId, decimal Hours, bool Guest);

public sealed record ActivityData(Guid ActivityId, string Kind, IReadOnlyList<string> Domains, string Title, DateOnly Date, decimal Hours,
    IReadOnlyList<AttendeeHours> Attendees, IReadOnlyList<Guid> TaskIds);

public sealed record HoursData(string TeacherId, string Source, Guid SourceId, decimal Hours, DateOnly Date, string Title, string Category,
    string Level);

public static class IntegrationEvents
{
    public const int Version = 1;

    public static IEnumerable<IntegrationEvent> From(IEvent e, StudioIdentity studio)
    {
        var at = (e.Data as IStudioEvent)?.At ?? e.Timestamp;
        IntegrationEvent One(string type, object data, Guid? id = null) =>
            new(id ?? e.Id, type, Version, e.Sequence, e.StreamId, studio.Region, at, data);

        switch (e.Data)
        {
            case StudioEstablished x:
                yield return One(IntegrationTypes.StudioEstablished, new
                {
                    x.Name, x.School, Level = x.Level.Code(), Track = x.Track.Code(), x.Rural, x.FoundedOn, Mode = x.Mode.Code(),
                });
                break;
            case HostAppointed x: yield return One(IntegrationTypes.RosterChanged, Joined(x.Teacher, RosterRole.Host, x.On)); break;
            case CoordinatorNamed x: yield return One(IntegrationTypes.RosterChanged, Joined(x.Teacher, RosterRole.Coordinator, x.On)); break;
            case MemberJoined x: yield return One(IntegrationTypes.RosterChanged, Joined(x.Teacher, RosterRole.Member, x.On)); break;
            case TraineeEnrolled x: yield return One(IntegrationTypes.RosterChanged, Joined(x.Teacher, RosterRole.Trainee, x.On)); break;
            case HostSteppedDown x: yield return One(IntegrationTypes.RosterChanged, new RosterChange("left", "host", x.TeacherId, null, x.On)); break;
            case CoordinatorSteppedDown x: yield return One(IntegrationTypes.RosterChanged, new RosterChange("left", "coordinator", x.TeacherId, null, x.On)); break;
            case MemberLeft x: yield return One(IntegrationTypes.RosterChanged, new RosterChange("left", "member", x.TeacherId, null, x.On)); break;
            case TraineeCompleted x: yield return One(IntegrationTypes.RosterChanged, new RosterChange("completed", "trainee", x.TeacherId, null, x.On)); break;
            case MentorshipFormed x:
                yield return One(IntegrationTypes.RosterChanged, new RosterChange("mentorship-formed", null, null, null, x.On, x.MentorId, x.MenteeId));
                break;
            case ExpertInvited x:
                yield return One(IntegrationTypes.RosterChanged, new RosterChange("expert-invited", "expert", x.Expert.Id, x.Expert.Name, x.On));
                break;
            case Activities.ActivityLogged x:
                yield return One(IntegrationTypes.ActivityLogged, Activity(x.ActivityId, x.Facts));
                foreach (var h in Hours(e, studio, x.ActivityId, x.Facts, null)) yield return h;
                break;
            case Activities.ActivityCorrected x:
                yield return One(IntegrationTypes.ActivityCorrected, new { Activity = Activity(x.ActivityId, x.After), x.Changed, x.Reason });
                foreach (var h in Hours(e, studio, x.ActivityId, x.After, x.Before)) yield return h;
                break;
            case Activities.ActivityVoided x:
                yield return One(IntegrationTypes.ActivityVoided, new { x.ActivityId, x.Reason });
                foreach (var h in Hours(e, studio, x.ActivityId, x.Facts with { Attendees = [] }, x.Facts)) yield return h;
                break;
            case Plans.TaskClosed x:
                yield return One(IntegrationTypes.TaskClosed, new { x.TaskId, x.Year, x.Note, x.Evidence, x.ActivityIds });
                break;
            case Outputs.OutputRecommended x:
                yield return One(IntegrationTypes.OutputRecommended, new { x.OutputId, x.Year, Level = x.Level.Code(), x.Note });
                break;
            case Years.AssessmentRecorded x:
                yield return One(IntegrationTypes.AssessmentRecorded, new { x.Year, Result = x.Result.Code(), x.On, x.Note });
                break;
            case Growth.RecognitionGranted x:
                yield return One(IntegrationTypes.RecognitionGranted, new { x.TeacherId, Title = x.Title.Code(), Tier = (string?)null, x.Year, x.Rule, x.On });
                break;
            case TierGranted x:
                yield return One(IntegrationTypes.RecognitionGranted, new { x.TeacherId, Title = (string?)null, Tier = x.Tier.Code(), Year = x.On.Year, x.Rule, x.On });
                break;
            case OutsideTrainingRecorded x:
                yield return One(IntegrationTypes.HoursCredited, new HoursData(x.TeacherId, "outside-training", x.EntryId, x.Hours, x.Date, x.Course,
                    x.Category.Code(), x.Level.Code()));
                break;
        }
    }

    private static RosterChange Joined(TeacherInfo t, RosterRole role, DateOnly on) => new("joined", role.Code(), t.Id, t.Name, on);

    private static ActivityData Activity(Guid id, ActivityFacts f) => new(id, f.Kind.Code(), [.. f.Domains.Select(d => d.Code())], f.Title,
        f.Date, f.Hours, [.. f.Attendees.Select(a => new AttendeeHours(a.TeacherId, a.Hours, a.Guest))], f.TaskIds);

    /// <summary>One hours.credited per teacher whose credit for the activity is new or changed (0 when withdrawn).</summary>
    private static IEnumerable<IntegrationEvent> Hours(IEvent e, StudioIdentity studio, Guid activityId, ActivityFacts now, ActivityFacts? before)
    {
        var at = (e.Data as IStudioEvent)?.At ?? e.Timestamp;
        var current = now.Attendees.Where(a => !a.Guest).ToDictionary(a => a.TeacherId, a => a.Hours);
        var previous = before?.Attendees.Where(a => !a.Guest).ToDictionary(a => a.TeacherId, a => a.Hours) ?? [];
        var level = TeacherFile.LevelOf(studio.Level).Code();
        foreach (var teacher in current.Keys.Union(previous.Keys).Order(StringComparer.Ordinal))
        {
            var hours = current.GetValueOrDefault(teacher);
            if (previous.TryGetValue(teacher, out var was) && was == hours && before?.Date == now.Date) continue;
            yield return new IntegrationEvent(NameBased(e.Id, teacher), IntegrationTypes.HoursCredited, Version, e.Sequence, e.StreamId,
                studio.Region, at, new HoursData(teacher, "studio-activity", activityId, hours, now.Date, now.Title,
                    CreditCategory.StudioActivity.Code(), level));
        }
    }

    /// <summary>A name-based (version 5) UUID: the same event and name always give the same id.</summary>
    public static Guid NameBased(Guid space, string name)
    {
        var bytes = SHA1.HashData([.. space.ToByteArray(bigEndian: true), .. Encoding.UTF8.GetBytes(name)]);
        var guid = bytes[..16];
        guid[6] = (byte)((guid[6] & 0x0F) | 0x50);
        guid[8] = (byte)((guid[8] & 0x3F) | 0x80);
        return new Guid(guid, bigEndian: true);
    }
}
