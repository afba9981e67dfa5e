using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Activities;

public sealed class activity_refusals(AppFixture fixture) : ApiTest(fixture)
{
    private async Task<(Guid Id, string Host)> Studio()
    {
        Clock.Set(2026, 3, 20);
        var id = await Host.StaffedStudio(School());
        return (id, HostOf(id));
    }

    [Fact]
    public async Task each_rule_is_named_and_nothing_is_appended()
    {
        var (id, host) = await Studio();
        var version = (await Host.Get($"/api/studios/{id}", host)).Json["version"]!.GetValue<long>();
        async Task Refused(object body, int status, string? rule = null) =>
            (await Host.Post($"/api/studios/{id}/activities", body, host)).ShouldBeProblem(status, rule);

        var future = (await Host.Post($"/api/studios/{id}/activities", Activity("lecture", ["learning"], "2026-03-21", 2, [("H1", 2)]), host)).ShouldBeProblem(400);
        Assert.Equal("must not be in the future", future.Json["errors"]!["date"]![0]!.GetValue<string>());
        await Refused(Activity("lecture", ["learning"], "2022-10-01", 2, [("H1", 2)]), 422, "activity.date-before-founding");
        await Refused(Activity("lecture", ["learning"], "2026-03-10", 2, [("X9", 2)]), 422, "attendance.not-on-roster");
        await Refused(Activity("lecture", ["learning"], "2023-01-10", 2, [("S1", 2)]), 422, "attendance.not-on-roster");
        await Refused(Activity("lecture", ["learning"], "2026-03-10", 2, [("H1", 2)], [Guid.NewGuid()]), 422, "activity.unknown-task");
        await Refused(Activity("lecture", [], "2026-03-10", 2, [("H1", 2)]), 400);
        var unknownKind = (await Host.Post($"/api/studios/{id}/activities", Activity("party", ["learning"], "2026-03-10", 2, [("H1", 2)]), host))
            .ShouldBeProblem(400);
        Assert.Contains("demonstration-lesson", unknownKind.Json["errors"]!["kind"]![0]!.GetValue<string>());
        var unknownDomain = (await Host.Post($"/api/studios/{id}/activities", Activity("lecture", ["fun"], "2026-03-10", 2, [("H1", 2)]), host))
            .ShouldBeProblem(400);
        Assert.Contains("growth", unknownDomain.Text);
        await Refused(new { kind = "lecture", domains = new[] { "learning" }, title = "无时长", date = "2026-03-10" }, 400);
        await Refused(new { kind = "lecture", domains = new[] { "learning" }, title = "时段", date = "2026-03-10", start = "10:00", end = "09:00" }, 400);

        Assert.Equal(version, (await Host.Get($"/api/studios/{id}", host)).Json["version"]!.GetValue<long>());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(25, 1)]
    [InlineData(2, 0)]
    public async Task hours_out_of_range_are_input_told_under_their_paths_not_a_rule(int hours, int attended)
    {
        var (id, host) = await Studio();
        var problem = (await Host.Post($"/api/studios/{id}/activities", Activity("lecture", ["learning"], "2026-03-10", hours, [("H1", attended)]), host))
            .ShouldBeProblem(400);
        Assert.Null(problem.Json["rule"]);
        Assert.NotNull(problem.Json["errors"]![attended == 0 ? "attendees[0].hours" : "hours"]);
    }

