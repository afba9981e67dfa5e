using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Activities;

/// <summary>
/// How many times logging an activity waits for the database: what the append decides on (the decision state, the
/// stream version, the tasks it serves, the same-day activities, the active subscriptions) is read in one batch, and
/// the append with the activity's entry is written in one more, then committed. Counted from Npgsql's own trace of each
/// command or batch it sends during the request.
/// </summary>
public sealed class round_trips_of_an_append(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task logging_an_activity_reads_in_one_round_trip_and_writes_in_one_before_the_commit()
    {
        var school = School();
        var id = await Host.StaffedStudio(school);
        var host = HostOf(id);
        // The first append of the process compiles and caches what it needs; the second is the one every later append is.
        await Host.LogActivity(id, host, Activity("lecture", ["learning"], "2026-03-02", 2, [("H1", 2), ("M1", 2)]));

        var sent = await RoundTrips.Sent(() => Host.LogActivity(id, host, Activity("thematic-seminar", ["research"], "2026-03-02", 3, [("M1", 3), ("M2", 3)])));

        Assert.True(sent.Count == 2, $"{sent.Count} round trips besides the commit:\n{string.Join("\n---\n", sent)}");
    }
}
