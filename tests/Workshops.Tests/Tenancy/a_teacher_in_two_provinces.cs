using System.Text.Json.Nodes;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// A teacher who served in a Fujian studio, then moved to a Beijing one: each province keeps its part, the ministry's
/// "served in" index names both, and a national read of the growth file and hours is their union.
/// </summary>
public sealed class a_teacher_in_two_provinces(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    /// <summary>The teacher served in Xiamen from 2022 to mid-2024, then in Beijing (each test its own teacher: the fixture keeps its data).</summary>
    private async Task<(Guid Fujian, Guid Beijing)> Served(string teacher)
    {
        var xiamen = await Host.EstablishStudio(Fixture.JimeiSchool, StudioBody("厦门市集美区班主任工作坊", district: "350211"));
        (await Host.Post($"/api/studios/{xiamen}/host", new { teacher = Teacher($"{teacher}-HF", "陈美玲", since: "2008-09-01", teaching: "2005-09-01"), on = "2022-10-16" },
            Fixture.JimeiSchool)).ShouldBe(200);
        (await Host.Post($"/api/studios/{xiamen}/members", new { teacher = Teacher(teacher, "林晓燕", since: "2012-09-01", teaching: "2008-09-01"), on = "2022-10-16" },
            Fixture.JimeiSchool)).ShouldBe(200);
        await Host.LogActivity(xiamen, Fixture.HostOf(xiamen), Activity("lecture", ["learning"], "2023-03-10", 3, [(teacher, 3), ($"{teacher}-HF", 3)]));
        await Host.LogActivity(xiamen, Fixture.HostOf(xiamen), Activity("class-practice", ["practice"], "2024-04-02", 2, [(teacher, 1.5m)]));
        (await Host.Post($"/api/studios/{xiamen}/members/{teacher}/leave", new { on = "2024-07-01", reason = "调往北京市朝阳区" }, Fixture.JimeiSchool)).ShouldBe(200);

        var beijing = await Host.EstablishStudio(Fixture.ChaoyangSchool,
            BeijingStudio("北京市朝阳区班主任工作坊", district: "110105", founded: "2024-09-01"));
        (await Host.Post($"/api/studios/{beijing}/host", new { teacher = Teacher($"{teacher}-HB", "李国华", since: "2005-09-01", teaching: "2003-09-01", school: "北京市朝阳区实验中学"), on = "2024-09-01" },
            Fixture.ChaoyangSchool)).ShouldBe(200);
        (await Host.Post($"/api/studios/{beijing}/members", new { teacher = Teacher(teacher, "林晓燕", since: "2012-09-01", teaching: "2008-09-01", school: "北京市朝阳区实验中学"), on = "2024-09-01" },
            Fixture.ChaoyangSchool)).ShouldBe(200);
        await Host.LogActivity(beijing, Fixture.HostOf(beijing), Activity("theory-study", ["learning"], "2024-10-09", 2, [(teacher, 2)]));
        await Host.LogActivity(beijing, Fixture.HostOf(beijing), Activity("survey", ["research"], "2025-05-20", 4, [(teacher, 4), ($"{teacher}-HB", 4)]));
        await Fixture.Settle();
        await IndexNames(teacher, 2);
        return (xiamen, beijing);
    }

    /// <summary>Waits until the ministry's index has a line per province for the teacher (written after the projections commit).</summary>
    private async Task IndexNames(string teacher, int provinces)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await Fixture.Count(Ministry, "select count(*) from workshops.mt_doc_servedin where teacher_id = $1", teacher) == provinces) return;
            await Task.Delay(100);
        }
        Assert.Fail($"The ministry's index did not name {provinces} provinces for {teacher}.");
    }

    private static List<string> Studios(JsonNode file) => [.. file["studios"]!.AsArray().Select(s => s!["studioId"]!.GetValue<string>())];

    private static Dictionary<int, (decimal Studio, decimal Outside)> Hours(JsonNode file) =>
        file["hoursByYear"]!.AsArray().ToDictionary(y => y!["year"]!.GetValue<int>(),
            y => (y!["studioActivities"]!.GetValue<decimal>(), y["outsideTraining"]!.GetValue<decimal>()));

    [Fact]
    public async Task the_national_growth_file_and_hours_are_the_union_of_the_provinces_parts()
    {
        const string lin = "T22-LIN";
        var (xiamen, beijing) = await Served(lin);

        // Each province's reviewer sees that province's part only, read from its own database.
        var fujianPart = (await Host.Get($"/api/teachers/{lin}/growth-file", Fixture.FujianReviewer)).ShouldBe(200).Json;
        var beijingPart = (await Host.Get($"/api/teachers/{lin}/growth-file", Fixture.BeijingReviewer)).ShouldBe(200).Json;
        Assert.Equal([xiamen.ToString()], Studios(fujianPart));
        Assert.Equal([beijing.ToString()], Studios(beijingPart));
        Assert.Equal(new Dictionary<int, (decimal, decimal)> { [2023] = (3m, 0m), [2024] = (1.5m, 0m) }, Hours(fujianPart));
        Assert.Equal(new Dictionary<int, (decimal, decimal)> { [2024] = (2m, 0m), [2025] = (4m, 0m) }, Hours(beijingPart));

        var national = (await Host.Get($"/api/teachers/{lin}/growth-file?complete=true", Fixture.NationalReviewer)).ShouldBe(200);
        Assert.Null(national.Header("Missing-Provinces"));
        Assert.Equal([xiamen.ToString(), beijing.ToString()], Studios(national.Json));
        var union = Hours(fujianPart).Concat(Hours(beijingPart)).GroupBy(h => h.Key)
            .ToDictionary(g => g.Key, g => (g.Sum(h => h.Value.Studio), g.Sum(h => h.Value.Outside)));
        Assert.Equal(union, Hours(national.Json));
        Assert.Equal(3.5m, Hours(national.Json)[2024].Studio);
        var timeline = national.Json["timeline"]!.AsArray().Select(e => e!["date"]!.GetValue<string>()).ToList();
        Assert.Equal(fujianPart["timeline"]!.AsArray().Count + beijingPart["timeline"]!.AsArray().Count, timeline.Count);
        Assert.Equal(timeline.Order(StringComparer.Ordinal), timeline);

        // The hours' clocks count the credits of both provinces; a province's reviewer's, that province's only.
        var hours = (await Host.Get($"/api/teachers/{lin}/hours", Fixture.NationalReviewer)).ShouldBe(200).Json;
        Assert.Equal(lin, hours["teacherId"]!.GetValue<string>());
        Assert.Equal(national.Json["clocks"]!.ToJsonString(), hours.ToJsonString());
    }

    [Fact]
    public async Task a_host_reads_the_whole_file_of_a_teacher_on_their_roster_and_no_other()
    {
        const string lin = "T22-WANG";
        var (_, beijing) = await Served(lin);
        var other = await Host.EstablishStudio(Fixture.ChaoyangSchool,
            BeijingStudio("北京市朝阳区第二班主任工作坊", district: "110105", founded: "2024-09-01"));

        var file = (await Host.Get($"/api/teachers/{lin}/growth-file", Fixture.HostOf(beijing))).ShouldBe(200).Json;
        Assert.Equal(2, Studios(file).Count);
        (await Host.Get($"/api/teachers/{lin}/growth-file", Fixture.HostOf(other))).ShouldBeProblem(403);
        (await Host.Get($"/api/teachers/{lin}/hours", Fixture.HostOf(other))).ShouldBeProblem(403);
        (await Host.Get("/api/teachers/T22-NOBODY/growth-file", Fixture.NationalReviewer)).ShouldBeProblem(404);
    }

    [Fact]
    public async Task a_province_that_does_not_answer_is_named_in_the_national_file()
    {
        const string lin = "T22-ZHAO";
        var (xiamen, _) = await Served(lin);
        await Fixture.Close(Beijing);
        try
        {
            var partial = (await Host.Get($"/api/teachers/{lin}/growth-file", Fixture.NationalReviewer)).ShouldBe(200);
            Assert.Equal(Beijing, partial.Header("Missing-Provinces"));
            Assert.Equal([xiamen.ToString()], Studios(partial.Json));
            var refused = (await Host.Get($"/api/teachers/{lin}/growth-file?complete=true", Fixture.NationalReviewer)).ShouldBeProblem(503);
            Assert.Equal(Beijing, refused.Json["missing"]!.AsArray().Single()!.GetValue<string>());
            (await Host.Get($"/api/teachers/{lin}/hours?complete=true", Fixture.NationalReviewer)).ShouldBeProblem(503);
            (await Host.Get($"/api/teachers/{lin}/growth-file", Fixture.FujianReviewer)).ShouldBe(200);
        }
        finally
        {
            await Fixture.Reopen(Beijing);
        }
    }
}
