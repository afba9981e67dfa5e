using Workshops.Roster;
using Workshops.Studios;
using Workshops.Teachers;
using static Workshops.Tests.Support.Given;

namespace Workshops.Tests.Teachers;

/// <summary>Teacher records for pure rule tests, folded from events exactly as the projection folds them.</summary>
public static class TeacherGiven
{
    public const string Id = "T350203-0007";
    public static readonly Guid Stream = TeacherStreams.IdOf(Id);

    public static DateOnly D(string day) => DateOnly.Parse(day);

    public static TeacherRegistered Registered(string school = "厦门市第一中学", string region = "350203", Track track = Track.K12, bool rural = false,
        string subject = "语文") =>
        new(Id, "陈美玲", Gender.Female, 1985, school, region, track, rural, subject, new Education(EducationLevel.Bachelor, "福建师范大学", "汉语言文学"),
            true, By, At);

    public static HeadTeacherServiceStarted Started(string from, Guid? period = null, Guid? corrects = null)
    {
        var id = Guid.NewGuid();
        return new(Id, id, period ?? id, D(from), "厦门市第一中学", corrects, corrects is null ? null : "更正", By, At);
    }

    public static HeadTeacherServiceEnded Ended(Guid period, string on) => new(Id, Guid.NewGuid(), period, D(on), null, null, By, At);

    public static TeachingStarted Teaching(string on) => new(Id, Guid.NewGuid(), D(on), null, null, By, At);

    public static ProfessionalTitleChanged Title(ProfessionalTitle title, string on, Guid? corrects = null) =>
        new(Id, Guid.NewGuid(), title, D(on), corrects, corrects is null ? null : "更正", By, At);

    public static HonourConferred Honour(HonourKind kind, HonourLevel level, string on, string? subject = null, string? until = null) =>
        new(Id, Guid.NewGuid(), kind, level, "厦门市教育局", null, subject, D(on), until is null ? null : D(until), null, null, By, At);

    public static MentorPaired Mentor(string on) => new(Id, Guid.NewGuid(), "T0001", "王老师", D(on), null, null, null, By, At);

    public static RecognitionConferred Recognised(string rung, string on, string ruleSet = "xiamen-k12-2022") =>
        new(Id, ruleSet, rung, rung, null, Workshops.Programmes.RungPath.Grant, $"{ruleSet}.{rung}", "测试", D(on), null, By, At);

    public static TeacherRecord Record(params ITeacherEvent[] events)
    {
        var version = 0L;
        return TeacherRecord.Of(events.Prepend<ITeacherEvent>(Registered()).Select(e => Wrap(e, ++version, Stream)))!;
    }

    public static TeacherRecord RecordOf(params ITeacherEvent[] events)
    {
        var version = 0L;
        return TeacherRecord.Of(events.Select(e => Wrap(e, ++version, Stream)))!;
    }

    public static TeacherFacts Facts(TeacherRecord record, string day) => TeacherFacts.AsOfDay(record, D(day));
}
