using Workshops.Core.Auth;
using Workshops.Tests.Support;

namespace Workshops.Tests.Applications;

/// <summary>申报 → 推荐 → 遴选 over HTTP: a Huli district school applies for a provincial vocational studio.</summary>
public sealed class applying_and_selecting(AppFixture fixture) : ApiTest(fixture)
{
    public static object Application(string level = "provincial", string district = "350206") => new
    {
        name = "厦门工商旅游学校班主任工作室",
        school = "厦门工商旅游学校",
        region = new { province = "350000", city = "350200", district },
        level,
        track = "vocational",
        rural = false,
        plan = new
        {
            positioning = "立足中职学生特点，研究班级建设与学生管理。",
            members = "主持人陈美玲，成员林晓燕、黄志强、郑雅琴。",
            mode = "mentorship",
            goals = "三年内形成班主任工作手册一部、典型案例十个。",
        },
    };

    private async Task<string> Applied(string school, string district = "350206")
    {
        var reply = (await Host.Post("/api/applications", Application(district: district), school)).ShouldBe(201);
        return reply.Json["id"]!.GetValue<string>();
    }

    [Fact]
    public async Task a_provincial_application_is_recommended_by_district_and_city_and_selected_by_the_province()
    {
        var school = School("350206");
        var id = await Applied(school);
        var (district, city, province) = (Reviewer("350206"), Reviewer("350200"), Token(Role.Reviewer, "福建省教育厅评审", region: "350000"));
        (await Host.Post($"/api/applications/{id}/recommendation", new { }, district)).ShouldBeProblem(422, "application.party-approval-missing");
        (await Host.Post($"/api/applications/{id}/party-approval", new { on = "2026-03-01", note = "校党委会议审议通过。" }, school)).ShouldBe(200);
        (await Host.Post($"/api/applications/{id}/recommendation", new { note = "同意推荐。" }, district)).ShouldBe(200);
        (await Host.Post($"/api/applications/{id}/recommendation", new { note = "同意推荐。" }, city)).ShouldBe(200);
        var selected = (await Host.Post($"/api/applications/{id}/selection", new { foundedOn = "2026-03-02", note = "确定为省级班主任工作室。" }, province))
            .ShouldBe(200).Json;
        var studioId = selected["studioId"]!.GetValue<string>();

        var studio = (await Host.Get($"/api/studios/{studioId}", province)).ShouldBe(200).Json;
        Assert.Equal(("provincial", "vocational", "2026-03-02", id, "2029-03-01"),
            (studio["level"]!.GetValue<string>(), studio["track"]!.GetValue<string>(), studio["foundedOn"]!.GetValue<string>(),
             studio["lifecycle"]!["applicationId"]!.GetValue<string>(), studio["lifecycle"]!["termEnds"]!.GetValue<string>()));
        Assert.Equal("mentorship", studio["mode"]!.GetValue<string>());

        var read = (await Host.Get($"/api/applications/{id}", school)).ShouldBe(200).Json;
        Assert.Equal(("selected", "已遴选", studioId), (read["state"]!.GetValue<string>(), read["stateLabel"]!.GetValue<string>(), read["studioId"]!.GetValue<string>()));
        Assert.Equal(["district", "municipal", "provincial"], read["steps"]!.AsArray().Select(s => s!["stage"]!.GetValue<string>()));
        Assert.Equal("立足中职学生特点，研究班级建设与学生管理。", read["plan"]!["positioning"]!.GetValue<string>());
        (await Host.Post($"/api/applications/{id}/refusal", new { reason = "撤回" }, province)).ShouldBeProblem(422, "application.closed");
    }

    [Fact]
    public async Task a_district_reviewer_cannot_take_an_application_to_the_provinces_selection()
    {
        var school = School("350206");
        var id = await Applied(school);
        (await Host.Post($"/api/applications/{id}/party-approval", new { }, school)).ShouldBe(200);
        var district = Reviewer("350206");
        (await Host.Post($"/api/applications/{id}/selection", new { }, district)).ShouldBeProblem(422, "application.recommendation-due");
        (await Host.Post($"/api/applications/{id}/recommendation", new { }, Reviewer("350200"))).ShouldBeProblem(422, "application.not-your-turn");
        (await Host.Post($"/api/applications/{id}/recommendation", new { }, district)).ShouldBe(200);
        (await Host.Post($"/api/applications/{id}/selection", new { }, district)).ShouldBeProblem(422, "application.not-your-turn");
        (await Host.Post($"/api/applications/{id}/recommendation", new { }, district)).ShouldBeProblem(422, "application.not-your-turn");
        var read = (await Host.Get($"/api/applications/{id}", district)).ShouldBe(200).Json;
        Assert.Equal(("recommended", "municipal"), (read["state"]!.GetValue<string>(), read["awaiting"]!.GetValue<string>()));
    }

