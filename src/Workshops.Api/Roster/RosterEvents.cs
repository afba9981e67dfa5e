using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;

namespace Workshops.Roster;

[Codes("roster-roles")]
public enum RosterRole
{
    [Label("坊主/主持人")] Host,
    [Label("负责人")] Coordinator,
    [Label("成员")] Member,
    [Label("研修人员")] Trainee,
}

public sealed record RosterEntry(TeacherInfo Teacher, RosterRole Role, DateOnly Since, EventRef? Ref = null);

public sealed record RosterTerm(string TeacherId, string Name, RosterRole Role, DateOnly From, DateOnly To);

public sealed record Mentorship(string MentorId, string MenteeId, DateOnly Since);

public sealed record ExpertEntry(Expert Expert, DateOnly Since);

public sealed record HostAppointed(TeacherInfo Teacher, DateOnly On, Actor By, DateTimeOffset At) : IStudioEvent;

public sealed record HostSteppedDown(string TeacherId, DateOnly On, string? Reason, Actor By, DateTimeOffset At) : IStudioEvent;

public sealed record CoordinatorNamed(TeacherInfo Teacher, DateOnly On, Actor By, DateTimeOffset At) : IStudioEvent;

public sealed record CoordinatorSteppedDown(string TeacherId, DateOnly On, string? Reason, Actor By, DateTimeOffset At) : IStudioEvent;

public sealed record MemberJoined(TeacherInfo Teacher, DateOnly On, Actor By, DateTimeOffset At) : IStudioEvent;

public sealed record MemberLeft(string TeacherId, DateOnly On, string? Reason, Actor By, DateTimeOffset At) : IStudioEvent;

public sealed record TraineeEnrolled(TeacherInfo Teacher, DateOnly On, Actor By, DateTimeOffset At) : IStudioEvent;

public sealed record TraineeCompleted(string TeacherId, DateOnly On, string? Note, Actor By, DateTimeOffset At) : IStudioEvent;

public sealed record MentorshipFormed(string MentorId, string MenteeId, DateOnly On, Actor By, DateTimeOffset At) : IStudioEvent;

public sealed record ExpertInvited(Expert Expert, DateOnly On, Actor By, DateTimeOffset At) : IStudioEvent;
