using System.Text.Json.Nodes;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Teachers;

/// <summary>A teacher's record over a career, through HTTP on real PostgreSQL: facts, corrections, as-of answers, who may read and write.</summary>
public sealed class a_teacher_record(AppFixture fixture) : ApiTest(fixture)
{
    private static object Registration(string id = "T1", string region = "350203", string school = "厦门市第一中学") => new
    {
        id,
        name = "陈美玲",
        gender = "female",
        school,
        region,
        subject = "语文",
        birthYear = 1988,
        education = new { level = "master", institution = "华东师范大学", major = "教育学" },
        partyMember = true,
        teachingSince = "2014-09-01",
        headTeacherSince = "2016-09-01",
        title = "first",
        titleSince = "2019-09-01",
    };

    private async Task<JsonNode> Facts(string id, string token, string? asOf = null, string? on = null) =>
        (await Host.Get($"/api/teachers/{id}/facts?{(asOf is null ? "" : $"asOf={asOf}&")}{(on is null ? "" : $"on={on}")}", token)).ShouldBe(200).Json;

    [Fact]
    public async Task a_record_keeps_dated_facts_and_answers_as_of_any_day()
    {
        var school = School("350203");
        var created = (await Host.Post("/api/teachers", Registration(), school)).ShouldBe(201);
        Assert.Equal("\"4\"", created.Header("etag"));
        Assert.Equal("/api/teachers/T1", created.Header("location"));
        (await Host.Post("/api/teachers", Registration(), school)).ShouldBeProblem(422, "teacher.exists");

        (await Host.Post("/api/teachers/T1/head-teacher-service/end", new { on = "2020-07-31" }, school)).ShouldBe(200);
        (await Host.Post("/api/teachers/T1/head-teacher-service", new { from = "2020-07-01" }, school)).ShouldBeProblem(422, "head-teacher.overlap");
        var second = (await Host.Post("/api/teachers/T1/head-teacher-service", new { from = "2021-09-01" }, school)).ShouldBe(200);
        Assert.Equal(6, second.Json["version"]!.GetValue<long>());
        (await Host.Post("/api/teachers/T1/head-teacher-service", new { from = "2022-09-01" }, school)).ShouldBeProblem(422, "head-teacher.open");
        (await Host.Post("/api/teachers/T1/titles", new { title = "senior", on = "2026-01-15" }, school)).ShouldBe(200);
        (await Host.Post("/api/teachers/T1/titles", new { title = "senior", on = "2026-02-01" }, school)).ShouldBeProblem(422, "title.unchanged");

        var before = await Facts("T1", school, on: "2026-01-14");
        Assert.Equal(("first", 8, true), (before["title"]!.GetValue<string>(), before["headTeacherYears"]!.GetValue<int>(),
            before["servingAsHeadTeacher"]!.GetValue<bool>()));
        var now = await Facts("T1", school);
        Assert.Equal(("senior", 8, 3073, 11), (now["title"]!.GetValue<string>(), now["headTeacherYears"]!.GetValue<int>(),
            now["headTeacherDays"]!.GetValue<int>(), now["teachingYears"]!.GetValue<int>()));
        var gap = await Facts("T1", school, on: "2021-03-01");
        Assert.False(gap["servingAsHeadTeacher"]!.GetValue<bool>());

        // A week later the first period turns out to have begun a year earlier: a correction, with a reason.
        Clock.Set(2026, 3, 10);
        var record = (await Host.Get("/api/teachers/T1", school)).ShouldBe(200).Json;
        var firstStart = record["headTeacher"]![0]!["startFact"]!.GetValue<string>();
        (await Host.Post("/api/teachers/T1/head-teacher-service", new { from = "2015-09-01", corrects = firstStart }, school)).ShouldBeProblem(400);
        (await Host.Post("/api/teachers/T1/head-teacher-service", new { from = "2015-09-01", corrects = firstStart, reason = "依据任命文件更正" }, school))
            .ShouldBe(200);
        Assert.Equal(9, (await Facts("T1", school))["headTeacherYears"]!.GetValue<int>());
        // What the record said on 5 March stays what it said then; 5 March judged with what is known now has the correction.
        Assert.Equal(8, (await Facts("T1", school, "2026-03-05"))["headTeacherYears"]!.GetValue<int>());
        Assert.Equal(9, (await Facts("T1", school, on: "2026-03-05"))["headTeacherYears"]!.GetValue<int>());

        var corrected = (await Host.Get("/api/teachers/T1", school)).Json;
        Assert.Equal("2015-09-01", corrected["headTeacher"]![0]!["from"]!.GetValue<string>());
        Assert.Equal("2020-07-31", corrected["headTeacher"]![0]!["to"]!.GetValue<string>());
        var correction = corrected["corrections"]!.AsArray().Single()!;
        Assert.Equal((firstStart, "head-teacher-start", "依据任命文件更正"),
            (correction["factId"]!.GetValue<string>(), correction["kind"]!.GetValue<string>(), correction["reason"]!.GetValue<string>()));
        Assert.Equal("华东师范大学", corrected["education"]!["institution"]!.GetValue<string>());

        var history = (await Host.Get("/api/teachers/T1/history", school)).ShouldBe(200).Json.AsArray();
        Assert.Equal(["teacher-registered", "teaching-started", "head-teacher-service-started", "professional-title-changed", "head-teacher-service-ended",
                "head-teacher-service-started", "professional-title-changed", "head-teacher-service-started"],
            history.Select(h => h!["type"]!.GetValue<string>()));
        Assert.Equal(firstStart, history[^1]!["data"]!["corrects"]!.GetValue<string>());
    }