    [Fact]
    public async Task every_out_of_range_value_comes_in_one_answer_with_the_missing_fields_and_bad_codes()
    {
        var (id, host) = await Studio();
        var problem = (await Host.Post($"/api/studios/{id}/activities", new
        {
            kind = "教研会", domains = new[] { "learning" }, date = "2026-03-10", hours = 30,
            attendees = new object[] { new { teacherId = "H1", hours = 0 }, new { teacherId = "M1", hours = -1 } },
        }, host)).ShouldBeProblem(400);
        var errors = problem.Json["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["attendees[0].hours", "attendees[1].hours", "hours", "kind", "title"], errors);
    }

    [Fact]
    public async Task an_attendee_longer_than_the_activity_and_a_teacher_listed_twice_are_told_together()
    {
        var (id, host) = await Studio();
        var problem = (await Host.Post($"/api/studios/{id}/activities", Activity("lecture", ["learning"], "2026-03-10", 2, [("H1", 3), ("M1", 2), ("H1", 1)]), host))
            .ShouldBeProblem(400);
        Assert.Null(problem.Json["rule"]);
        var errors = problem.Json["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["attendees[0].hours", "attendees[2].teacherId"], errors);
    }

    [Fact]
    public async Task guests_need_a_name_and_a_teacher_cannot_attend_more_than_24_hours_a_day()
    {
        var (id, host) = await Studio();
        var guest = new
        {
            kind = "lecture", domains = new[] { "learning" }, title = "专家报告", date = "2026-03-10", start = "08:00", end = "20:00",
            attendees = new object[] { new { teacherId = "H1", hours = 12 }, new { teacherId = "G-1", hours = 12, guest = true, name = "王教授" } },
        };
        var created = (await Host.Post($"/api/studios/{id}/activities", guest, host)).ShouldBe(201);
        Assert.Equal($"/api/studios/{id}/activities/{created.Json["activityId"]}", created.Header("location"));
        var record = (await Host.Get(created.Header("location")!, host)).Json;
        Assert.Equal(12m, record["facts"]!["hours"]!.GetValue<decimal>());

        (await Host.Post($"/api/studios/{id}/activities", new
        {
            kind = "lecture", domains = new[] { "learning" }, title = "无名嘉宾", date = "2026-03-10", hours = 1,
            attendees = new object[] { new { teacherId = "G-2", hours = 1, guest = true } },
        }, host)).ShouldBeProblem(400);
        (await Host.Post($"/api/studios/{id}/activities", Activity("class-practice", ["practice"], "2026-03-10", 13, [("H1", 13)]), host))
            .ShouldBeProblem(422, "attendance.day-over-24");
        await Host.LogActivity(id, host, Activity("class-practice", ["practice"], "2026-03-10", 12, [("H1", 12)]));
    }

    [Fact]
    public async Task only_the_studios_own_host_and_members_log_activities()
    {
        var (id, host) = await Studio();
        var other = await Host.EstablishStudio(School());
        var body = Activity("lecture", ["learning"], "2026-03-10", 2, [("H1", 2)]);
        (await Host.Post($"/api/studios/{id}/activities", body, HostOf(other))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/activities", body, Reviewer())).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/activities", body, School())).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/activities", body, MemberOf(other))).ShouldBeProblem(403);
        await Host.LogActivity(id, MemberOf(id), Activity("lecture", ["learning"], "2026-03-11", 2, [("H1", 2)]));
        (await Host.Get($"/api/studios/{id}/activities", MemberOf(id))).ShouldBe(200);
        (await Host.Get($"/api/studios/{id}/activities", HostOf(other))).ShouldBeProblem(403);
        await Host.LogActivity(id, host, body);
    }

    [Fact]
    public async Task a_retried_log_with_the_same_key_logs_once()
    {
        var (id, host) = await Studio();
        var body = Activity("lecture", ["learning"], "2026-03-10", 2, [("H1", 2)]);
        var first = (await Host.Post($"/api/studios/{id}/activities", body, host, ("Idempotency-Key", "act-1"))).ShouldBe(201);
        var again = (await Host.Post($"/api/studios/{id}/activities", body, host, ("Idempotency-Key", "act-1"))).ShouldBe(201);
        Assert.Equal(first.Json["activityId"]!.ToString(), again.Json["activityId"]!.ToString());
        Assert.Equal(first.Header("location"), again.Header("location"));
        Assert.Equal(1, (await Host.Get($"/api/studios/{id}/activities", host)).Json["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task corrections_are_checked_like_new_facts_and_moving_a_year_moves_the_counts()
    {
        var (id, host) = await Studio();
        var activity = await Host.LogActivity(id, host, Activity("lecture", ["learning"], "2026-01-10", 2, [("H1", 2)]));
        var tooLong = (await Host.Post($"/api/studios/{id}/activities/{activity}/corrections", new { changes = new { hours = 30 }, reason = "错" }, host))
            .ShouldBeProblem(400);
        Assert.Contains("at most 24", tooLong.Json["errors"]!["changes.hours"]![0]!.GetValue<string>());
        (await Host.Post($"/api/studios/{id}/activities/{activity}/corrections", new { changes = new { }, reason = "错" }, host))
            .ShouldBeProblem(400);
        (await Host.Post($"/api/studios/{id}/activities/{Guid.NewGuid()}/corrections", new { changes = new { hours = 1 }, reason = "错" }, host))
            .ShouldBeProblem(404, "activity.unknown");
        (await Host.Post($"/api/studios/{id}/activities/{activity}/corrections", new { changes = new { date = "2025-12-30" }, reason = "日期记错" }, host))
            .ShouldBe(200);
        var y2026 = (await Host.Get($"/api/studios/{id}/years/2026", host)).Json;
        var y2025 = (await Host.Get($"/api/studios/{id}/years/2025", host)).Json;
        Assert.Equal(0, y2026["activities"]!["count"]!.GetValue<int>());
        Assert.Equal(1, y2025["activities"]!["count"]!.GetValue<int>());
        Assert.Equal(2m, y2025["attendance"]![0]!["hours"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task chinese_text_of_the_seeds_round_trips_exactly()
    {
        var (id, host) = await Studio();
        const string summary = "打造“一坊一品”，完善“年度计划+任务台账+逐项销账”机制，做到“计划有方案、过程有记录、成果有展示”。";
        var body = new
        {
            kind = "thematic-seminar", domains = new[] { "research" }, title = "“立德树人”专题研讨（第1期）", date = "2026-03-10", hours = 2,
            place = "厦门市第一中学·报告厅", attendees = new[] { new { teacherId = "H1", hours = 2 } }, summary,
        };
        var id2 = Guid.Parse((await Host.Post($"/api/studios/{id}/activities", body, host)).ShouldBe(201).Json["activityId"]!.GetValue<string>());
        var record = (await Host.Get($"/api/studios/{id}/activities/{id2}", host)).Json;
        Assert.Equal(summary, record["facts"]!["summary"]!.GetValue<string>());
        Assert.Equal("“立德树人”专题研讨（第1期）", record["facts"]!["title"]!.GetValue<string>());
        Assert.Equal("厦门市第一中学·报告厅", record["facts"]!["place"]!.GetValue<string>());
    }
}
