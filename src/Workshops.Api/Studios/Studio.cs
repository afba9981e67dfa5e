using JasperFx.Events;
using Marten.Events.Aggregation;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Roster;

namespace Workshops.Studios;

[Codes("levels")]
public enum StudioLevel
{
    [Label("校级")] School,
    [Label("区级")] District,
    [Label("市级")] Municipal,
    [Label("省级")] Provincial,
}

[Codes("tracks")]
public enum Track
{
    /// <summary>Primary and secondary schools' head-teacher workshop (seed 000).</summary>
    [Label("中小学班主任工作坊")] K12,
    /// <summary>Vocational schools' head-teacher studio (seed 001).</summary>
    [Label("职业院校班主任工作室")] Vocational,
}

/// <summary>Build modes of seed 001 三.(一): who leads decides which fits.</summary>
[Codes("modes")]
public enum BuildMode
{
    [Label("名师工作室")] FamousTeacher,
    [Label("师徒结对")] Mentorship,
    [Label("模块化团队协作")] ModularTeam,
    [Label("其他")] Other,
}

public sealed record StudioEstablished(
    Guid StudioId,
    string Name,
    string School,
    Region Region,
    StudioLevel Level,
    Track Track,
    bool Rural,
    DateOnly FoundedOn,
    BuildMode Mode,
    Actor By,
    DateTimeOffset At) : IStudioEvent;

public sealed record Warning(string Code, string Message);

/// <summary>
/// The studio: identity, region and roster. It is the write model the roster rules decide on and the studio
/// view served by GET /api/studios/{id}; Marten keeps it inline with every append.
/// </summary>
public sealed record Studio
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string Name { get; init; } = "";
    public string School { get; init; } = "";
    public Region Region { get; init; } = new("", "");
    public StudioLevel Level { get; init; }
    public Track Track { get; init; }
    public bool Rural { get; init; }
    public DateOnly FoundedOn { get; init; }
    public BuildMode Mode { get; init; }
    public RosterEntry? Host { get; init; }
    public RosterEntry? Coordinator { get; init; }
    public IReadOnlyList<RosterEntry> Members { get; init; } = [];
    public IReadOnlyList<RosterEntry> Trainees { get; init; } = [];
    public IReadOnlyList<Mentorship> Mentorships { get; init; } = [];
    public IReadOnlyList<ExpertEntry> Experts { get; init; } = [];
    /// <summary>Roles held earlier and ended (left, completed, stepped down): the roster's history.</summary>
    public IReadOnlyList<RosterTerm> FormerRoles { get; init; } = [];
    public IReadOnlyList<Warning> Warnings { get; init; } = [];
    public DateTimeOffset EstablishedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public IEnumerable<RosterEntry> CurrentRoster()
    {
        if (Host is not null) yield return Host;
        if (Coordinator is not null) yield return Coordinator;
        foreach (var m in Members) yield return m;
        foreach (var t in Trainees) yield return t;
    }

    public RosterEntry? Holding(string teacherId) => CurrentRoster().FirstOrDefault(r => r.Teacher.Id == teacherId);

    /// <summary>The role a teacher held on a date, from the current roster and the history.</summary>
    public RosterRole? RoleOn(string teacherId, DateOnly date)
    {
        var current = Holding(teacherId);
        if (current is not null && current.Since <= date) return current.Role;
        return FormerRoles.FirstOrDefault(t => t.TeacherId == teacherId && t.From <= date && date <= t.To)?.Role;
    }

    public static Studio? Fold(Studio? studio, IEvent e)
    {
        var next = e.Data switch
        {
            StudioEstablished x => new Studio
            {
                Id = x.StudioId,
                Name = x.Name,
                School = x.School,
                Region = x.Region,
                Level = x.Level,
                Track = x.Track,
                Rural = x.Rural,
                FoundedOn = x.FoundedOn,
                Mode = x.Mode,
                EstablishedAt = x.At,
            },
            _ when studio is null => null,
            HostAppointed x => studio with { Host = new RosterEntry(x.Teacher, RosterRole.Host, x.On) },
            HostSteppedDown x => studio.End(studio.Host, x.On) with { Host = null },
            CoordinatorNamed x => studio with { Coordinator = new RosterEntry(x.Teacher, RosterRole.Coordinator, x.On) },
            CoordinatorSteppedDown x => studio.End(studio.Coordinator, x.On) with { Coordinator = null },
            MemberJoined x => studio with { Members = [.. studio.Members, new RosterEntry(x.Teacher, RosterRole.Member, x.On)] },
            MemberLeft x => studio.End(studio.Members.FirstOrDefault(m => m.Teacher.Id == x.TeacherId), x.On) with
            {
                Members = [.. studio.Members.Where(m => m.Teacher.Id != x.TeacherId)],
            },
            TraineeEnrolled x => studio with { Trainees = [.. studio.Trainees, new RosterEntry(x.Teacher, RosterRole.Trainee, x.On)] },
            TraineeCompleted x => studio.End(studio.Trainees.FirstOrDefault(m => m.Teacher.Id == x.TeacherId), x.On) with
            {
                Trainees = [.. studio.Trainees.Where(m => m.Teacher.Id != x.TeacherId)],
            },
            MentorshipFormed x => studio with { Mentorships = [.. studio.Mentorships, new Mentorship(x.MentorId, x.MenteeId, x.On)] },
            ExpertInvited x => studio with { Experts = [.. studio.Experts, new ExpertEntry(x.Expert, x.On)] },
            _ => studio,
        };
        if (next is null) return null;
        if (!ReferenceEquals(next, studio) && e.Data is IStudioEvent stamped) next = next with { UpdatedAt = stamped.At };
        return next with { Warnings = RosterRules.Warnings(next) };
    }

    private Studio End(RosterEntry? entry, DateOnly on) => entry is null
        ? this
        : this with { FormerRoles = [.. FormerRoles, new RosterTerm(entry.Teacher.Id, entry.Teacher.Name, entry.Role, entry.Since, on)] };
}

/// <summary>Every studio event carries who recorded it and when.</summary>
public interface IStudioEvent
{
    Actor By { get; }
    DateTimeOffset At { get; }
}

public partial class StudioProjection : SingleStreamProjection<Studio, Guid>
{
    public override Studio? Evolve(Studio? snapshot, Guid id, IEvent e) => Studio.Fold(snapshot, e);
}
