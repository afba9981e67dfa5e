using Workshops.Growth;
using Workshops.Roster;
using Workshops.Studios;

namespace Workshops.Teachers;

public sealed record HonourHeld(HonourKind Honour, HonourLevel Level, string Issuer, string? Name, string? Subject, DateOnly On, DateOnly? ValidUntil);

public sealed record RecognitionHeld(string RuleSet, string Rung, string Title, string? Issuer, DateOnly Since);

/// <summary>A mentor pairing begun by the day (Until: its last day, if set).</summary>
public sealed record MentorOn(string MentorId, string MentorName, DateOnly Since, DateOnly? Until)
{
    public bool Covers(DateOnly day) => Since <= day && (Until is null || day <= Until);
}

/// <summary>A period as it stood on the day: begun by then, with its last day if it had ended by then.</summary>
public sealed record PeriodOn(DateOnly From, DateOnly? To, string? School, int Days);

/// <summary>
/// What a teacher's record says on one day: the facts every rule reads ("years as head teacher", "still serving",
/// "rural", "title", honours). Years as head teacher are the periods summed with the gaps left out, the open period
/// counted up to the day; a year completes on the anniversary of the start shifted by the gaps (one period: its
/// start's anniversary, as <see cref="Service.FullYears"/>).
/// </summary>
public sealed record TeacherFacts(
    string TeacherId,
    DateOnly AsOf,
    string Name,
    Gender Gender,
    int? BirthYear,
    string Subject,
    bool? PartyMember,
    string School,
    string Region,
    Track Track,
    bool Rural,
    bool OnRuralPosting,
    bool ServingAsHeadTeacher,
    int HeadTeacherYears,
    int HeadTeacherDays,
    IReadOnlyList<PeriodOn> HeadTeacherPeriods,
    DateOnly? TeachingSince,
    int? TeachingYears,
    ProfessionalTitle? Title,
    DateOnly? TitleSince,
    IReadOnlyList<HonourHeld> Honours,
    IReadOnlyList<RecognitionHeld> Recognitions,
    bool Principal,
    int PrincipalYears,
    IReadOnlyList<MentorOn> Mentors,
    DateOnly? ExpertCandidateSince,
    DateOnly? ExpertTrainedOn)
{
    /// <summary>Whole years from the service days counted up to a day (the anniversary of the shifted start).</summary>
    public static int YearsOf(int days, DateOnly day) => Service.FullYears(day.AddDays(-days), day);

    public static TeacherFacts AsOfDay(TeacherRecord r, DateOnly day)
    {
        var school = r.SchoolOn(day);
        var headDays = r.HeadTeacher.Sum(p => p.DaysBefore(day));
        var principalDays = r.Principal.Sum(p => p.DaysBefore(day));
        var title = r.Titles.LastOrDefault(t => t.On <= day);
        var rural = r.RuralPostings.Any(p => p.Covers(day));
        var teaching = r.TeachingSince is { } since && since.On <= day ? since.On : (DateOnly?)null;
        return new TeacherFacts(
            r.TeacherId, day, r.Name, r.Gender, r.BirthYear, r.Subject, r.PartyMember,
            school.School, school.Region, school.Track, school.Rural || rural, rural,
            r.HeadTeacher.Any(p => p.Covers(day)),
            YearsOf(headDays, day), headDays,
            [.. r.HeadTeacher.Where(p => p.From <= day).Select(p => new PeriodOn(p.From, p.To is { } to && to < day ? to : null, p.School, p.DaysBefore(day)))],
            teaching, teaching is { } t ? Service.FullYears(t, day) : null,
            title?.Title, title?.On,
            [.. r.Honours.Where(h => h.HeldOn(day)).Select(h => new HonourHeld(h.Honour, h.Level, h.Issuer, h.Name, h.Subject, h.On, h.ValidUntil))],
            [.. r.Recognitions.Where(s => s.HeldOn(day)).Select(s => new RecognitionHeld(s.RuleSet, s.Rung, s.Title, s.Issuer, s.From))],
            r.Principal.Any(p => p.Covers(day)), YearsOf(principalDays, day),
            [.. r.Mentors.Where(m => m.On <= day).Select(m => new MentorOn(m.MentorId, m.MentorName, m.On, m.Until))],
            r.Expert is { } e && e.On <= day ? e.On : null,
            r.Expert is { TrainedOn: { } trained } && trained <= day ? trained : null);
    }

    /// <summary>
    /// The facts a roster entry carried when the teacher joined (<see cref="TeacherInfo"/>), for teachers who have no
    /// record yet: service counts from its start and is open while they served at joining; a teacher who no longer
    /// served is counted up to the day they joined, the last day known.
    /// </summary>
    public static TeacherFacts FromJoinFacts(TeacherInfo t, DateOnly joined, DateOnly day, string region, Track track)
    {
        var period = new Period(Guid.Empty, Guid.Empty, t.HeadTeacherSince, t.School, To: t.ServingAsHeadTeacher ? null : joined.AddDays(-1));
        var days = period.DaysBefore(day);
        var title = Enum.GetValues<ProfessionalTitle>().Cast<ProfessionalTitle?>()
            .FirstOrDefault(x => Core.Codes.Label(x!.Value) == t.Title.Trim());
        var principalDays = t.PrincipalSince is { } p && p <= day ? day.DayNumber - p.DayNumber : 0;
        return new TeacherFacts(
            t.Id, day, t.Name, t.Gender, t.BirthYear, t.Subject, t.PartyMember, t.School, region, track, t.Rural, false,
            period.Covers(day), YearsOf(days, day), days,
            t.HeadTeacherSince <= day ? [new PeriodOn(period.From, period.To is { } to && to < day ? to : null, t.School, days)] : [],
            t.TeachingSince <= day ? t.TeachingSince : null, t.TeachingSince <= day ? Service.FullYears(t.TeachingSince, day) : null,
            title, null,
            t.CitySubjectLeader == true
                ? [new HonourHeld(HonourKind.SubjectLeader, HonourLevel.Municipal, "", "市学科带头人（加入时登记）", t.Subject, joined, null)]
                : [],
            [], t.PrincipalSince is { } since && since <= day, YearsOf(principalDays, day), [], null, null);
    }
}
