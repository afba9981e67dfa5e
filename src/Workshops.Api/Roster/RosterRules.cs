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

    public static Refusal? EffectiveDate(Studio studio, DateOnly on, DateOnly today)
    {
        if (on > today) return new("roster.date-in-future", $"The date {on:yyyy-MM-dd} is in the future.");
        if (on < studio.FoundedOn)
            return new("roster.date-before-founding",
                $"The date {on:yyyy-MM-dd} is before the studio was founded ({studio.FoundedOn:yyyy-MM-dd}).");
        return null;
    }

    /// <summary>Nobody holds two roster roles in the same studio at once.</summary>
    public static Refusal? OneRole(Studio studio, string teacherId)
    {
        var held = studio.Holding(teacherId);
        if (held is not null)
            return new("roster.one-role",
                $"Teacher {teacherId} already holds the role {held.Role.Code()} ({held.Role.Label()}) in this studio.");
        if (studio.Experts.Any(x => x.Expert.Id == teacherId))
            return new("roster.one-role", $"{teacherId} is already an invited expert of this studio.");
        return null;
    }

    public static Refusal? AppointHost(Studio studio, TeacherInfo teacher, DateOnly on, DateOnly today) =>
        studio.Host is not null
            ? new("host.single",
                $"The studio already has a host ({studio.Host.Teacher.Name}); the host must step down before another is appointed.")
            : OneRole(studio, teacher.Id) ?? EffectiveDate(studio, on, today);

    public static Refusal? NameCoordinator(Studio studio, TeacherInfo teacher, DateOnly on, DateOnly today) =>
        studio.Coordinator is not null
            ? new("coordinator.single",
                $"The studio already has a coordinator ({studio.Coordinator.Teacher.Name}); they must step down first.")
            : OneRole(studio, teacher.Id) ?? EffectiveDate(studio, on, today);

    public static Refusal? StepDown(Studio studio, RosterEntry? holder, RosterRole role, DateOnly on, DateOnly today) =>
        holder is null
            ? new($"{role.Code()}.none", $"The studio has no {role.Code()} to step down.")
            : Ending(studio, holder, on, today);

    public static Refusal? AddMember(Studio studio, TeacherInfo teacher, DateOnly on, DateOnly today) =>
        OneRole(studio, teacher.Id)
        ?? (studio.Members.Count >= MaxMembers
            ? new Refusal("members.max",
                $"The studio already has {studio.Members.Count} members; seed 000 allows at most {MaxMembers}.")
            : null)
        ?? EffectiveDate(studio, on, today);

    public static Refusal? RemoveMember(Studio studio, string teacherId, DateOnly on, DateOnly today)
    {
        var member = studio.Members.FirstOrDefault(m => m.Teacher.Id == teacherId);
        return member is null
            ? new("members.unknown", $"Teacher {teacherId} is not a current member of this studio.")
            : Ending(studio, member, on, today);
    }

    public static Refusal? EnrollTrainee(Studio studio, TeacherInfo teacher, DateOnly on, DateOnly today) =>
        OneRole(studio, teacher.Id) ?? EffectiveDate(studio, on, today);

    public static Refusal? CompleteTrainee(Studio studio, string teacherId, DateOnly on, DateOnly today)
    {
        var trainee = studio.Trainees.FirstOrDefault(m => m.Teacher.Id == teacherId);
        return trainee is null
            ? new("trainees.unknown", $"Teacher {teacherId} is not a current trainee of this studio.")
            : Ending(studio, trainee, on, today);
    }

    /// <summary>Mentor–mentee pairs inside the studio (师徒结对); a mentee may have two mentors (双导师).</summary>
    public static Refusal? FormMentorship(Studio studio, string mentorId, string menteeId, DateOnly on, DateOnly today)
    {
        if (mentorId == menteeId) return new("mentorship.self", "A teacher cannot mentor themselves.");
        var mentorOnRoster = studio.Holding(mentorId) is not null || studio.Experts.Any(x => x.Expert.Id == mentorId);
        if (!mentorOnRoster)
            return new("mentorship.mentor-not-on-roster", $"Mentor {mentorId} is neither on the roster nor an invited expert.");
        var mentee = studio.Holding(menteeId);
        if (mentee is null || mentee.Role is not (RosterRole.Member or RosterRole.Trainee))
            return new("mentorship.mentee-not-on-roster", $"Mentee {menteeId} is not a current member or trainee.");
        var current = ActiveMentorships(studio).Where(m => m.MenteeId == menteeId).ToList();
        if (current.Any(m => m.MentorId == mentorId))
            return new("mentorship.duplicate", $"{mentorId} already mentors {menteeId}.");
        if (current.Count >= MaxMentorsPerMentee)
            return new("mentorship.max-mentors", $"{menteeId} already has {MaxMentorsPerMentee} mentors (双导师).");
        return EffectiveDate(studio, on, today);
    }

    public static Refusal? InviteExpert(Studio studio, Expert expert, DateOnly on, DateOnly today)
    {
        if (studio.Experts.Any(x => x.Expert.Id == expert.Id))
            return new("experts.duplicate", $"{expert.Id} is already an invited expert of this studio.");
        if (studio.Holding(expert.Id) is not null)
            return new("roster.one-role", $"{expert.Id} already holds a roster role in this studio.");
        return EffectiveDate(studio, on, today);
    }

    /// <summary>Pairs whose mentor and mentee are both still with the studio.</summary>
    public static IEnumerable<Mentorship> ActiveMentorships(Studio studio) =>
        studio.Mentorships.Where(m =>
            (studio.Holding(m.MentorId) is not null || studio.Experts.Any(x => x.Expert.Id == m.MentorId)) &&
            studio.Holding(m.MenteeId) is not null);

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

    private static Refusal? Ending(Studio studio, RosterEntry holder, DateOnly on, DateOnly today)
    {
        if (on > today) return new("roster.date-in-future", $"The date {on:yyyy-MM-dd} is in the future.");
        return on < holder.Since
            ? new("roster.date-before-start", $"The date {on:yyyy-MM-dd} is before the role began ({holder.Since:yyyy-MM-dd}).")
            : null;
    }
}
