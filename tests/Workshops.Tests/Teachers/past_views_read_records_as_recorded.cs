using System.Text.Json.Nodes;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Teachers;

/// <summary>
/// A past asOf answer reads each teacher record as recorded by the end of that day: a fact recorded later changes
/// today's answer, never the past one.
/// </summary>
public sealed class past_views_read_records_as_recorded(AppFixture fixture) : ApiTest(fixture)
{
    private static object Registration(string id, string name, string headTeacherSince, string gender = "female") => new
    {
        id, name, gender, school = "厦门市第一中学", region = "350203", subject = "语文", teachingSince = "2005-09-01", headTeacherSince,
    };

    private static string ReasonOf(JsonNode checklist, string code) =>
        checklist["items"]!.AsArray().Single(i => i!["code"]!.GetValue<string>() == code)!["reason"]!.GetValue<string>();

    [Fact]
    public async Task a_title_recorded_later_leaves_a_past_days_checklist_as_it_was()
    {
        Clock.Set(2026, 1, 10);
        var id = await Host.StaffedStudio(School(), StudioBody(track: "vocational"));
        (await Host.Post("/api/teachers", Registration("H1", "陈美玲", "2008-09-01"), School())).ShouldBe(201);
        var then = ReasonOf((await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022", Reviewer())).ShouldBe(200).Json, "2.1.2");
        Assert.DoesNotContain("高级教师", then);

        // Two days later the school records the host's title, back-dated to September.
        Clock.Set(2026, 1, 12);
        (await Host.Post("/api/teachers/H1/titles", new { title = "senior", on = "2025-09-01" }, School())).ShouldBe(200);

        var past = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022&asOf=2026-01-10", Reviewer())).ShouldBe(200).Json;
        Assert.Equal(then, ReasonOf(past, "2.1.2"));
        var now = (await Host.Get($"/api/studios/{id}/checklist?standard=moe-2022", Reviewer())).ShouldBe(200).Json;
        Assert.Contains("高级教师1人", ReasonOf(now, "2.1.2"));
    }

    [Fact]
    public async Task a_record_made_after_an_assessment_leaves_that_days_recognitions_as_they_were()
    {
        Clock.Set(2025, 12, 20);
        var id = await Host.StaffedStudio(School());
        (await Host.Post($"/api/studios/{id}/assessments/2025", new { result = "qualified" }, Reviewer())).ShouldBe(200);

        // Two days later M2's record says service began in March 2025, not 2016 as the roster entry had it.
        Clock.Set(2025, 12, 22);
        (await Host.Post("/api/teachers", Registration("M2", "黄志强", "2025-03-01", "male"), School())).ShouldBe(201);

        var past = (await Host.Get($"/api/studios/{id}/recognitions/2025?asOf=2025-12-20", HostOf(id))).ShouldBe(200).Json;
        Assert.Contains("backbone-head-teacher", Titles(M2(past)));
        var now = (await Host.Get($"/api/studios/{id}/recognitions/2025", HostOf(id))).ShouldBe(200).Json;
        Assert.Empty(Titles(M2(now)));
        Assert.Contains("不足2年", M2(now)["decision"]!["reason"]!.GetValue<string>());
    }

    private static JsonNode M2(JsonNode report) =>
        report["people"]!.AsArray().Single(p => p!["decision"]!["teacherId"]!.GetValue<string>() == "M2")!;

    private static IEnumerable<string> Titles(JsonNode line) => line["decision"]!["titles"]!.AsArray().Select(t => t!.GetValue<string>());
}
