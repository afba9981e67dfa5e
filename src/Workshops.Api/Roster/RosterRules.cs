using Workshops.Core;
using Workshops.Studios;

namespace Workshops.Roster;

/// <summary>The roster rules, as pure functions of the studio: each answers null (allowed) or the refusal.</summary>
public static class RosterRules
{
    /// <summary>seed 000 二.3: a workshop has one host and 2–4 members (坊主1人，成员2-4人).</summary>
    public const int MinMembers = 2;
    public const int MaxMembers = 4;

    /// <summary>Double mentors (双导师) at most.</summary>
    public const int MaxMentorsPerMentee = 2;

    public static Refusal? EffectiveDate(StudioState studio, DateOnly on, DateOnly today)
    {
        if (on > today) return new("roster.date-in-future", $"The date {on:yyyy-MM-dd} is in the future.");
        if (on < studio.FoundedOn)
            return new("roster.date-before-founding",
                $"The date {on:yyyy-MM-dd} is before the studio was founded ({studio.FoundedOn:yyyy-MM-dd}).");
        return null;
    }

    /// <summary>Nobody holds two roster roles in the same studio at once.</summary>
    public static Refusal? OneRole(StudioState studio, string teacherId)
    {
        var held = studio.Roster.Holding(teacherId);
        if (held is not null)
            return new("roster.one-role",
                $"Teacher {teacherId} already holds the role {held.Role.Code()} ({held.Role.Label()}) in this studio.");
        if (studio.Roster.IsExpert(teacherId))
            return new("roster.one-role", $"{teacherId} is already an invited expert of this studio.");
        return null;
    }

    public static Refusal? AppointHost(StudioState studio, TeacherInfo teacher, DateOnly on, DateOnly today) =>
        studio.Roster.Host is { } host
            ? new("host.single", $"The studio already has a host ({host.TeacherId}); the host must step down before another is appointed.")
            : OneRole(studio, teacher.Id) ?? EffectiveDate(studio, on, today);

    public static Refusal? NameCoordinator(StudioState studio, TeacherInfo teacher, DateOnly on, DateOnly today) =>
        studio.Roster.Coordinator is { } coordinator
            ? new("coordinator.single", $"The studio already has a coordinator ({coordinator.TeacherId}); they must step down first.")
            : OneRole(studio, teacher.Id) ?? EffectiveDate(studio, on, today);

    public static Refusal? StepDown(StudioState studio, RosterRole role, DateOnly on, DateOnly today) =>
        studio.Roster.Places.FirstOrDefault(p => p.Role == role) is not { } holder
            ? new($"{role.Code()}.none", $"The studio has no {role.Code()} to step down.")
            : Ending(holder, on, today);

    public static Refusal? AddMember(StudioState studio, TeacherInfo teacher, DateOnly on, DateOnly today)
    {
        var members = studio.Roster.Members.Count();
        return OneRole(studio, teacher.Id)
            ?? (members >= MaxMembers
                ? new Refusal("members.max", $"The studio already has {members} members; seed 000 allows at most {MaxMembers}.")
                : null)
            ?? EffectiveDate(studio, on, today);
    }

    public static Refusal? RemoveMember(StudioState studio, string teacherId, DateOnly on, DateOnly today)
    {
        var member = studio.Roster.Members.FirstOrDefault(m => m.TeacherId == teacherId);
        return member is null
            ? new("members.unknown", $"Teacher {teacherId} is not a current member of this studio.")
            : Ending(member, on, today);
    }

    public static Refusal? EnrollTrainee(StudioState studio, TeacherInfo teacher, DateOnly on, DateOnly today) =>
        OneRole(studio, teacher.Id) ?? EffectiveDate(studio, on, today);

    public static Refusal? CompleteTrainee(StudioState studio, string teacherId, DateOnly on, DateOnly today)
    {
        var trainee = studio.Roster.Trainees.FirstOrDefault(m => m.TeacherId == teacherId);
        return trainee is null
            ? new("trainees.unknown", $"Teacher {teacherId} is not a current trainee of this studio.")
            : Ending(trainee, on, today);
    }

    /// <summary>Mentor–mentee pairs inside the studio (师徒结对); a mentee may have two mentors (双导师).</summary>
    public static Refusal? FormMentorship(StudioState studio, string mentorId, string menteeId, DateOnly on, DateOnly today)
    {
        var roster = studio.Roster;
        if (mentorId == menteeId) return new("mentorship.self", "A teacher cannot mentor themselves.");
        var mentorOnRoster = roster.Holding(mentorId) is not null || roster.IsExpert(mentorId);
        if (!mentorOnRoster)
            return new("mentorship.mentor-not-on-roster", $"Mentor {mentorId} is neither on the roster nor an invited expert.");
        var mentee = roster.Holding(menteeId);
        if (mentee is null || mentee.Role is not (RosterRole.Member or RosterRole.Trainee))
            return new("mentorship.mentee-not-on-roster", $"Mentee {menteeId} is not a current member or trainee.");
        var current = ActiveMentorships(roster).Where(m => m.MenteeId == menteeId).ToList();
        if (current.Any(m => m.MentorId == mentorId))
            return new("mentorship.duplicate", $"{mentorId} already mentors {menteeId}.");
        if (current.Count >= MaxMentorsPerMentee)
            return new("mentorship.max-mentors", $"{menteeId} already has {MaxMentorsPerMentee} mentors (双导师).");
        return EffectiveDate(studio, on, today);
    }

    public static Refusal? InviteExpert(StudioState studio, Expert expert, DateOnly on, DateOnly today)
    {
        if (studio.Roster.IsExpert(expert.Id))
            return new("experts.duplicate", $"{expert.Id} is already an invited expert of this studio.");
        if (studio.Roster.Holding(expert.Id) is not null)
            return new("roster.one-role", $"{expert.Id} already holds a roster role in this studio.");
        return EffectiveDate(studio, on, today);
    }

    /// <summary>Pairs whose mentor and mentee are both still with the studio.</summary>
    public static IEnumerable<Mentorship> ActiveMentorships(RosterState roster) =>
        roster.Mentorships.Where(m =>
            (roster.Holding(m.MentorId) is not null || roster.IsExpert(m.MentorId)) && roster.Holding(m.MenteeId) is not null);

    /// <summary>Pairs whose mentor and mentee are both still with the studio, as the studio view has them.</summary>
    public static IEnumerable<Mentorship> ActiveMentorships(Studio studio) =>
        studio.Mentorships.Where(m =>
            (studio.Holding(m.MentorId) is not null || studio.Experts.Any(x => x.Expert.Id == m.MentorId)) && studio.Holding(m.MenteeId) is not null);

    /// <summary>What the studio view shows as warnings: a composition outside seed 000's shape is allowed but visible.</summary>
    public static IReadOnlyList<Warning> Warnings(Studio studio)
    {
        var warnings = new List<Warning>();
        if (studio.Host is null) warnings.Add(new("composition.no-host", "工作坊尚未任命坊主（主持人）。"));
        if (studio.Members.Count < MinMembers)
            warnings.Add(new("composition.members-below-min",
                $"工作坊成员{studio.Members.Count}人，少于{MinMembers}人（成员应为{MinMembers}-{MaxMembers}人）。"));
        return warnings;
    }

    private static Refusal? Ending(Place holder, DateOnly on, DateOnly today)
    {
        if (on > today) return new("roster.date-in-future", $"The date {on:yyyy-MM-dd} is in the future.");
        return on < holder.Since
            ? new("roster.date-before-start", $"The date {on:yyyy-MM-dd} is before the role began ({holder.Since:yyyy-MM-dd}).")
            : null;
    }
}
