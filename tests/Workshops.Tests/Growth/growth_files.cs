using Microsoft.Extensions.DependencyInjection;
using System.Text.Json.Nodes;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Growth;

public sealed class growth_files(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_teacher_in_two_studios_over_three_years_has_one_file_and_exact_hours()
    {
        Clock.Set(2024, 3, 1);
        var a = await Host.StaffedStudio(School());
        var b = await Host.EstablishStudio(School("350206"), StudioBody(name: "湖里区班主任工作坊", district: "350206", founded: "2023-09-01"));
        var hostA = HostOf(a);
        var hostB = HostOf(b);
        (await Host.Post($"/api/studios/{b}/host", new { teacher = Teacher("HB", "李国华", since: "2005-09-01"), on = "2023-09-01" }, hostB)).ShouldBe(200);
        (await Host.Post($"/api/studios/{b}/trainees", new { teacher = Teacher("M1", "林晓燕", since: "2019-09-01"), on = "2024-01-01" }, hostB)).ShouldBe(200);

        var expected = new Dictionary<int, (decimal Studio, decimal Outside)>();
        void Add(int year, decimal studio, decimal outside)
        {
            var (s, o) = expected.GetValueOrDefault(year);
            expected[year] = (s + studio, o + outside);
        }

        (await Host.Post($"/api/studios/{a}/growth/M1/profile", new
        {
            knowledgeBase = "熟悉班级管理理论", practiceBase = "带班五年", personality = "细致耐心", philosophy = "以爱育人", aspirations = "成长为骨干班主任",
        }, hostA)).ShouldBe(200);
        await Host.LogActivity(a, hostA, Activity("lecture", ["learning"], "2024-02-20", 3, [("M1", 3), ("H1", 3)]));
        Add(2024, 3, 0);
        await Host.LogActivity(b, hostB, Activity("class-practice", ["practice"], "2024-02-25", 2, [("M1", 1.5m)]));
        Add(2024, 1.5m, 0);
        (await Host.Post($"/api/studios/{a}/growth/M1/trainings", new
        {
            course = "厦门市班主任专题培训", level = "municipal", category = "head-teacher-training", hours = 24, date = "2024-01-15", certificateRef = "XM-2024-001",
        }, MemberOf(a, "M1"))).ShouldBe(200);
        Add(2024, 0, 24);
        (await Host.Post($"/api/studios/{a}/growth/M1/ratings", new { rater = "self", ratings = new Dictionary<string, int> { ["class-building"] = 3, ["communication"] = 4 } }, MemberOf(a, "M1"))).ShouldBe(200);

        Clock.Set(2025, 6, 1);
        var corrected = await Host.LogActivity(a, hostA, Activity("survey", ["research"], "2025-05-10", 4, [("M1", 4)]));
        Add(2025, 2, 0);
        (await Host.Post($"/api/studios/{a}/growth/M1/awards", new { kind = "excellent-head-teacher", title = "思明区优秀班主任", level = "district", date = "2025-05-20" }, hostA)).ShouldBe(200);
        (await Host.Post($"/api/studios/{a}/growth/M1/ratings", new { rater = "self", ratings = new Dictionary<string, int> { ["class-building"] = 4 } }, MemberOf(a, "M1"))).ShouldBe(200);
        Clock.Set(2025, 6, 20);
        (await Host.Post($"/api/studios/{a}/activities/{corrected}/corrections", new
        {
            changes = new { attendees = new[] { new { teacherId = "M1", hours = 2m } } }, reason = "按签到表更正",
        }, hostA)).ShouldBe(200);
        (await Host.Post($"/api/studios/{a}/members/M1/leave", new { on = "2025-06-20", reason = "调往湖里区" }, hostA)).ShouldBe(200);

        Clock.Set(2026, 3, 1);
        await Host.LogActivity(b, hostB, Activity("theory-study", ["learning"], "2026-02-10", 6, [("M1", 6)]));
        Add(2026, 6, 0);
        (await Host.Post($"/api/studios/{b}/growth/M1/trainings", new
        {
            course = "校本班主任培训", level = "school", category = "head-teacher-training", hours = 3, date = "2026-02-20",
        }, hostB)).ShouldBe(200);
        Add(2026, 0, 3);
        await Settle();

        // The studio view counts each person's growth file (a dictionary keyed by teacher id on the wire).
        var studioView = (await Host.Get($"/api/studios/{a}", HostOf(a))).ShouldBe(200).Json;
        Assert.True(studioView["growthFiles"]!["M1"]!["entries"]!.GetValue<int>() > 0, studioView.ToJsonString());

        var file = (await Host.Get("/api/teachers/M1/growth-file", HostOf(a))).ShouldBe(200).Json;
        Assert.Equal([a.ToString(), b.ToString()], file["studios"]!.AsArray().Select(s => s!["studioId"]!.GetValue<string>()).Order());
        Assert.Equal("2025-06-20", file["studios"]!.AsArray().Single(s => s!["studioId"]!.GetValue<string>() == a.ToString())!["to"]!.GetValue<string>());
        foreach (var year in file["hoursByYear"]!.AsArray())
        {
            var y = year!["year"]!.GetValue<int>();
            Assert.Equal(expected[y].Studio, year["studioActivities"]!.GetValue<decimal>());
            Assert.Equal(expected[y].Outside, year["outsideTraining"]!.GetValue<decimal>());
        }
        Assert.Equal(expected.Keys.Order(), file["hoursByYear"]!.AsArray().Select(y => y!["year"]!.GetValue<int>()));
        var classBuilding = file["abilities"]!.AsArray().Single(x => x!["ability"]!.GetValue<string>() == "class-building")!;
        Assert.Equal([3, 4], classBuilding["points"]!.AsArray().Select(p => p!["score"]!.GetValue<int>()));
        Assert.Equal("思明区优秀班主任", file["awards"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("以爱育人", file["profile"]!["philosophy"]!.GetValue<string>());
        // The file carries today's clocks: the 30 hours met by studio hours and training logged in the file together.
        Assert.Equal("met", Policy(file["clocks"]!, "head-teacher-30")["status"]!.GetValue<string>());

        // Hours by policy now, and as of a day before the correction was recorded.
        var hours = (await Host.Get("/api/teachers/M1/hours", MemberOf(a, "M1"))).ShouldBe(200).Json;
        var thirty = Policy(hours, "head-teacher-30");
        var total = expected.Values.Sum(v => v.Studio + v.Outside);
        Assert.Equal(total, thirty["earned"]!.GetValue<decimal>());
        Assert.Equal("met", thirty["status"]!.GetValue<string>());
        // M1 has no teacher record: the facts their roster entry carried, under the rule set of their latest studio's region.
        Assert.Equal(("xiamen-k12-2022", false), (hours["ruleSet"]!.GetValue<string>(), hours["fromRecord"]!.GetValue<bool>()));
        var before = (await Host.Get("/api/teachers/M1/hours?asOf=2025-06-10", MemberOf(a, "M1"))).ShouldBe(200).Json;
        Assert.Equal(3 + 1.5m + 24 + 4, Policy(before, "head-teacher-30")["earned"]!.GetValue<decimal>());
        // As of a day, hours are what had been recorded by then: the 2024 entries were all made on 2024-03-01.
        var recorded = (await Host.Get("/api/teachers/M1/hours?asOf=2024-03-01", MemberOf(a, "M1"))).ShouldBe(200).Json;
        Assert.Equal(3 + 1.5m + 24, Policy(recorded, "head-teacher-30")["earned"]!.GetValue<decimal>());
        var unrecorded = (await Host.Get("/api/teachers/M1/hours?asOf=2024-02-29", MemberOf(a, "M1"))).ShouldBe(200).Json;
        Assert.Equal(0m, Policy(unrecorded, "head-teacher-30")["earned"]!.GetValue<decimal>());

        // A checklist for today reads earlier years as the totals of their months; a year whose months have no totals
        // (written before totals were kept) is read in full instead, with the same answer.
        var data = Host.Services.GetRequiredService<Npgsql.NpgsqlDataSource>();
        async Task<long> Sql(string sql)
        {
            await using var cmd = data.CreateCommand(sql);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync());
        }
        Assert.Equal(3, await Sql("select count(distinct year) from workshops.mt_doc_creditmonth where teacher_id = 'M1' and data ? 'totals'"));
        var checklist = (await Host.Get($"/api/studios/{b}/checklist", Reviewer())).ShouldBe(200).Text;
        await Sql("with cleared as (update workshops.mt_doc_creditmonth set data = data - 'totals' returning 1) select count(*) from cleared");
        Assert.Equal(checklist, (await Host.Get($"/api/studios/{b}/checklist", Reviewer())).ShouldBe(200).Text);
    }

    [Fact]
    public async Task an_entry_dated_before_1950_or_after_today_is_a_400_under_date_not_a_rule()
    {
        Clock.Set(2026, 3, 1);
        var a = await Host.StaffedStudio(School());
        async Task Refused(string path, object body)
        {
            var problem = (await Host.Post($"/api/studios/{a}/growth/M1/{path}", body, HostOf(a))).ShouldBeProblem(400);
            Assert.Null(problem.Json["rule"]);
            Assert.Equal(["date"], problem.Json["errors"]!.AsObject().Select(e => e.Key));
        }
        await Refused("trainings", new { course = "心理健康教育", level = "municipal", category = "head-teacher-training", hours = 8, date = "1949-12-31" });
        await Refused("awards", new { kind = "excellent-head-teacher", title = "思明区优秀班主任", level = "district", date = "2026-03-02" });
        await Refused("reflections", new { text = "明日反思", date = "2026-03-02" });
        await Refused("mentor-notes", new { text = "导师寄语", date = "1900-01-01" });
        (await Host.Post($"/api/studios/{a}/growth/M1/reflections", new { text = "今日反思", date = "2026-03-01" }, HostOf(a))).ShouldBe(200);
    }

    [Fact]
    public async Task growth_files_are_personal()
    {
        Clock.Set(2026, 3, 1);
        var a = await Host.StaffedStudio(School());
        var other = await Host.StaffedStudio(School("350206"), StudioBody(name: "湖里区工作坊", district: "350206"));
        (await Host.Post($"/api/studios/{a}/growth/M1/reflections", new { text = "本学期反思" }, MemberOf(a, "M1"))).ShouldBe(200);
        (await Host.Post($"/api/studios/{a}/growth/M2/reflections", new { text = "替别人写" }, MemberOf(a, "M1"))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{a}/growth/M1/mentor-notes", new { text = "不是导师" }, MemberOf(a, "M2"))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{a}/growth/M1/reflections", new { text = "他坊" }, MemberOf(other, "M1"))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{a}/growth/X9/reflections", new { text = "无人" }, HostOf(a))).ShouldBeProblem(422, "growth.not-on-roster");
        await Settle();

        (await Host.Get("/api/teachers/M1/growth-file", MemberOf(a, "M1"))).ShouldBe(200);
        (await Host.Get("/api/teachers/M1/growth-file", HostOf(a))).ShouldBe(200);
        (await Host.Get("/api/teachers/M1/growth-file", School())).ShouldBe(200);
        (await Host.Get("/api/teachers/M1/growth-file", Reviewer())).ShouldBe(200);
        (await Host.Get("/api/teachers/M1/growth-file", MemberOf(a, "M2"))).ShouldBeProblem(403);
        (await Host.Get("/api/teachers/M1/growth-file", HostOf(Guid.NewGuid()))).ShouldBeProblem(403);
        (await Host.Get("/api/teachers/M1/growth-file", Reviewer("350100"))).ShouldBeProblem(403);
        (await Host.Get("/api/teachers/M1/hours", School("350206"))).ShouldBe(200); // the same teacher id is on the Huli studio too
    }

    [Fact]
    public async Task the_teacher_claim_counts_only_for_a_teachers_own_host_or_member_login()
    {
        Clock.Set(2026, 3, 1);
        var a = await Host.StaffedStudio(School());
        (await Host.Post($"/api/studios/{a}/growth/M1/reflections", new { text = "本学期反思" }, MemberOf(a, "M1"))).ShouldBe(200);
        await Settle();

        // Other roles claiming to be M1 read nothing their role and region would not give them.
        foreach (var path in new[] { "/api/teachers/M1/growth-file", "/api/teachers/M1/hours" })
        {
            (await Host.Get(path, Token(Role.Integration, "外部平台", region: "440300", teacher: "M1"))).ShouldBeProblem(403);
            (await Host.Get(path, Token(Role.Integration, "本区平台", region: "350203", teacher: "M1"))).ShouldBeProblem(403);
            (await Host.Get(path, Token(Role.School, "外区学校", region: "350206", teacher: "M1"))).ShouldBeProblem(403);
            (await Host.Get(path, Token(Role.Reviewer, "外市评审", region: "350100", teacher: "M1"))).ShouldBeProblem(403);
            // The teacher's own login (a member or host token) reads their file, whichever studio it names.
            (await Host.Get(path, MemberOf(Guid.NewGuid(), "M1"))).ShouldBe(200);
            (await Host.Get(path, HostOf(Guid.NewGuid(), "M1"))).ShouldBe(200);
        }
    }

    [Fact]
    public async Task a_qualified_assessment_recognises_the_eligible_once_and_says_why_not_for_the_others()
    {
        Clock.Set(2025, 12, 20);
        var id = await Host.StaffedStudio(School());
        (await Host.Post($"/api/studios/{id}/members/M3/leave", new { }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M4", "苏雅", since: "2024-09-01") }, School())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M5", "方敏", since: "2010-09-01", serving: false) }, School())).ShouldBe(200);
        Clock.Set(2025, 12, 22);
        var reply = (await Host.Post($"/api/studios/{id}/assessments/2025", new { result = "qualified" }, Reviewer())).ShouldBe(200);
        var report = (await Host.Get($"/api/studios/{id}/recognitions/2025", HostOf(id))).ShouldBe(200).Json;
        var people = report["people"]!.AsArray().ToDictionary(p => p!["decision"]!["teacherId"]!.GetValue<string>(), p => p!);
        Assert.Equal(["head-teacher-leader", "moral-education-leader"], Granted(people["H1"]));
        Assert.Equal(["backbone-head-teacher"], Granted(people["M1"]));
        Assert.Equal(["backbone-head-teacher"], Granted(people["M2"]));
        Assert.Empty(Granted(people["M4"]));
        Assert.Contains("不足2年", people["M4"]["decision"]!["reason"]!.GetValue<string>());
        Assert.Empty(Granted(people["M5"]));
        Assert.Contains("不再从事", people["M5"]["decision"]!["reason"]!.GetValue<string>());
        // 1 assessment + 2 host titles + 1 tier + 2 × (title + tier) for M1 and M2.
        Assert.Equal(reply.Json["version"]!.GetValue<long>(), (await Host.Get($"/api/studios/{id}", HostOf(id))).Json["version"]!.GetValue<long>());

        var version = (await Host.Post($"/api/studios/{id}/assessments/2025", new { result = "excellent", note = "复核" }, Reviewer())).ShouldBe(200).Json["version"]!.GetValue<long>();
        Assert.Equal(reply.Json["version"]!.GetValue<long>() + 1, version);
        await Settle();
        var file = (await Host.Get("/api/teachers/H1/growth-file", HostOf(id))).Json;
        Assert.Equal("leader", file["tier"]!.GetValue<string>());
        Assert.Equal(2, file["recognitions"]!.AsArray().Count);
        var before = (await Host.Get($"/api/studios/{id}/recognitions/2025?asOf=2025-12-21", HostOf(id))).Json;
        Assert.Empty(before["people"]!.AsArray());
    }

    private static IEnumerable<string> Granted(JsonNode person) => person["granted"]!.AsArray().Select(t => t!.GetValue<string>());

    private static JsonNode Policy(JsonNode hours, string code) =>
        hours["policies"]!.AsArray().Single(p => p!["code"]!.GetValue<string>() == code)!;
}
