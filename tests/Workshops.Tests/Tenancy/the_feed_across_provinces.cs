using System.Text;
using System.Text.Json.Nodes;
using Workshops.Core.Auth;
using Workshops.Integrations;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// A national integration client reads one feed over every province's database with one cursor that carries a
/// position per province; a province's client reads its own province only, whatever its cursor says.
/// </summary>
public sealed class the_feed_across_provinces(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    /// <summary>A staffed studio in each province, each with an activity of three attendees (an hours event each).</summary>
    private Task TwoProvincesWrite(string suffix) => StaffedStudioInEach($"厦门市湖里区{suffix}班主任工作坊", $"北京市东城区{suffix}班主任工作坊",
        Activity("lecture", ["learning"], "2026-02-20", 2, [("M1", 2), ("M2", 2), ("M3", 2)], title: "家校共育专题讲座"));

    /// <summary>Reads a feed to its end, page by page through the cursor; the cursor after the last page is returned too.</summary>
    private async Task<(List<JsonNode> Events, string Cursor)> Drain(string token, int limit, string? cursor = null)
    {
        var events = new List<JsonNode>();
        while (true)
        {
            var page = (await Host.Get($"/api/feed?limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"), token)).ShouldBe(200).Json;
            var items = page["events"]!.AsArray();
            Assert.True(items.Count <= limit);
            events.AddRange(items.Select(e => e!));
            cursor = page["cursor"]!.GetValue<string>();
            if (page["next"] is null) return (events, cursor);
            Assert.Contains($"cursor={cursor}", page["next"]!.GetValue<string>());
        }
    }

    private static string Id(JsonNode e) => e["id"]!.GetValue<string>();
    private static string Province(JsonNode e) => e["region"]!["province"]!.GetValue<string>();
    private static long Sequence(JsonNode e) => e["sequence"]!.GetValue<long>();

    [Fact]
    public async Task paging_across_two_provinces_gives_every_event_once_in_one_order()
    {
        await TwoProvincesWrite("一");

        var fujian = (await Drain(Fixture.FujianClient, 500)).Events;
        var beijing = (await Drain(Fixture.BeijingClient, 500)).Events;
        var national = (await Drain(Fixture.NationalClient, 4)).Events;

        Assert.Contains(fujian, e => e["type"]!.GetValue<string>() == "hours.credited");
        Assert.Equal(national.Count, national.Select(Id).Distinct().Count());
        Assert.Equal(fujian.Select(Id).Concat(beijing.Select(Id)).Order(), national.Select(Id).Order());
        // Each province's events keep their own order; across provinces they interleave by time, then province code.
        Assert.Equal(fujian.Select(Id), national.Where(e => Province(e) == Fujian).Select(Id));
        Assert.Equal(beijing.Select(Id), national.Where(e => Province(e) == Beijing).Select(Id));
        var provinces = national.Select(Province).ToList();
        Assert.Contains(Fujian, provinces);
        Assert.Contains(Beijing, provinces);
    }

    [Fact]
    public async Task a_province_that_does_not_answer_keeps_its_position_and_its_events_come_later()
    {
        await TwoProvincesWrite("二");
        var (_, cursor) = await Drain(Fixture.NationalClient, 500);
        await TwoProvincesWrite("三");

        await Fixture.Close(Beijing);
        List<JsonNode> whileClosed;
        string resumed;
        try
        {
            var partial = (await Host.Get($"/api/feed?limit=500&cursor={cursor}", Fixture.NationalClient)).ShouldBe(200);
            Assert.Equal(Beijing, partial.Header("Missing-Provinces"));
            whileClosed = partial.Json["events"]!.AsArray().Select(e => e!).ToList();
            resumed = partial.Json["cursor"]!.GetValue<string>();
            (await Host.Get($"/api/feed?limit=500&cursor={cursor}&complete=true", Fixture.NationalClient)).ShouldBeProblem(503);
        }
        finally
        {
            await Fixture.Reopen(Beijing);
        }
        Assert.NotEmpty(whileClosed);
        Assert.All(whileClosed, e => Assert.Equal(Fujian, Province(e)));

        // Beijing's position stayed where it was: its new events come now, Fujian's are not repeated.
        var after = (await Drain(Fixture.NationalClient, 500, resumed)).Events;
        Assert.NotEmpty(after);
        Assert.All(after, e => Assert.Equal(Beijing, Province(e)));
        Assert.Contains(after, e => e["type"]!.GetValue<string>() == "studio.established");
        var before = FeedCursor.Read(cursor)![Beijing].After;
        var beijing = (await Drain(Fixture.BeijingClient, 500)).Events;
        Assert.Equal(beijing.Where(e => Sequence(e) > before).Select(Id), after.Select(Id));
    }

    [Fact]
    public async Task a_provinces_client_cannot_read_another_province_through_the_cursor()
    {
        await TwoProvincesWrite("四");
        var (_, national) = await Drain(Fixture.NationalClient, 500);

        // The national cursor names Beijing and the ministry: Fujian's client is refused, not shown them.
        (await Host.Get($"/api/feed?cursor={national}", Fixture.FujianClient)).ShouldBeProblem(400);
        var forged = FeedCursor.Write(new Dictionary<string, FeedPosition> { [Beijing] = FeedPosition.Start });
        (await Host.Get($"/api/feed?cursor={forged}", Fixture.FujianClient)).ShouldBeProblem(400);
        var garbled = "1." + Convert.ToBase64String(Encoding.UTF8.GetBytes("350000:x:0"));
        (await Host.Get($"/api/feed?cursor={Uri.EscapeDataString(garbled)}", Fixture.FujianClient)).ShouldBeProblem(400);
        (await Host.Get("/api/feed?cursor=2.AAAA", Fixture.FujianClient)).ShouldBeProblem(400);

        // Its own cursor (one position) reads Fujian's events only, the same as reading without one.
        var own = FeedCursor.Write(new Dictionary<string, FeedPosition> { [Fujian] = FeedPosition.Start });
        var withCursor = (await Drain(Fixture.FujianClient, 500, own)).Events;
        var plain = (await Drain(Fixture.FujianClient, 500)).Events;
        Assert.NotEmpty(withCursor);
        Assert.All(withCursor, e => Assert.Equal(Fujian, Province(e)));
        Assert.Equal(plain.Select(Id), withCursor.Select(Id));
    }
}
