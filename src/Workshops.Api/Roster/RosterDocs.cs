using Workshops.Core.Contract;
using Workshops.Demo;

namespace Workshops.Roster;

/// <summary>The roster's part of the contract.</summary>
public static class RosterDocs
{
    private static readonly TeacherInfo NewMember = new("T350203-0004", "李文博", Gender.Male, "厦门市第一中学", "历史", "一级教师",
        new DateOnly(2017, 9, 1), new DateOnly(2014, 9, 1), true, false, 1990, true);

    public static readonly ApiDocs Docs = new(
        [new TagDoc("Roster", "Who is in a studio, over time: one host (坊主/主持人), a coordinator (负责人) where seed 001 has one, two to four " +
                              "members (成员, seed 000), any number of trainees (研修人员), mentor pairs (师徒结对, a mentee may have two " +
                              "mentors: 双导师) and invited experts. Every change is dated; nobody holds two roles at once.", 2)],
        [
            new("AppointHost", "Appoint the host (坊主/主持人)", "Appoints the studio's one host, from the date given (today unless `on` says otherwise).",
                ["host.", "roster."], new AppointHost(DemoData.Host, new DateOnly(2022, 10, 16))),
            new("StepDownHost", "The host steps down", "Ends the host's term (today unless `on` says otherwise); a new host can then be appointed.",
                ["host.", "roster."], new StepDownHost(new DateOnly(2025, 8, 31), "调任区教师发展中心")),
            new("NameCoordinator", "Name a coordinator (负责人)", "Names the coordinator, who coordinates the studio's work but does not host it (seed 001).",
                ["coordinator.", "roster."], new NameCoordinator(DemoData.Members[0], new DateOnly(2023, 9, 1))),
            new("StepDownCoordinator", "The coordinator steps down", "Ends the coordinator's term.", ["coordinator.", "roster."],
                new StepDownCoordinator(new DateOnly(2025, 8, 31), "任期届满")),
            new("AddMember", "Add a member (成员)", "A teacher joins as a member; a studio has two to four (seed 000), so a fifth is refused.",
                ["members.", "roster."], new AddMember(NewMember, new DateOnly(2025, 9, 1))),
            new("LeaveMember", "A member leaves", "Ends a member's term; they may join again later.", ["members.", "roster."],
                new LeaveMember(new DateOnly(2025, 8, 31), "调往外区学校任教")),
            new("EnrollTrainee", "Enrol a trainee (研修人员)", "A teacher is enrolled for training in the studio; any number.", ["trainees.", "roster."],
                new EnrollTrainee(DemoData.Trainees[1], new DateOnly(2024, 9, 1))),
            new("CompleteTrainee", "A trainee completes", "A trainee completes their training in the studio.", ["trainees.", "roster."],
                new CompleteTrainee(new DateOnly(2025, 7, 10), "完成一年研修，考核合格。")),
            new("FormMentorship", "Pair a mentor and a mentee (师徒结对)",
                "A mentor (on the roster, or an invited expert) takes a member or trainee as mentee; a mentee may have two mentors (双导师).",
                ["mentorship.", "roster."], new FormMentorship(DemoData.Members[1].Id, DemoData.Trainees[1].Id, new DateOnly(2024, 9, 1))),
            new("InviteExpert", "Invite an expert", "An outside expert, a mental-health teacher or a researcher supplements the team.",
                ["experts.", "roster."], new InviteExpert(DemoData.Expert, new DateOnly(2022, 10, 16))),
        ],
        [
            new("host.single", "The studio has a host already.", "The host steps down first (POST …/host/step-down)."),
            new("host.none", "The studio has no host to step down.", "Appoint a host first."),
            new("coordinator.single", "The studio has a coordinator already.", "The coordinator steps down first."),
            new("coordinator.none", "The studio has no coordinator to step down.", "Name a coordinator first."),
            new("members.max", "The studio has four members already (seed 000: two to four).", "A member leaves first, or enrol the teacher as a trainee."),
            new("members.unknown", "The teacher is not a current member of this studio (404).", "Use the id of a current member."),
            new("trainees.unknown", "The teacher is not a current trainee of this studio (404).", "Use the id of a current trainee."),
            new("roster.one-role", "The teacher already holds a role in this studio (or is an invited expert).", "One role per person: end the other role first."),
            new("roster.date-in-future", "The date is after today.", "Send today's date or an earlier one."),
            new("roster.date-before-founding", "The date is before the studio was founded.", "Check the date."),
            new("roster.date-before-start", "The date is before the role began.", "Send a date on or after the start of the role."),
            new("mentorship.self", "A teacher cannot mentor themselves.", "Choose another mentor."),
            new("mentorship.duplicate", "The mentor already mentors this mentee.", "Nothing to do."),
            new("mentorship.max-mentors", "The mentee has two mentors already (双导师).", "Pair the mentee with at most two mentors."),
            new("mentorship.mentor-not-on-roster", "The mentor is neither on the roster nor an invited expert.", "Add the mentor to the roster or invite them as an expert first."),
            new("mentorship.mentee-not-on-roster", "The mentee is not a current member or trainee.", "Add the mentee to the roster first."),
            new("experts.duplicate", "The expert is invited already.", "Nothing to do."),
            new("composition.no-host", "A warning, not a refusal: the studio has no host yet.", "Appoint a host."),
            new("composition.members-below-min", "A warning, not a refusal: the studio has fewer than two members (seed 000).", "Add members."),
            new("composition.members-above-advised", "A warning, not a refusal: more members than the rule set advises (seed 001 规模适宜, advisory only).",
                "Nothing to do, or keep the studio small enough to work together."),
            new("composition.home-school-minority", "A warning, not a refusal: fewer than half of the roster teach at the studio's school (seed 001 附件1 二.(一).1, 以本校为主体).",
                "Add members from the studio's own school."),
        ]);
}
