using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Contract;

/// <summary>
/// Records carry names beside teacher ids, in one shape (<c>{id, name}</c>): a task's owner, an output's authors, an
/// activity's attendees (a guest by the name given).
/// </summary>
public sealed class names_beside_ids(AppFixture fixture) : ApiTest(fixture)
{
    private static IEnumerable<(string, string?)> Named(System.Text.Json.Nodes.JsonNode? list) =>
        list!.AsArray().Select(p => (p!["id"]!.GetValue<string>(), p["name"]?.GetValue<string>()));

    /// <summary>An activity's facts' attendees: each teacher id with the name beside it.</summary>
    private static IEnumerable<(string, string?)> Attendees(System.Text.Json.Nodes.JsonNode? facts) =>
        facts!["attendees"]!.AsArray().Select(p => (p!["teacherId"]!.GetValue<string>(), p["name"]?.GetValue<string>()));

    [Fact]
    public async Task a_tasks_owner_is_named_in_the_years_list_and_in_the_plan()
    {
        Clock.Set(2026, 3, 2);
        var id = await Host.StaffedStudio(School());
        (await Host.Post($"/api/studios/{id}/tasks", new { title = "家访周", ownerId = "M1" }, HostOf(id))).ShouldBe(201);
        var only = Assert.Single((await Host.Get($"/api/studios/{id}/tasks?year=2026", HostOf(id))).ShouldBe(200).Json.AsArray())!;
        Assert.Equal(("M1", "林晓燕"), (only["owner"]!["id"]!.GetValue<string>(), only["owner"]!["name"]!.GetValue<string>()));

        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "家校共育", tasks = new[] { new { title = "家长会", ownerId = "H1" } } }, HostOf(id)))
            .ShouldBe(200);
        var planned = (await Host.Get($"/api/studios/{id}/plans/2026", HostOf(id))).ShouldBe(200).Json["tasks"]![0]!;
        Assert.Equal(("H1", "陈美玲"), (planned["owner"]!["id"]!.GetValue<string>(), planned["owner"]!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task an_outputs_authors_are_named_in_the_record_and_in_the_lists_summary()
    {
        Clock.Set(2026, 5, 10);
        var id = await Host.StaffedStudio(School());
        var output = (await Host.Post($"/api/studios/{id}/outputs", new
        {
            kind = "typical-case", category = "class-culture", title = "班级文化建设案例", authors = new[] { "H1", "M1" }, date = "2026-04-01",
            summary = "以班级公约为线索", body = "正文：从制定班级公约说起……",
        }, HostOf(id))).ShouldBe(201).Json["outputId"]!.GetValue<string>();

        var record = (await Host.Get($"/api/studios/{id}/outputs/{output}", HostOf(id))).ShouldBe(200).Json;
        Assert.Equal([("H1", "陈美玲"), ("M1", "林晓燕")], Named(record["authorNames"]));
        var listed = (await Host.Get($"/api/studios/{id}/outputs", HostOf(id))).ShouldBe(200).Json["items"]![0]!;
        Assert.Equal([("H1", "陈美玲"), ("M1", "林晓燕")], Named(listed["authorNames"]));
        // A list carries summaries: the body and the history are in the record its url points to.
        Assert.Equal("以班级公约为线索", listed["summary"]!.GetValue<string>());
        Assert.Null(listed["body"]);
        Assert.Null(listed["history"]);
        Assert.Equal("正文：从制定班级公约说起……",
            (await Host.Get(listed["url"]!.GetValue<string>(), HostOf(id))).ShouldBe(200).Json["facts"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_studios_region_is_named_in_the_list_the_view_and_the_annual_report()
    {
        Clock.Set(2026, 5, 1);
        var school = School();
        var id = await Host.StaffedStudio(school);
        static (string?, string?, string?) Names(System.Text.Json.Nodes.JsonNode? names) =>
            (names?["province"]?.GetValue<string>(), names?["city"]?.GetValue<string>(), names?["district"]?.GetValue<string>());

        var item = (await Host.Get("/api/studios", school)).ShouldBe(200).Json["items"]![0]!;
        Assert.Equal("350203", item["region"]!["district"]!.GetValue<string>());
        Assert.Equal(("福建省", "厦门市", "思明区"), Names(item["regionNames"]));
        Assert.Equal("福建省 厦门市 思明区", item["regionNames"]!["label"]!.GetValue<string>());
        Assert.Equal(("福建省", "厦门市", "思明区"), Names((await Host.Get($"/api/studios/{id}", school)).ShouldBe(200).Json["regionNames"]));
        var report = (await Host.Get($"/api/studios/{id}/reports/annual/2026", school)).ShouldBe(200).Json;
        Assert.Equal(("福建省", "厦门市", "思明区"), Names(report["regionNames"]));
        Assert.Equal("校级", report["levelLabel"]!.GetValue<string>());

        // The export names the places (the README: CSV and XLSX carry the names), the most precise code beside them.
        var csv = (await Host.Get($"/api/studios/{id}/reports/annual/2026?format=csv", school)).ShouldBe(200).Text.Split("\r\n");
        Assert.Contains("省,福建省", csv);
        Assert.Contains("市,厦门市", csv);
        Assert.Contains("区县,思明区", csv);
        Assert.Contains("行政区划代码,350203", csv);
    }

    [Fact]
    public async Task an_activitys_attendees_are_named_and_a_guest_by_the_name_given()
    {
        Clock.Set(2026, 3, 12);
        var id = await Host.StaffedStudio(School());
        var created = (await Host.Post($"/api/studios/{id}/activities", new
        {
            kind = "lecture", domains = new[] { "learning" }, title = "专家报告", date = "2026-03-10", hours = 2,
            attendees = new object[] { new { teacherId = "M1", hours = 2 }, new { teacherId = "G-1", hours = 2, guest = true, name = "王教授" } },
        }, HostOf(id))).ShouldBe(201);
        var record = (await Host.Get(created.Header("location")!, HostOf(id))).ShouldBe(200).Json;
        // Each attendee carries its name beside its id; no second list repeats them.
        Assert.Equal([("M1", "林晓燕"), ("G-1", "王教授")], Attendees(record["facts"]));
        Assert.Null(record["attendeeNames"]);
        var listed = (await Host.Get($"/api/studios/{id}/activities", HostOf(id))).ShouldBe(200).Json["items"]![0]!;
        Assert.Equal([("M1", "林晓燕"), ("G-1", "王教授")], Named(listed["attendeeNames"]));
    }

    [Fact]
    public async Task the_studio_view_names_its_mentors_mentees_and_task_owners()
    {
        Clock.Set(2026, 3, 2);
        var id = await Host.StaffedStudio(School());
        (await Host.Post($"/api/studios/{id}/mentorships", new { mentorId = "M1", menteeId = "S1" }, HostOf(id))).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/tasks", new { title = "家访周", ownerId = "M2" }, HostOf(id))).ShouldBe(201);

        var view = (await Host.Get($"/api/studios/{id}", HostOf(id))).ShouldBe(200).Json;
        var names = Named(view["teacherNames"]).ToList();
        Assert.Contains(("M1", "林晓燕"), names);
        Assert.Contains(("S1", "吴思远"), names);
        Assert.Contains(("M2", "黄志强"), names);
        Assert.All(view["mentorships"]!.AsArray(), m => Assert.Contains(names, n => n.Item1 == m!["mentorId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task the_facts_a_revision_replaced_name_their_people()
    {
        Clock.Set(2026, 5, 10);
        var id = await Host.StaffedStudio(School());
        var output = (await Host.Post($"/api/studios/{id}/outputs", new
        {
            kind = "typical-case", category = "class-culture", title = "班级文化建设案例", authors = new[] { "H1" }, date = "2026-04-01",
            summary = "以班级公约为线索", body = "正文：从制定班级公约说起……",
        }, HostOf(id))).ShouldBe(201).Json["outputId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{id}/outputs/{output}/revision", new { changes = new { authors = new[] { "M1" } }, reason = "改署名" }, HostOf(id)))
            .ShouldBe(200);
        var revised = (await Host.Get($"/api/studios/{id}/outputs/{output}", HostOf(id))).ShouldBe(200).Json["history"]!.AsArray().Last()!;
        Assert.Equal([("H1", "陈美玲")], Named(revised["beforeAuthorNames"]));

        var activity = (await Host.Post($"/api/studios/{id}/activities", Activity("lecture", ["learning"], "2026-05-08", 2, [("M2", 2)]), HostOf(id)))
            .ShouldBe(201).Json["activityId"]!.GetValue<string>();
        (await Host.Post($"/api/studios/{id}/activities/{activity}/corrections",
            new { changes = new { attendees = new[] { new { teacherId = "M3", hours = 2 } } }, reason = "签到表记错" }, HostOf(id))).ShouldBe(200);
        var corrected = (await Host.Get($"/api/studios/{id}/activities/{activity}", HostOf(id))).ShouldBe(200).Json["history"]!.AsArray().Last()!;
        Assert.Equal([("M2", "黄志强")], Attendees(corrected["before"]));
        Assert.Null(corrected["beforeAttendeeNames"]);
    }

    [Fact]
    public async Task a_growth_files_note_authors_a_teachers_hours_and_the_roster_facts_are_named()
    {
        Clock.Set(2026, 3, 2);
        var id = await Host.StaffedStudio(School());
        (await Host.Post($"/api/studios/{id}/growth/M1/reflections", new { text = "本学期反思：家访要提前准备。" }, MemberOf(id, "M1"))).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/growth/M1/mentor-notes", new { text = "家访记录细致，继续坚持。" }, HostOf(id, "H1"))).ShouldBe(200);
        await Settle();

        var file = (await Host.Get("/api/teachers/M1/growth-file", HostOf(id))).ShouldBe(200).Json;
        var names = Named(file["teacherNames"]).ToList();
        Assert.Equal(2, file["notes"]!.AsArray().Count);
        Assert.All(file["notes"]!.AsArray(), n => Assert.Contains(names, x => x.Item1 == n!["authorId"]!.GetValue<string>()));
        Assert.Contains(("M1", "林晓燕"), names);
        Assert.Contains(("H1", "陈美玲"), names);

        var hours = (await Host.Get("/api/teachers/M1/hours", MemberOf(id, "M1"))).ShouldBe(200).Json;
        Assert.Equal(("M1", "林晓燕"), (hours["teacherId"]!.GetValue<string>(), hours["name"]!.GetValue<string>()));

        var view = (await Host.Get($"/api/studios/{id}", HostOf(id))).ShouldBe(200).Json;
        var roster = Named(view["teacherNames"]).ToList();
        Assert.NotEmpty(view["rosterFacts"]!.AsArray());
        Assert.All(view["rosterFacts"]!.AsArray(), f => Assert.Contains(roster, n => n.Item1 == f!["teacherId"]!.GetValue<string>() && n.Item2 is not null));
    }

    [Fact]
    public async Task a_teachers_credits_certificates_and_clocks_name_the_teacher()
    {
        Clock.Set(2026, 3, 2);
        (await Host.Post("/api/teachers", new
        {
            id = "T1", name = "陈美玲", gender = "female", school = "厦门市第一中学", region = "350203", subject = "语文",
            teachingSince = "2008-09-01", headTeacherSince = "2010-09-01",
        }, School())).ShouldBe(201);
        foreach (var part in new[] { "credits", "certificates", "clocks" })
        {
            var view = (await Host.Get($"/api/teachers/T1/{part}", School())).ShouldBe(200).Json;
            Assert.Equal(("T1", "陈美玲"), (view["teacherId"]!.GetValue<string>(), view["name"]!.GetValue<string>()));
        }
    }
}