    [Fact]
    public async Task a_refusal_carries_its_reason_and_closes_the_application()
    {
        var school = School("350206");
        var id = await Applied(school);
        (await Host.Post($"/api/applications/{id}/party-approval", new { }, school)).ShouldBe(200);
        (await Host.Post($"/api/applications/{id}/refusal", new { reason = "" }, Reviewer("350206"))).ShouldBe(400);
        (await Host.Post($"/api/applications/{id}/refusal", new { reason = "建设方案目标不够具体，暂不推荐。" }, Reviewer("350206"))).ShouldBe(200);
        var read = (await Host.Get($"/api/applications/{id}", school)).ShouldBe(200).Json;
        Assert.Equal(("refused", "建设方案目标不够具体，暂不推荐。"), (read["state"]!.GetValue<string>(), read["steps"]![0]!["note"]!.GetValue<string>()));
        (await Host.Post($"/api/applications/{id}/recommendation", new { }, Reviewer("350206"))).ShouldBeProblem(422, "application.closed");
    }

    [Fact]
    public async Task applications_outside_the_callers_region_are_not_found_and_roles_are_kept()
    {
        var school = School("350206");
        var id = await Applied(school);
        (await Host.Get($"/api/applications/{id}", Reviewer("350203"))).ShouldBe(404);
        (await Host.Post($"/api/applications/{id}/party-approval", new { }, School("350203"))).ShouldBe(404);
        (await Host.Post($"/api/applications/{id}/recommendation", new { }, Reviewer("350203"))).ShouldBe(404);
        (await Host.Post($"/api/applications/{id}/recommendation", new { }, school)).ShouldBe(403);
        (await Host.Post($"/api/applications/{id}/party-approval", new { }, Reviewer("350206"))).ShouldBe(403);
        (await Host.Post("/api/applications", Application(level: "school"), school)).ShouldBeProblem(422, "application.school-level");
        (await Host.Post("/api/applications", Application(district: "350203"), school)).ShouldBe(403);
        // A school still establishes a school-level studio directly.
        (await Host.Post("/api/studios", new
        {
            name = "厦门工商旅游学校校级班主任工作室", school = "厦门工商旅游学校", region = new { province = "350000", city = "350200", district = "350206" },
            level = "school", track = "vocational", rural = false, foundedOn = "2026-03-01", mode = "other",
        }, school)).ShouldBe(201);
    }

    [Fact]
    public async Task a_regions_applications_are_listed_by_state_a_page_at_a_time()
    {
        var school = School("350206");
        var first = await Applied(school);
        var second = await Applied(school);
        await Applied(School("350203"), "350203");
        (await Host.Post($"/api/applications/{second}/party-approval", new { }, school)).ShouldBe(200);
        (await Host.Post($"/api/applications/{second}/refusal", new { reason = "不予推荐" }, Reviewer("350206"))).ShouldBe(200);

        var all = (await Host.Get("/api/applications?region=350200&pageSize=2", Reviewer("350200"))).ShouldBe(200).Json;
        Assert.Equal((3, 2, true), (all["total"]!.GetValue<int>(), all["items"]!.AsArray().Count, all["hasMore"]!.GetValue<bool>()));
        var huli = (await Host.Get("/api/applications?state=applied", Reviewer("350206"))).ShouldBe(200).Json;
        Assert.Equal([first], huli["items"]!.AsArray().Select(a => a!["id"]!.GetValue<string>()));
        (await Host.Get("/api/applications?state=pending", Reviewer("350206"))).ShouldBe(400);
        (await Host.Get("/api/applications?region=350200", Reviewer("350206"))).ShouldBe(403);
    }
    [Fact]
    public async Task the_list_carries_summaries_whose_url_reads_the_application()
    {
        var school = School("350206");
        var id = await Applied(school);
        (await Host.Post($"/api/applications/{id}/party-approval", new { on = "2026-03-01", note = "校党委会议审议通过。" }, school)).ShouldBe(200);

        var item = (await Host.Get("/api/applications", Reviewer("350206"))).ShouldBe(200).Json["items"]!.AsArray().Single()!;
        Assert.Equal((id, "厦门工商旅游学校班主任工作室", true), (item["id"]!.GetValue<string>(), item["name"]!.GetValue<string>(), item["partyApproved"]!.GetValue<bool>()));
        Assert.Equal(("applied", "已申报"), (item["state"]!.GetValue<string>(), item["stateLabel"]!.GetValue<string>()));
        Assert.Equal(("provincial", "省级"), (item["level"]!.GetValue<string>(), item["levelLabel"]!.GetValue<string>()));
        Assert.Equal(("district", "区级"), (item["awaiting"]!.GetValue<string>(), item["awaitingLabel"]!.GetValue<string>()));
        Assert.Equal(("vocational", "职业院校班主任工作室"), (item["track"]!.GetValue<string>(), item["trackLabel"]!.GetValue<string>()));
        Assert.Equal(0, item["decisions"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(item["appliedBy"]!["name"]!.GetValue<string>()));
        // The plan and the decisions are the application's, not the list's.
        Assert.Null(item["plan"]);
        Assert.Null(item["steps"]);
        var read = (await Host.Get(item["url"]!.GetValue<string>(), school)).ShouldBe(200).Json;
        Assert.Equal("立足中职学生特点，研究班级建设与学生管理。", read["plan"]!["positioning"]!.GetValue<string>());
    }
}