    [Fact]
    public async Task writes_check_the_version_and_refuse_other_schools_and_unknown_facts()
    {
        var school = School("350203");
        (await Host.Post("/api/teachers", Registration(), school)).ShouldBe(201);
        (await Host.Post("/api/teachers", Registration("T2", region: "350206"), school)).ShouldBeProblem(403);
        (await Host.Post("/api/teachers/T1/titles", new { title = "senior", on = "2026-01-15" }, School("350206"))).ShouldBeProblem(403);
        (await Host.Post("/api/teachers/T1/titles", new { title = "senior", on = "2026-01-15" }, Reviewer("350200"))).ShouldBeProblem(403);
        // A school token claiming the national region is no token at all (national scope is for reviewers).
        (await Host.Post("/api/teachers/T1/titles", new { title = "senior", on = "2026-01-15" }, Token(Role.School, "全国", region: "000000")))
            .ShouldBeProblem(401);
        (await Host.Post("/api/teachers/NOPE/titles", new { title = "senior", on = "2026-01-15" }, school)).ShouldBeProblem(404);
        (await Host.Post("/api/teachers/T1/titles", new { title = "senior", on = "2026-01-15" }, school, ("If-Match", "\"3\""))).ShouldBeProblem(412);
        (await Host.Post("/api/teachers/T1/titles", new { title = "senior", on = "2099-01-15" }, school)).ShouldBeProblem(400);
        (await Host.Post("/api/teachers/T1/titles", new { title = "principal", on = "2026-01-15" }, school)).ShouldBeProblem(400);
        (await Host.Post("/api/teachers/T1/titles", new { title = "senior", on = "2026-01-15" }, school, ("If-Match", "\"4\""))).ShouldBe(200);
        (await Host.Post("/api/teachers/T1/retractions", new { factId = Guid.NewGuid(), reason = "误录" }, school)).ShouldBeProblem(404, "teacher.fact-unknown");
        (await Host.Post("/api/teachers/T1/teaching-start", new { on = "2013-09-01" }, school)).ShouldBeProblem(422, "teaching.recorded");
        var teaching = (await Host.Get("/api/teachers/T1", school)).Json["teachingSince"]!["factId"]!.GetValue<string>();
        (await Host.Post("/api/teachers/T1/titles", new { title = "second", on = "2013-09-01", corrects = teaching, reason = "误" }, school))
            .ShouldBeProblem(422, "teacher.fact-kind");
        (await Host.Post("/api/teachers/T1/teaching-start", new { on = "2013-09-01", corrects = teaching, reason = "更正" }, school)).ShouldBe(200);
        Assert.Equal(12, (await Facts("T1", school))["teachingYears"]!.GetValue<int>());
    }

