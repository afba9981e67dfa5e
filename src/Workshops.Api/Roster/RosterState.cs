namespace Workshops.Roster;

/// <summary>A place on the roster: who holds which role, since when.</summary>
public sealed record Place(string TeacherId, RosterRole Role, DateOnly Since);

/// <summary>A role held earlier and ended: the roster rules judge a past day by it (who attended, who authored).</summary>
public sealed record Term(string TeacherId, RosterRole Role, DateOnly From, DateOnly To);

/// <summary>An outside expert invited to the team, since when.</summary>
public sealed record Invited(string ExpertId, DateOnly Since);

/// <summary>
/// The roster as the studio's commands decide on it: teacher ids, roles and dates only. Names and teacher facts are
/// in the studio view (<see cref="Studios.Studio"/>); the decision state stays the size of the roster's history.
/// </summary>
public sealed record RosterState
{
    public IReadOnlyList<Place> Places { get; init; } = [];
    public IReadOnlyList<Term> Terms { get; init; } = [];
    public IReadOnlyList<Invited> Experts { get; init; } = [];
    public IReadOnlyList<Mentorship> Mentorships { get; init; } = [];

    public Place? Host => Places.FirstOrDefault(p => p.Role == RosterRole.Host);
    public Place? Coordinator => Places.FirstOrDefault(p => p.Role == RosterRole.Coordinator);
    public IEnumerable<Place> Members => Places.Where(p => p.Role == RosterRole.Member);
    public IEnumerable<Place> Trainees => Places.Where(p => p.Role == RosterRole.Trainee);

    public Place? Holding(string teacherId) => Places.FirstOrDefault(p => p.TeacherId == teacherId);

    public bool IsExpert(string teacherId) => Experts.Any(x => x.ExpertId == teacherId);

    /// <summary>The role a teacher held on a date, from the current places and the ended terms.</summary>
    public RosterRole? RoleOn(string teacherId, DateOnly date)
    {
        var current = Holding(teacherId);
        if (current is not null && current.Since <= date) return current.Role;
        return Terms.FirstOrDefault(t => t.TeacherId == teacherId && t.From <= date && date <= t.To)?.Role;
    }

    /// <summary>Whether the teacher was ever on this roster (now or in an ended term).</summary>
    public bool EverHeld(string teacherId) => Holding(teacherId) is not null || Terms.Any(t => t.TeacherId == teacherId);

    /// <summary>The roster events this state folds.</summary>
    public static readonly Type[] Events =
    [
        typeof(HostAppointed), typeof(HostSteppedDown), typeof(CoordinatorNamed), typeof(CoordinatorSteppedDown), typeof(MemberJoined),
        typeof(MemberLeft), typeof(TraineeEnrolled), typeof(TraineeCompleted), typeof(MentorshipFormed), typeof(ExpertInvited),
    ];

    public static RosterState Fold(RosterState roster, object data) => data switch
    {
        HostAppointed x => roster.Join(x.Teacher.Id, RosterRole.Host, x.On),
        CoordinatorNamed x => roster.Join(x.Teacher.Id, RosterRole.Coordinator, x.On),
        MemberJoined x => roster.Join(x.Teacher.Id, RosterRole.Member, x.On),
        TraineeEnrolled x => roster.Join(x.Teacher.Id, RosterRole.Trainee, x.On),
        HostSteppedDown x => roster.End(roster.Host, x.On),
        CoordinatorSteppedDown x => roster.End(roster.Coordinator, x.On),
        MemberLeft x => roster.End(roster.Members.FirstOrDefault(m => m.TeacherId == x.TeacherId), x.On),
        TraineeCompleted x => roster.End(roster.Trainees.FirstOrDefault(m => m.TeacherId == x.TeacherId), x.On),
        MentorshipFormed x => roster with { Mentorships = [.. roster.Mentorships, new Mentorship(x.MentorId, x.MenteeId, x.On)] },
        ExpertInvited x => roster with { Experts = [.. roster.Experts, new Invited(x.Expert.Id, x.On)] },
        _ => roster,
    };

    private RosterState Join(string teacherId, RosterRole role, DateOnly on) => this with { Places = [.. Places, new Place(teacherId, role, on)] };

    private RosterState End(Place? place, DateOnly on) => place is null
        ? this
        : this with
        {
            Places = [.. Places.Where(p => p != place)],
            Terms = [.. Terms, new Term(place.TeacherId, place.Role, place.Since, on)],
        };
}
