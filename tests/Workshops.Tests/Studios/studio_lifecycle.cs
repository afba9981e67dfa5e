using System.Text.Json.Nodes;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Studios;

/// <summary>
/// A studio's term over HTTP: the term-end assessment, a rectification after 不合格, renewal, and dissolution, after which
/// every write is refused with studio.dissolved while the studio stays readable. The studio is school-level, founded
/// 2022-10-16 (its first term ends 2025-10-15); the clock stands at 2026-03-02.
/// </summary>
public sealed class studio_lifecycle(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task an_unqualified_term_is_rectified_reassessed_and_renewed()
    {
        var id = await Host.StaffedStudio(School());
        var reviewer = Reviewer();
        (await Host.Post($"/api/studios/{id}/term-assessments", new { result = "unqualified" }, reviewer)).ShouldBe(400);
        (await Host.Post($"/api/studios/{id}/term-assessments", new { result = "unqualified", rectifyBy = "2026-06-30", note = "成长档案不完整，限期整改。" }, reviewer))
            .ShouldBe(200);
        var view = (await Host.Get($"/api/studios/{id}", reviewer)).ShouldBe(200).Json["lifecycle"]!;
        Assert.Equal(("rectifying", "整改中", "2026-06-30", "2025-10-15"),
            (view["standing"]!.GetValue<string>(), view["standingLabel"]!.GetValue<string>(), view["rectifyBy"]!.GetValue<string>(), view["termEnds"]!.GetValue<string>()));
        (await Host.Post($"/api/studios/{id}/renewal", new { reason = "续建" }, reviewer)).ShouldBeProblem(422, "term.renewal-needs-pass");

        Clock.Set(2026, 6, 20);
        (await Host.Post($"/api/studios/{id}/term-assessments", new { result = "qualified", note = "整改到位，复评合格。" }, reviewer)).ShouldBe(200);
        (await Host.Post($"/api/studios/{id}/renewal", new { reason = "期满考核合格，续建一个周期。" }, reviewer)).ShouldBe(200);
        view = (await Host.Get($"/api/studios/{id}", reviewer)).ShouldBe(200).Json["lifecycle"]!;
        Assert.Equal(("active", "2025-10-16", "2028-10-15"),
            (view["standing"]!.GetValue<string>(), view["termStarts"]!.GetValue<string>(), view["termEnds"]!.GetValue<string>()));
        Assert.Equal(["unqualified", "qualified"], view["assessments"]!.AsArray().Select(a => a!["result"]!.GetValue<string>()));
        Assert.Equal("不合格", view["assessments"]![0]!["resultLabel"]!.GetValue<string>());
        Assert.Equal("期满考核合格，续建一个周期。", view["renewals"]![0]!["reason"]!.GetValue<string>());
        // The new term is assessed in its last year, not now.
        (await Host.Post($"/api/studios/{id}/term-assessments", new { result = "excellent" }, reviewer)).ShouldBeProblem(422, "term.not-ending");
    }

    [Fact]
    public async Task a_term_ended_without_an_assessment_is_flagged_until_a_reviewer_assesses_it()
    {
        var id = await Host.StaffedStudio(School());
        var reviewer = Reviewer();
        bool Due(JsonNode studio) => studio["lifecycle"]!["assessmentOverdue"]!.GetValue<bool>();
        // The term ended on 2025-10-15: overdue today, not as of that day.
        Assert.True(Due((await Host.Get($"/api/studios/{id}", reviewer)).ShouldBe(200).Json));
        Assert.False(Due((await Host.Get($"/api/studios/{id}?on=2025-10-15", reviewer)).ShouldBe(200).Json));
        Assert.True((await Host.Get("/api/reviews/checklists?year=2026", reviewer)).ShouldBe(200).Json["items"]![0]!["assessmentOverdue"]!.GetValue<bool>());
        await Settle();
        Assert.True((await Host.Get("/api/studios", reviewer)).ShouldBe(200).Json["items"]![0]!["assessmentOverdue"]!.GetValue<bool>());

        (await Host.Post($"/api/studios/{id}/term-assessments", new { result = "qualified", note = "期满考核合格。" }, reviewer)).ShouldBe(200);
        Assert.False(Due((await Host.Get($"/api/studios/{id}", reviewer)).ShouldBe(200).Json));
        Assert.False((await Host.Get("/api/reviews/checklists?year=2026", reviewer)).ShouldBe(200).Json["items"]![0]!["assessmentOverdue"]!.GetValue<bool>());
    }

    [Fact]
    public async Task a_rectification_past_its_due_day_is_flagged_overdue_on_the_view_and_the_reviewers_list()
    {
        var id = await Host.StaffedStudio(School());
        var reviewer = Reviewer();
        (await Host.Post($"/api/studios/{id}/term-assessments", new { result = "unqualified", rectifyBy = "2026-06-30" }, reviewer)).ShouldBe(200);
        bool Overdue(JsonNode studio) => studio["lifecycle"]!["rectificationOverdue"]!.GetValue<bool>();
        Assert.False(Overdue((await Host.Get($"/api/studios/{id}", reviewer)).ShouldBe(200).Json));

        // The day after the due day it is overdue; read as of the due day it was not yet.
        Clock.Set(2026, 7, 1);
        Assert.True(Overdue((await Host.Get($"/api/studios/{id}", reviewer)).ShouldBe(200).Json));
        Assert.False(Overdue((await Host.Get($"/api/studios/{id}?on=2026-06-30", reviewer)).ShouldBe(200).Json));
        var row = (await Host.Get("/api/reviews/checklists?year=2026", reviewer)).ShouldBe(200).Json["items"]![0]!;
        Assert.Equal(("rectifying", "2026-06-30", true),
            (row["standing"]!.GetValue<string>(), row["rectifyBy"]!.GetValue<string>(), row["rectificationOverdue"]!.GetValue<bool>()));
        await Settle();
        var listed = (await Host.Get("/api/studios", reviewer)).ShouldBe(200).Json["items"]![0]!;
        Assert.Equal(("rectifying", "2026-06-30", true),
            (listed["standing"]!.GetValue<string>(), listed["rectifyBy"]!.GetValue<string>(), listed["rectificationOverdue"]!.GetValue<bool>()));

        // A passing reassessment closes it: nothing is overdue any more.
        (await Host.Post($"/api/studios/{id}/term-assessments", new { result = "qualified", note = "整改到位。" }, reviewer)).ShouldBe(200);
        Assert.False(Overdue((await Host.Get($"/api/studios/{id}", reviewer)).ShouldBe(200).Json));
    }

    [Fact]
    public async Task a_district_reviewer_decides_no_municipal_studios_term()
    {
        var id = await Host.EstablishStudio(Reviewer(), StudioBody(level: "municipal", reason: "2022年经厦门市教育局遴选认定为市级工作坊。"));
        var district = Reviewer("350203");
        (await Host.Post($"/api/studios/{id}/term-assessments", new { result = "qualified" }, district)).ShouldBeProblem(422, "studio.level-above-reviewer");
        (await Host.Post($"/api/studios/{id}/dissolution", new { reason = "撤销" }, district)).ShouldBeProblem(422, "studio.level-above-reviewer");
        (await Host.Post($"/api/studios/{id}/dissolution", new { reason = "撤销" }, School())).ShouldBe(403);
    }

    [Fact]
    public async Task a_dissolved_studio_refuses_every_write_and_stays_readable()
    {
        var id = await Host.StaffedStudio(School());
        var activity = await Host.LogActivity(id, HostOf(id), Activity("lecture", ["learning"], "2026-02-20", 2, [("M1", 2)]));
        var reviewer = Reviewer();
        (await Host.Post($"/api/studios/{id}/dissolution", new { reason = "" }, reviewer)).ShouldBe(400);
        (await Host.Post($"/api/studios/{id}/dissolution", new { reason = "整改期满复评仍不合格，予以撤销。", on = "2026-03-01" }, reviewer)).ShouldBe(200);

        (await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M4", "王丽华"), on = "2026-03-02" }, School())).ShouldBeProblem(422, "studio.dissolved");
        (await Host.Post($"/api/studios/{id}/activities", Activity("lecture", ["learning"], "2026-03-01", 1, [("M1", 1)]), HostOf(id)))
            .ShouldBeProblem(422, "studio.dissolved");
        (await Host.Post($"/api/studios/{id}/activities/{activity}/void", new { reason = "误录" }, HostOf(id))).ShouldBeProblem(422, "studio.dissolved");
        (await Host.Post($"/api/studios/{id}/leadership-hearings", new { date = "2026-03-01" }, School())).ShouldBeProblem(422, "studio.dissolved");
        (await Host.Post($"/api/studios/{id}/outputs", new
        {
            kind = "typical-case", category = "key-student-support", title = "案例", authors = new[] { "H1" }, date = "2026-03-01", body = "全文",
        }, HostOf(id))).ShouldBeProblem(422, "studio.dissolved");
        (await Host.Post($"/api/studios/{id}/term-assessments", new { result = "qualified" }, reviewer)).ShouldBeProblem(422, "studio.dissolved");
        (await Host.Post($"/api/studios/{id}/dissolution", new { reason = "再次撤销" }, reviewer)).ShouldBeProblem(422, "studio.dissolved");

        var view = (await Host.Get($"/api/studios/{id}", reviewer)).ShouldBe(200).Json;
        Assert.Equal(3, view["members"]!.AsArray().Count);
        var lifecycle = view["lifecycle"]!;
        Assert.Equal(("dissolved", "已撤销", "2026-03-01", "整改期满复评仍不合格，予以撤销。"),
            (lifecycle["standing"]!.GetValue<string>(), lifecycle["standingLabel"]!.GetValue<string>(),
             lifecycle["dissolution"]!["on"]!.GetValue<string>(), lifecycle["dissolution"]!["reason"]!.GetValue<string>()));
        (await Host.Get($"/api/studios/{id}/activities", HostOf(id))).ShouldBe(200);
    }
}
