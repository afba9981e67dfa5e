using Workshops.Core.Contract;
using Workshops.Demo;
using Workshops.Roster;

namespace Workshops.Teachers;

/// <summary>The teacher records' part of the contract.</summary>
public static class TeachersDocs
{
    private static readonly string[] Periods = ["head-teacher.", "rural-posting.", "principal.", "teacher.fact-"];

    public static readonly ApiDocs Docs = new(
        [new TagDoc("Teachers", "教师档案 (a teacher's record): who the teacher is and dated facts — periods as head teacher (班主任工作经历), " +
                                "教龄, titles (职称), honours, schools, rural postings, principal service, mentors — kept whether or not the teacher " +
                                "is on a roster; corrections and retractions are new facts. The tier rules of the rule set in effect read them " +
                                "(新任 → 骨干 → 带头人 → 专家型班主任, seed 000 三.(二)).", 14)],
        [
            new("RegisterTeacher", "Open a teacher's record (教师档案)",
                "A school admin of the school's region, or the host of a studio whose roster holds the teacher, opens the record with who the " +
                "teacher is and their school, and optionally the first facts: the 教龄 start, an open period as head teacher and the current title.",
                ["teacher.exists"],
                new RegisterTeacher("T350203-0004", "林晓燕", Gender.Female, "厦门市第一中学", "350203", "语文", 1991,
                    Education: new Education(EducationLevel.Bachelor, "闽南师范大学", "汉语言文学"), TeachingSince: new DateOnly(2015, 9, 1),
                    HeadTeacherSince: new DateOnly(2019, 9, 1), Title: ProfessionalTitle.First, TitleSince: new DateOnly(2020, 12, 1))),
            new("ChangeTeacherDetails", "Change a teacher's details",
                "Undated details (name, gender, year of birth, subject, education, party membership) changed or corrected — only those given — with the reason.",
                Example: new ChangeTeacherDetails("学历信息录入有误，更正毕业院校。", Education: new Education(EducationLevel.Master, "福建师范大学", "课程与教学论"))),
            new("StartHeadTeacherService", "Record a period as head teacher (担任班主任)",
                "A period as head teacher begins on `from` (open), or a past period is recorded whole with its last day `to`; periods may have gaps, " +
                "never overlaps. With `corrects` (and a reason) it replaces a start recorded in error.",
                Periods, new StartPeriod(new DateOnly(2013, 9, 1), School: DemoData.Host.School)),
            new("EndHeadTeacherService", "End the open period as head teacher",
                "The open period as head teacher ends on `on` (its last day); with `corrects` it replaces an end recorded in error.",
                Periods, new EndPeriod(new DateOnly(2025, 7, 31))),
            new("StartRuralPosting", "Record a rural posting (农村任教)",
                "A posting to a rural school begins, or a past one is recorded whole; seed 000 三.(三) counts rural head teachers.",
                Periods, new StartPeriod(new DateOnly(2023, 9, 1), School: "厦门市同安区汀溪中学")),
            new("EndRuralPosting", "End the open rural posting", "The open rural posting ends on `on` (its last day).",
                Periods, new EndPeriod(new DateOnly(2025, 7, 31))),
            new("StartPrincipalService", "Record a period as principal (担任校长)",
                "A period as principal begins, or a past one is recorded whole; seed 004's principal hours read it.",
                Periods, new StartPeriod(new DateOnly(2020, 9, 1), School: "厦门市同安区汀溪中学")),
            new("EndPrincipalService", "End the open period as principal", "The open period as principal ends on `on` (its last day).",
                Periods, new EndPeriod(new DateOnly(2025, 7, 31))),
            new("RecordTeachingStart", "Record when teaching began (教龄起算)",
                "The day the teacher's teaching years count from; a second start is refused — correct the first with `corrects` instead.",
                ["teaching.", "teacher.fact-"], new RecordTeachingStart(new DateOnly(2005, 9, 1))),
            new("RecordTitle", "Record a professional title (职称)", "The title conferred on a day; the record keeps every title with its day.",
                ["title.", "teacher.fact-"], new RecordTitle(ProfessionalTitle.Senior, new DateOnly(2019, 12, 1))),
            new("RecordHonour", "Record an honour (荣誉)",
                "An honour conferred by an authority (名班主任, 优秀教师, 市/区学科带头人, 德育学科带头人, 十佳班主任, 优秀班主任 …) with its issuer, " +
                "level, day and, where it lapses, its last day.",
                ["honour.duplicate", "teacher.fact-"],
                new RecordHonour(HonourKind.SubjectLeader, HonourLevel.Municipal, "厦门市教育局", new DateOnly(2021, 6, 1), "厦门市语文学科带头人", "语文")),
            new("RecordSchoolMove", "Record a move to another school (调动学校)",
                "The teacher moved to another school on a day. Recorded by the school the teacher is at (or their host); after it, the new school's " +
                "admins keep the record.",
                ["school.", "teacher.fact-"], new RecordSchoolMove("厦门双十中学", "350203", new DateOnly(2024, 8, 20))),
            new("PairMentor", "Pair the teacher with a head-teacher mentor (班主任导师)",
                "The school pairs a new head teacher with a mentor (seed 000 三.(二).1); the entry duty reads the pairing.",
                ["mentor.", "teacher.fact-"], new PairMentor(DemoData.HostTeacherId, DemoData.Host.Name, new DateOnly(2024, 9, 1))),
            new("RetractTeacherFact", "Withdraw a fact recorded in error",
                "A fact recorded in error is withdrawn with the reason; it stays in the history and the record's corrections. Withdrawing a " +
                "period's start removes the period, withdrawing its end reopens it.",
                ["teacher."], new RetractFact(Guid.Parse("0195a000-3502-7030-8000-000000000106"), "荣誉证书核对有误，撤回该条记录。")),
            new("GrantRecognition", "Recognise a rung of the ladder (认定)",
                "A reviewer of the teacher's region recognises a rung of the rule set in effect for the teacher's school on the day (青年骨干班主任 " +
                "when its conditions hold; the expert rung after selection and training). A rung already held is answered without appending. Rungs " +
                "conferred by a workshop's assessment, read from the facts (新任) or held by themselves (视同) are refused with their own rule.",
                ["recognition.", "expert.not-candidate", "expert.not-trained"],
                new GrantRecognition("youth-backbone", new DateOnly(2025, 6, 30), "任教10年，担任班主任6年，现仍担任班主任。")),
            new("RevokeRecognition", "Withdraw a recognition", "A recognition withdrawn from a day, with the reason (e.g. a 不合格 assessment).",
                ["recognition.not-held"], new RevokeRecognition("youth-backbone", "年度考核不合格，撤销认定。", new DateOnly(2025, 12, 31))),
            new("SelectExpertCandidate", "Select a candidate for expert training (遴选)",
                "seed 000 三.(二).4: a reviewer selects a 市德育学科带头人 or 优秀班主任 as a candidate for expert training, naming the two mentors " +
                "of 双导师 if known.",
                ["expert."], new SelectExpertCandidate(new DateOnly(2025, 9, 1), "2024年获评厦门市优秀班主任。", ["王建华", "陈美玲"])),
            new("CompleteExpertTraining", "Record the end of expert training (培养结业)", "The candidate completed the expert training on a day.",
                ["expert."], new CompleteExpertTraining(new DateOnly(2026, 2, 27), "完成培养计划，结业考核合格。")),
            new("GetTeacher", "Read a teacher's record",
                "Every live fact with its id (to correct or retract it), the corrections and the recognitions; the ETag is the stream's version."),
            new("GetTeacherFacts", "Read what a teacher's record says on a day",
                "Years as head teacher (periods summed, gaps excluded), still serving, teaching years, title, school, rural, honours and " +
                "recognitions held. `on` is the day judged; `asOf` reads only what was recorded by the end of that day, so that answer does not change later."),
            new("GetTeacherHistory", "Read a teacher's record as recorded",
                "Every event of the teacher's stream, in order, with who recorded it and when."),
            new("GetTeacherTiers", "Read a teacher's place on the ladder (梯队)",
                "Each rung of the rule set in effect for the teacher's school on the day judged (met, held, why), the highest held, and the entry " +
                "duty of seed 000 三.(二).1."),
        ],
        [
            new("teacher.exists", "A record for that teacher id exists.", "Record changes on the existing record instead."),
            new("teacher.fact-unknown", "No live fact with that id on this record (it may have been corrected or retracted) (404).",
                "Read the record (GET /api/teachers/{teacherId}) for the ids of live facts."),
            new("teacher.fact-kind", "The fact named in `corrects` is of another kind.", "Correct a fact with a fact of its own kind."),
            new("teacher.retraction-overlaps", "Withdrawing this end would reopen a period across a later one.", "Correct the end's day instead, or withdraw the later period first."),
            .. Period("head-teacher", "head teacher"),
            .. Period("rural-posting", "rural posting"),
            .. Period("principal", "principal"),
            new("teaching.recorded", "Teaching years already count from a recorded day.", "Correct that fact (`corrects`) instead of adding another."),
            new("title.unchanged", "The teacher already held that title on that day.", "Record only a change of title."),
            new("honour.duplicate", "The same honour at the same level on the same day is already recorded.", "Correct the recorded honour instead."),
            new("school.same-day", "A move on that day is already recorded.", "Correct the recorded move instead."),
            new("school.unchanged", "The teacher is already at that school on that day.", "Record only a move to another school."),
            new("mentor.self", "A teacher cannot be their own mentor.", "Name another teacher as mentor."),
            new("recognition.not-in-rule-set", "The rule set in effect has no rung with that code.", "Use a rung code of the rule set (GET /api/teachers/{teacherId}/tiers)."),
            new("recognition.derived", "That rung is read from the facts on the day, not granted.", "Nothing to grant: read the tiers."),
            new("recognition.treated-as", "That rung holds by itself while its conditions hold (视同).", "Nothing to grant: read the tiers."),
            new("recognition.by-assessment", "That rung is conferred when the teacher's workshop passes its assessment.", "Record the workshop's assessment (Reviews)."),
            new("recognition.not-eligible", "The rung's conditions do not hold on the day; the detail lists what is missing.", "Record the missing facts, or grant it on a later day."),
            new("recognition.not-held", "The teacher does not hold that rung on the day.", "Read the tiers; only a held recognition can be withdrawn."),
            new("expert.no-selection", "The rule set in effect selects no candidates for expert training.", "Nothing to select under this rule set."),
            new("expert.already-candidate", "The teacher is already a candidate.", "Record the training's end when it comes."),
            new("expert.already-recognised", "The teacher already holds the expert rung.", "Nothing to select."),
            new("expert.not-eligible", "The teacher holds none of the honours selection starts from; the detail lists them.", "Record the honour first."),
            new("expert.not-candidate", "The teacher was not selected as a candidate for expert training.", "Select the teacher first (POST …/expert-candidacy)."),
            new("expert.not-trained", "The candidate has not completed the training.", "Record the training's end first (POST …/expert-candidacy/training)."),
            new("expert.already-trained", "The training's end is already recorded.", "Correct nothing: read the record."),
            new("expert.trained-before-selection", "The training cannot end before the candidate was selected.", "Give a day on or after the selection."),
        ],
        []);

    /// <summary>The rules every kind of period answers with (TeacherRules.StartPeriod and EndPeriod compose them from the kind).</summary>
    private static IEnumerable<RuleDoc> Period(string rule, string what) =>
    [
        new($"{rule}.open", $"A period as {what} is open.", "End it first, or record the past period whole with `to`."),
        new($"{rule}.overlap", $"The period as {what} would overlap another; periods may have gaps, not overlaps.", "Choose days outside the other periods."),
        new($"{rule}.end-before-start", $"The period as {what} cannot end before it starts.", "Give an end on or after the start."),
        new($"{rule}.start-after-end", $"The corrected start of a period as {what} would lie after its end.", "Give a start on or before the end."),
        new($"{rule}.none-open", $"No period as {what} is open.", "Start a period first, or record the past period whole with `to`."),
    ];
}
