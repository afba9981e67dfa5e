using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Studios;

/// <summary>GET /api/studios answers summaries: codes with labels, the host by name, counts and standing, the url of the studio view.</summary>
public sealed class the_studio_list(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_studio_is_listed_as_a_summary_whose_url_reads_the_studio()
    {
        Clock.Set(2026, 5, 1);
        var school = School();
        var studio = await Host.StaffedStudio(school);

        var item = (await Host.Get("/api/studios", school)).ShouldBe(200).Json["items"]!.AsArray().Single()!;
        Assert.Equal(studio.ToString(), item["id"]!.GetValue<string>());
        Assert.Equal(("H1", "陈美玲"), (item["host"]!["id"]!.GetValue<string>(), item["host"]!["name"]!.GetValue<string>()));
        Assert.Equal((3, 1, 0), (item["members"]!.GetValue<int>(), item["trainees"]!.GetValue<int>(), item["experts"]!.GetValue<int>()));
        Assert.Equal(("school", "校级"), (item["level"]!.GetValue<string>(), item["levelLabel"]!.GetValue<string>()));
        Assert.Equal(("k12", "中小学班主任工作坊"), (item["track"]!.GetValue<string>(), item["trackLabel"]!.GetValue<string>()));
        Assert.Equal(("active", "建设中"), (item["standing"]!.GetValue<string>(), item["standingLabel"]!.GetValue<string>()));
        Assert.False(item["rectificationOverdue"]!.GetValue<bool>());
        // The roster, plans and history are the studio view's, not the list's.
        foreach (var full in new[] { "formerRoles", "rosterFacts", "tasks", "lifecycle", "mentorships" }) Assert.Null(item[full]);

        var url = item["url"]!.GetValue<string>();
        Assert.Equal($"/api/studios/{studio}", url);
        var view = (await Host.Get(url, school)).ShouldBe(200).Json;
        Assert.Equal(item["name"]!.GetValue<string>(), view["name"]!.GetValue<string>());
        Assert.Equal(3, view["members"]!.AsArray().Count);
    }
}
