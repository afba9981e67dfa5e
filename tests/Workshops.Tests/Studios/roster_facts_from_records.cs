using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Studios;

/// <summary>The studio view's roster facts as of the day asked, from the teachers' records.</summary>
public sealed class roster_facts_from_records(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task the_roster_shows_each_persons_facts_on_the_day_asked()
    {
        Clock.Set(2026, 3, 1);
        var id = await Host.StaffedStudio(School());
        (await Host.Post("/api/teachers", new
        {
            id = "H1", name = "陈美玲", gender = "female", school = "厦门市第一中学", region = "350203", subject = "语文",
            teachingSince = "2005-09-01", headTeacherSince = "2008-09-01", title = "first", titleSince = "2015-09-01",
        }, School())).ShouldBe(201);
        var host = HostOf(id);

        var before = (await Host.Get($"/api/studios/{id}?on=2026-01-14", host)).ShouldBe(200).Json;
        var h1 = before["rosterFacts"]!.AsArray().Single(f => f!["teacherId"]!.GetValue<string>() == "H1")!;
        Assert.Equal(("一级教师", true, 17), (h1["title"]!.GetValue<string>(), h1["fromRecord"]!.GetValue<bool>(), h1["headTeacherYears"]!.GetValue<int>()));
        Assert.Equal("xiamen-k12-2022", before["ruleSet"]!.GetValue<string>());
        // M1 has no record: the facts given when they joined, counted to the day.
        var m1 = before["rosterFacts"]!.AsArray().Single(f => f!["teacherId"]!.GetValue<string>() == "M1")!;
        Assert.False(m1["fromRecord"]!.GetValue<bool>());
        Assert.Equal(6, m1["headTeacherYears"]!.GetValue<int>());

        // A title changed mid-year: the view of today shows it at once (the kept view is keyed by the record's version too).
        Assert.Equal("一级教师", Title((await Host.Get($"/api/studios/{id}", host)).Json));
        (await Host.Post("/api/teachers/H1/titles", new { title = "senior", on = "2026-01-15" }, School())).ShouldBe(200);
        Assert.Equal("高级教师", Title((await Host.Get($"/api/studios/{id}", host)).Json));
        Assert.Equal("一级教师", Title((await Host.Get($"/api/studios/{id}?on=2026-01-14", host)).Json));

        // Reviewers outside the studio see no personal facts.
        var outside = (await Host.Get($"/api/studios/{id}", Reviewer())).ShouldBe(200).Json;
        var seen = outside["rosterFacts"]!.AsArray().Single(f => f!["teacherId"]!.GetValue<string>() == "H1")!.AsObject();
        Assert.False(seen.ContainsKey("headTeacherYears"));
        Assert.Equal("高级教师", seen["title"]!.GetValue<string>());
        (await Host.Get($"/api/studios/{id}?on=2099-01-01", host)).ShouldBeProblem(400);
    }

    private static string Title(System.Text.Json.Nodes.JsonNode studio) =>
        studio["rosterFacts"]!.AsArray().Single(f => f!["teacherId"]!.GetValue<string>() == "H1")!["title"]!.GetValue<string>();
}
