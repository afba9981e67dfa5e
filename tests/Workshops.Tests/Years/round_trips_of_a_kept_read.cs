using System.Diagnostics;
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

    /// <summary>
    /// The count is of the measured request's own trace: a request running beside it the whole time (as another test's
    /// would), without that trace, sends its commands while the count is taken and none of them is counted.
    /// </summary>
    [Fact]
    public async Task a_request_running_beside_it_is_not_counted()
    {
        Clock.Set(2026, 3, 10);
        var id = await Host.StaffedStudio(School());
        var other = await Host.StaffedStudio(School());
        var url = $"/api/studios/{id}/years/2026";
        var besideUrl = $"/api/studios/{other}/years/2026";
        foreach (var (path, token) in new[] { (url, HostOf(id)), (url, HostOf(id)), (besideUrl, HostOf(other)), (besideUrl, HostOf(other)) })
            (await Host.Get(path, token)).ShouldBe(200);

        // Every command Npgsql sends under any request while the count is taken, as the count was before it kept to a trace.
        var underAnyRequest = 0;
        using var all = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = a =>
            {
                if (a.Source.Name != "Npgsql") return;
                for (var parent = a.Parent; parent is not null; parent = parent.Parent)
                    if (parent.Source.Name == "Microsoft.AspNetCore")
                    {
                        Interlocked.Increment(ref underAnyRequest);
                        return;
                    }
            },
        };
        ActivitySource.AddActivityListener(all);

        // Started before the count, so it carries no trace header: the kept year view of another studio, read again and again.
        var besideReads = 0;
        using var stop = new CancellationTokenSource();
        var beside = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                (await Host.Get(besideUrl, HostOf(other))).ShouldBe(200);
                Interlocked.Increment(ref besideReads);
            }
        });
        var sent = await RoundTrips.Sent(async () =>
        {
            var before = Volatile.Read(ref besideReads);
            (await Host.Get(url, HostOf(id))).ShouldBe(200);
            // At least one read beside it starts and ends while the count is taken.
            while (Volatile.Read(ref besideReads) < before + 2) await Task.Delay(5);
        });
        var counted = Volatile.Read(ref underAnyRequest);
        await stop.CancelAsync();
        await beside;

        Assert.True(sent.Count == 1, RoundTrips.Listed(sent));
        Assert.True(counted > sent.Count, $"{counted} commands under any request while counting, {sent.Count} in the trace");
    }
}
