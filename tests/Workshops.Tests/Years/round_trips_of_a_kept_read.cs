using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Years;

/// <summary>
/// How many times a kept view's read waits for the database: the kept answer is looked up and its fingerprint checked
/// in one statement, and nothing else is read (the studio's region for authorization and the tenant is known to the
/// process once met). Counted from Npgsql's own trace of each command or batch it sends during the request.
/// </summary>
public sealed class round_trips_of_a_kept_read(AppFixture fixture) : ApiTest(fixture)
{
    [Theory]
    [InlineData("studio view", "/api/studios/{id}")]
    [InlineData("year view", "/api/studios/{id}/years/2026")]
    [InlineData("ledger", "/api/studios/{id}/ledger/2026")]
    [InlineData("checklist", "/api/studios/{id}/checklist")]
    [InlineData("annual report", "/api/studios/{id}/reports/annual/2026")]
    public async Task a_kept_view_is_read_in_one_round_trip(string view, string path)
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School());
        var host = HostOf(id);
        (await Host.Put($"/api/studios/{id}/plans/2026", new { goals = "建设目标", tasks = new[] { new { title = "班级文化建设" } } }, host)).ShouldBe(200);
        await Host.LogActivity(id, host, Activity("lecture", ["learning"], "2026-03-05", 2, [("H1", 2), ("M1", 2)]));
        await Settle();
        var url = path.Replace("{id}", id.ToString());
        // The first read computes and keeps the view; the second is served as kept (and compiles what kept reads need).
        var computed = (await Host.Get(url, host)).ShouldBe(200);
        Assert.Equal(computed.Text, (await Host.Get(url, host)).ShouldBe(200).Text);

        Reply? kept = null;
        var sent = await RoundTrips.Sent(async () => kept = await Host.Get(url, host));

        var served = kept!.ShouldBe(200);
        Assert.Equal(computed.Text, served.Text);
        Assert.Equal(computed.Header("ETag"), served.Header("ETag"));
        Assert.True(sent.Count == 1, $"{view}: {RoundTrips.Listed(sent)}");
    }
}
