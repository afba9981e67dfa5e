using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Growth;

public sealed class hour_policies_as_data(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_region_adds_a_policy_and_chooses_its_set_without_code_changes()
    {
        Clock.Set(2026, 4, 1);
        var id = await Host.StaffedStudio(School());
        var policies = (await Host.Get("/api/hour-policies", HostOf(id))).ShouldBe(200).Json.AsArray();
        Assert.Contains("head-teacher-30", policies.Select(p => p!["code"]!.GetValue<string>()));

        var custom = new
        {
            code = "xiamen-mental-health-12", title = "心理健康教育专题培训每年12学时", source = "厦门市2026年班主任培训安排",
            audience = "head-teachers", window = "calendar-year", anchor = "head-teacher-since",
            categories = new[] { "head-teacher-training", "studio-activity" }, requiredHours = 12,
        };
        (await Host.Post("/api/hour-policies", custom, School())).ShouldBeProblem(403);
        (await Host.Post("/api/hour-policies", custom, Reviewer())).ShouldBe(201);
        (await Host.Post("/api/hour-policies", custom, Reviewer())).ShouldBeProblem(422, "policy.exists");
        (await Host.Post("/api/hour-policies", custom with { }, Reviewer())).ShouldBeProblem(422);
        (await Host.Post("/api/hour-policies", new { code = "Bad Code", title = "x", source = "x", audience = "head-teachers", window = "cumulative",
            anchor = "head-teacher-since", categories = Array.Empty<string>() }, Reviewer())).ShouldBeProblem(400);

        (await Host.Put("/api/regions/350200/hour-policies", new { policies = new[] { "xiamen-mental-health-12", "nope" } }, Reviewer()))
            .ShouldBeProblem(422, "policy.unknown");
        (await Host.Put("/api/regions/350100/hour-policies", new { policies = new[] { "head-teacher-30" } }, Reviewer())).ShouldBeProblem(403);
        (await Host.Put("/api/regions/350200/hour-policies", new { policies = new[] { "xiamen-mental-health-12", "head-teacher-30" } }, Reviewer()))
            .ShouldBe(200);

        await Host.LogActivity(id, HostOf(id), Activity("stress-relief", ["growth"], "2026-03-20", 5, [("M1", 5)]));
        await Settle();
        var hours = (await Host.Get("/api/teachers/M1/hours", HostOf(id))).ShouldBe(200).Json;
        Assert.Equal("350200", hours["policyRegion"]!.GetValue<string>());
        var codes = hours["policies"]!.AsArray().Select(p => p!["code"]!.GetValue<string>()).ToList();
        Assert.Equal(["xiamen-mental-health-12", "head-teacher-30"], codes);
        var mental = hours["policies"]![0]!;
        Assert.Equal((5m, 7m, "due", "2026-12-31"),
            (mental["earned"]!.GetValue<decimal>(), mental["remaining"]!.GetValue<decimal>(), mental["status"]!.GetValue<string>(), mental["due"]!.GetValue<string>()));

        (await Host.Put("/api/regions/350203/hour-policies", new { policies = new[] { "school-based-yearly" } }, Reviewer())).ShouldBe(200);
        var district = (await Host.Get("/api/teachers/M1/hours", HostOf(id))).Json;
        Assert.Equal("350203", district["policyRegion"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_expert_tier_follows_selection_training_and_recognition_on_the_teachers_record()
    {
        Clock.Set(2026, 4, 1);
        var id = await Host.StaffedStudio(School());
        (await Host.Post($"/api/studios/{id}/growth/M1/expert-tier", new { }, Reviewer())).ShouldBeProblem(422, "tier.expert-not-eligible");
        var leader = new
        {
            teacher = new
            {
                id = "E1", name = "周立新", gender = "male", school = "厦门市第一中学", subject = "政治", title = "正高级教师",
                headTeacherSince = "2012-09-01", teachingSince = "2008-09-01", servingAsHeadTeacher = true, rural = false, citySubjectLeader = true,
            },
        };
        (await Host.Post($"/api/studios/{id}/trainees", leader, School())).ShouldBe(200);
        // A city subject leader with eight years is not an expert by that alone (seed 000 三.(二).4: 视同 is for experts).
        (await Host.Post($"/api/studios/{id}/growth/E1/expert-tier", new { }, Reviewer())).ShouldBeProblem(422, "tier.expert-not-eligible");
        (await Host.Post("/api/teachers", new
        {
            id = "E1", name = "周立新", gender = "male", school = "厦门市第一中学", region = "350203", subject = "政治",
            teachingSince = "2008-09-01", headTeacherSince = "2012-09-01",
        }, School())).ShouldBe(201);
        (await Host.Post("/api/teachers/E1/honours", new { honour = "moral-education-leader", level = "municipal", issuer = "厦门市教育局", on = "2023-05-01" },
            School())).ShouldBe(200);
        (await Host.Post("/api/teachers/E1/expert-candidacy", new { on = "2024-03-01", mentors = new[] { "北京师范大学 某教授", "厦门市第一中学 王老师" } },
            Reviewer())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/growth/E1/expert-tier", new { }, Reviewer())).ShouldBeProblem(422, "tier.expert-not-eligible");
        (await Host.Post("/api/teachers/E1/expert-candidacy/training", new { on = "2025-12-20", note = "双导师培养结业" }, Reviewer())).ShouldBe(200);
        (await Host.Post("/api/teachers/E1/recognitions", new { rung = "expert", on = "2025-12-20" }, Reviewer())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/growth/E1/expert-tier", new { }, HostOf(id))).ShouldBeProblem(403);
        (await Host.Post($"/api/studios/{id}/growth/E1/expert-tier", new { }, Reviewer())).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/growth/E1/expert-tier", new { }, Reviewer())).ShouldBeProblem(422, "tier.already-granted");
        await Settle();
        var file = (await Host.Get("/api/teachers/E1/growth-file", Reviewer())).Json;
        Assert.Equal("expert", file["tier"]!.GetValue<string>());
        Assert.True(file["eligibility"]!.AsArray().Single(e => e!["code"]!.GetValue<string>() == "expert")!["eligible"]!.GetValue<bool>());
    }
}
