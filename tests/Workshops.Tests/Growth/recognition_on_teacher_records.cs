using System.Text.Json.Nodes;
using Workshops.Tests.Support;

namespace Workshops.Tests.Growth;

/// <summary>An assessment's recognitions read the teachers' records as of the assessment day and are written to their own streams.</summary>
public sealed class recognition_on_teacher_records(AppFixture fixture) : ApiTest(fixture)
{
    private static object Registration(string id, string name, string headTeacherSince) => new
    {
        id, name, gender = "female", school = "厦门市第一中学", region = "350203", subject = "语文",
        teachingSince = "2005-09-01", headTeacherSince,
    };

    private static IEnumerable<string> Rungs(JsonNode record) =>
        record["recognitions"]!.AsArray().Select(r => r!["rung"]!.GetValue<string>()).Order();

    [Fact]
    public async Task a_qualified_assessment_recognises_on_the_teachers_records_once()
    {
        Clock.Set(2025, 12, 20);
        var id = await Host.StaffedStudio(School());
        (await Host.Post("/api/teachers", Registration("H1", "陈美玲", "2008-09-01"), School())).ShouldBe(201);
        // The roster entry says M2 has served since 2016; the record knows better: since 2025-03-01.
        (await Host.Post("/api/teachers", Registration("M2", "黄志强", "2025-03-01"), School())).ShouldBe(201);

        (await Host.Post($"/api/studios/{id}/assessments/2025", new { result = "qualified" }, Reviewer())).ShouldBe(200);
        var host = (await Host.Get("/api/teachers/H1", School())).ShouldBe(200).Json;
        Assert.Equal(["leader", "moral-education-leader"], Rungs(host));
        Assert.All(host["recognitions"]!.AsArray(), r => Assert.Equal("xiamen-k12-2022", r!["ruleSet"]!.GetValue<string>()));
        Assert.Empty(Rungs((await Host.Get("/api/teachers/M2", School())).Json));

        var report = (await Host.Get($"/api/studios/{id}/recognitions/2025", HostOf(id))).ShouldBe(200).Json;
        var m2 = report["people"]!.AsArray().Single(p => p!["decision"]!["teacherId"]!.GetValue<string>() == "M2")!;
        Assert.Empty(m2["granted"]!.AsArray());
        Assert.Contains("不足2年", m2["decision"]!["reason"]!.GetValue<string>());
        // M1 has no record: the join facts decide, and the title stays on the studio's stream.
        var m1 = report["people"]!.AsArray().Single(p => p!["decision"]!["teacherId"]!.GetValue<string>() == "M1")!;
        Assert.Equal(["backbone-head-teacher"], m1["granted"]!.AsArray().Select(t => t!.GetValue<string>()));

        (await Host.Post($"/api/studios/{id}/assessments/2025", new { result = "excellent", note = "复核" }, Reviewer())).ShouldBe(200);
        Assert.Equal(2, (await Host.Get("/api/teachers/H1", School())).Json["recognitions"]!.AsArray().Count);
    }

    [Fact]
    public async Task a_vocational_studio_confers_no_xiamen_titles()
    {
        Clock.Set(2025, 12, 20);
        var id = await Host.StaffedStudio(School(), Scenarios.StudioBody("厦门市工商旅游学校班主任工作室", track: "vocational"));
        (await Host.Post($"/api/studios/{id}/assessments/2025", new { result = "excellent" }, Reviewer())).ShouldBe(200);
        var report = (await Host.Get($"/api/studios/{id}/recognitions/2025", HostOf(id))).ShouldBe(200).Json;
        Assert.All(report["people"]!.AsArray(), p => Assert.Empty(p!["granted"]!.AsArray()));
        Assert.All(report["people"]!.AsArray(), p => Assert.Equal("moe-vocational-2022.no-assessment-rung", p!["decision"]!["rule"]!.GetValue<string>()));
    }
}