    [Fact]
    public async Task a_teacher_on_no_roster_has_a_record_that_only_their_people_read()
    {
        (await Host.Post("/api/teachers", Registration(), School("350203"))).ShouldBe(201);
        var studio = await Host.EstablishStudio(School());
        (await Host.Post($"/api/studios/{studio}/members", new { teacher = Teacher("T1", "陈美玲"), on = "2022-10-16" }, School())).ShouldBe(200);
        var other = await Host.EstablishStudio(School("350206"), StudioBody(name: "湖里区工作坊", district: "350206"));

        var allowed = new[]
        {
            Token(Role.Member, "陈美玲", teacher: "T1"), School("350203"), School("350200"), Reviewer("350200"), Reviewer("000000"), HostOf(studio),
        };
        foreach (var token in allowed) (await Host.Get("/api/teachers/T1", token)).ShouldBe(200);
        var refused = new[]
        {
            Token(Role.Member, "林晓燕", [studio], teacher: "M9"), School("350206"), Reviewer("350100"), HostOf(other),
            Token(Role.Integration, "平台", region: "350203", teacher: "T1"), Token(Role.School, "学校", region: "350206", teacher: "T1"),
        };
        foreach (var token in refused) (await Host.Get("/api/teachers/T1", token)).ShouldBeProblem(403);
        (await Host.Get("/api/teachers/NOPE", School())).ShouldBeProblem(404);

        // The host writes for a teacher on their roster; a host of another studio does not.
        (await Host.Post("/api/teachers/T1/honours", new { honour = "excellent-head-teacher", level = "district", issuer = "思明区教育局", on = "2024-09-10" },
            HostOf(studio))).ShouldBe(200);
        (await Host.Post("/api/teachers/T1/honours", new { honour = "top-ten-head-teacher", level = "district", issuer = "湖里区教育局", on = "2024-09-10" },
            HostOf(other))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{studio}/members/T1/leave", new { on = "2026-03-01" }, School())).ShouldBe(200);
        (await Host.Post("/api/teachers/T1/honours", new { honour = "top-ten-head-teacher", level = "district", issuer = "思明区教育局", on = "2025-09-10" },
            HostOf(studio))).ShouldBeProblem(403);
        (await Host.Get("/api/teachers/T1", HostOf(studio))).ShouldBe(200);
    }

    [Fact]
    public async Task a_school_move_hands_the_record_to_the_new_school()
    {
        var siming = School("350203");
        (await Host.Post("/api/teachers", Registration(), siming)).ShouldBe(201);
        (await Host.Post("/api/teachers/T1/school-moves", new { school = "厦门市湖里实验中学", region = "350206", on = "2026-02-01" }, siming)).ShouldBe(200);
        (await Host.Post("/api/teachers/T1/school-moves", new { school = "厦门市湖里实验中学", region = "350206", on = "2026-02-15" }, School("350206")))
            .ShouldBeProblem(422, "school.unchanged");
        (await Host.Get("/api/teachers/T1", siming)).ShouldBeProblem(403);
        var facts = await Facts("T1", School("350206"));
        Assert.Equal(("厦门市湖里实验中学", "350206"), (facts["school"]!.GetValue<string>(), facts["region"]!.GetValue<string>()));
        Assert.Equal("厦门市第一中学", (await Facts("T1", School("350206"), on: "2026-01-31"))["school"]!.GetValue<string>());
        (await Host.Get("/api/teachers/T1/facts?asOf=2026-01-31", School("350206"))).ShouldBeProblem(404);
        (await Host.Get("/api/teachers/T1/facts?on=2026-13-01", School("350206"))).ShouldBeProblem(400);
    }

    [Fact]
    public async Task youth_backbone_is_granted_once_and_revoked_with_a_reason()
    {
        (await Host.Post("/api/teachers", Registration(), School())).ShouldBe(201);
        var reviewer = Reviewer("350200");
        (await Host.Post("/api/teachers/T1/recognitions", new { rung = "youth-backbone" }, School())).ShouldBeProblem(403);
        (await Host.Post("/api/teachers/T1/recognitions", new { rung = "youth-backbone" }, Reviewer("350100"))).ShouldBeProblem(403);
        (await Host.Post("/api/teachers/T1/recognitions", new { rung = "new" }, reviewer)).ShouldBeProblem(422, "recognition.derived");
        (await Host.Post("/api/teachers/T1/recognitions", new { rung = "backbone" }, reviewer)).ShouldBeProblem(422, "recognition.by-assessment");
        (await Host.Post("/api/teachers/T1/recognitions", new { rung = "qualified" }, reviewer)).ShouldBeProblem(422, "recognition.not-in-rule-set");
        (await Host.Post("/api/teachers/T1/recognitions", new { rung = "youth-backbone", on = "2016-09-01" }, reviewer))
            .ShouldBeProblem(422, "recognition.not-eligible");

        var granted = (await Host.Post("/api/teachers/T1/recognitions", new { rung = "youth-backbone" }, reviewer)).ShouldBe(200).Json;
        Assert.True(granted["appended"]!.GetValue<bool>());
        var again = (await Host.Post("/api/teachers/T1/recognitions", new { rung = "youth-backbone" }, reviewer)).ShouldBe(200).Json;
        Assert.False(again["appended"]!.GetValue<bool>());
        Assert.Equal(granted["version"]!.GetValue<long>(), again["version"]!.GetValue<long>());

        var tiers = (await Host.Get("/api/teachers/T1/tiers", School())).ShouldBe(200).Json;
        Assert.Equal(("xiamen-k12-2022", "default", "youth-backbone"),
            (tiers["ruleSet"]!.GetValue<string>(), tiers["choice"]!.GetValue<string>(), tiers["standing"]!["tier"]!["rung"]!.GetValue<string>()));
        var recognition = (await Host.Get("/api/teachers/T1", School())).Json["recognitions"]![0]!;
        Assert.Equal(("青年骨干班主任", "厦门市教育局", "xiamen-k12-2022.youth-backbone"),
            (recognition["title"]!.GetValue<string>(), recognition["issuer"]!.GetValue<string>(), recognition["rule"]!.GetValue<string>()));

        Clock.Set(2026, 9, 1);
        (await Host.Post("/api/teachers/T1/recognitions/revocations", new { rung = "youth-backbone", reason = "年度考核不合格" }, reviewer)).ShouldBe(200);
        (await Host.Post("/api/teachers/T1/recognitions/revocations", new { rung = "youth-backbone", reason = "再次" }, reviewer))
            .ShouldBeProblem(422, "recognition.not-held");
        Assert.Empty((await Facts("T1", School()))["recognitions"]!.AsArray());
        Assert.Single((await Facts("T1", School(), "2026-08-31"))["recognitions"]!.AsArray());
    }

    [Fact]
    public async Task the_expert_is_selected_trained_recognised_and_then_treated_as_an_expert_teacher()
    {
        var school = School();
        var reviewer = Reviewer("350200");
        (await Host.Post("/api/teachers", Registration(), school)).ShouldBe(201);
        (await Host.Post("/api/teachers/T1/expert-candidacy", new { }, reviewer)).ShouldBeProblem(422, "expert.not-eligible");
        (await Host.Post("/api/teachers/T1/honours", new { honour = "moral-education-leader", level = "municipal", issuer = "厦门市教育局", on = "2023-05-01" },
            school)).ShouldBe(200);
        (await Host.Post("/api/teachers/T1/expert-candidacy", new { on = "2024-03-01", mentors = new[] { "北京师范大学 某教授", "厦门市第一中学 王老师" } }, reviewer))
            .ShouldBe(200);
        (await Host.Post("/api/teachers/T1/recognitions", new { rung = "expert" }, reviewer)).ShouldBeProblem(422, "expert.not-trained");
        (await Host.Post("/api/teachers/T1/expert-candidacy/training", new { on = "2025-12-20", note = "双导师培养结业" }, reviewer)).ShouldBe(200);
        (await Host.Post("/api/teachers/T1/recognitions", new { rung = "expert", on = "2025-12-20" }, reviewer)).ShouldBe(200);

        string Held(JsonNode tiers) => tiers["standing"]!["tier"]!["rung"]!.GetValue<string>();
        var tiers = (await Host.Get("/api/teachers/T1/tiers", school)).Json;
        Assert.Equal("expert", Held(tiers));
        var treated = tiers["standing"]!["rungs"]!.AsArray().Single(r => r!["rung"]!.GetValue<string>() == "expert-teacher")!;
        Assert.False(treated["held"]!.GetValue<bool>());

        (await Host.Post("/api/teachers/T1/honours", new { honour = "subject-leader", level = "municipal", issuer = "厦门市教育局", subject = "语文",
            on = "2025-06-01" }, school)).ShouldBe(200);
        // Periods from 2016-09-01: eight years as head teacher by the day of the read.
        var now = (await Host.Get("/api/teachers/T1/tiers", school)).Json;
        var rung = now["standing"]!["rungs"]!.AsArray().Single(r => r!["rung"]!.GetValue<string>() == "expert-teacher")!;
        Assert.True(rung["held"]!.GetValue<bool>(), rung.ToJsonString());
        Assert.Equal("treated-as", rung["path"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_new_head_teacher_is_paired_with_a_mentor_for_the_entry_duty()
    {
        Clock.Set(2025, 9, 1);
        (await Host.Post("/api/teachers", new { id = "N1", name = "吴思远", gender = "male", school = "厦门市第一中学", region = "350203", subject = "数学",
            teachingSince = "2024-08-20", headTeacherSince = "2024-09-01" }, School())).ShouldBe(201);
        var duty = (await Host.Get("/api/teachers/N1/tiers", School())).Json["standing"]!["entryDuty"]!;
        Assert.Equal("in-progress", duty["state"]!.GetValue<string>());
        Assert.Contains("尚未配备班主任导师", duty["reason"]!.GetValue<string>());
        (await Host.Post("/api/teachers/N1/mentors", new { mentorId = "N1", mentorName = "吴思远", on = "2024-09-01" }, School())).ShouldBeProblem(422, "mentor.self");
        (await Host.Post("/api/teachers/N1/mentors", new { mentorId = "T0001", mentorName = "王丽华", on = "2024-09-01" }, School())).ShouldBe(200);
        var met = (await Host.Get("/api/teachers/N1/tiers", School())).Json["standing"]!;
        Assert.Equal("met", met["entryDuty"]!["state"]!.GetValue<string>());
        Assert.Equal("new", met["tier"]!["rung"]!.GetValue<string>());
    }
}
