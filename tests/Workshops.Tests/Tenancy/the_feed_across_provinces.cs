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
[Collection(ProvincesCollection.Name)]
public sealed class the_feed_across_provinces(ProvincesFixture fixture)
{
    private IAlbaHost Host => fixture.Host;
    private string FujianSchool => fixture.Token(Role.School, "厦门市第六中学管理员", "350203");
    private string BeijingSchool => fixture.Token(Role.School, "北京市第五中学管理员", "110101");
    private string NationalClient => fixture.Token(Role.Integration, NationalIntegration, Ministry);
    private string FujianClient => fixture.Token(Role.Integration, "福建省教师培训平台", Fujian);
    private string BeijingClient => fixture.Token(Role.Integration, "北京市教师培训平台", Beijing);

    private string HostOf(Guid studio) => fixture.Token(Role.Host, "陈美玲", null, [studio]);

    /// <summary>A staffed studio in each province, each with an activity of three attendees (an hours event each).</summary>
    private async Task TwoProvincesWrite(string suffix)
    {
        var fujian = await Host.StaffedStudio(FujianSchool, StudioBody($"厦门市湖里区{suffix}班主任工作坊"));
        var beijing = await Host.StaffedStudio(BeijingSchool, StudioBody($"北京市东城区{suffix}班主任工作坊", district: "110101", city: "110100", province: Beijing));
        var activity = Activity("lecture", ["learning"], "2026-02-20", 2, [("M1", 2), ("M2", 2), ("M3", 2)], title: "家校共育专题讲座");
        await Host.LogActivity(fujian, HostOf(fujian), activity);
        await Host.LogActivity(beijing, HostOf(beijing), activity);
        await fixture.Settle();
    }

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
            if (!page["more"]!.GetValue<bool>()) return (events, cursor);
        }
    }

    private static string Id(JsonNode e) => e["id"]!.GetValue<string>();
    private static string Province(JsonNode e) => e["region"]!["province"]!.GetValue<string>();
    private static long Sequence(JsonNode e) => e["sequence"]!.GetValue<long>();

    [Fact]
    public async Task paging_across_two_provinces_gives_every_event_once_in_one_order()
    {
        await TwoProvincesWrite("一");

        var fujian = (await Drain(FujianClient, 500)).Events;
        var beijing = (await Drain(BeijingClient, 500)).Events;
        var national = (await Drain(NationalClient, 4)).Events;

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
        var (_, cursor) = await Drain(NationalClient, 500);
        await TwoProvincesWrite("三");

        await fixture.Close(Beijing);
        List<JsonNode> whileClosed;
        string resumed;
        try
        {
            var partial = (await Host.Get($"/api/feed?limit=500&cursor={cursor}", NationalClient)).ShouldBe(200);
            Assert.Equal(Beijing, partial.Header("Missing-Provinces"));
            whileClosed = partial.Json["events"]!.AsArray().Select(e => e!).ToList();
            resumed = partial.Json["cursor"]!.GetValue<string>();
            (await Host.Get($"/api/feed?limit=500&cursor={cursor}&complete=true", NationalClient)).ShouldBeProblem(503);
        }
        finally
        {
            await fixture.Reopen(Beijing);
        }
        Assert.NotEmpty(whileClosed);
        Assert.All(whileClosed, e => Assert.Equal(Fujian, Province(e)));

        // Beijing's position stayed where it was: its new events come now, Fujian's are not repeated.
        var after = (await Drain(NationalClient, 500, resumed)).Events;
        Assert.NotEmpty(after);
        Assert.All(after, e => Assert.Equal(Beijing, Province(e)));
        Assert.Contains(after, e => e["type"]!.GetValue<string>() == "studio.established");
        var before = FeedCursor.Read(cursor)![Beijing].After;
        var beijing = (await Drain(BeijingClient, 500)).Events;
        Assert.Equal(beijing.Where(e => Sequence(e) > before).Select(Id), after.Select(Id));
    }

    [Fact]
    public async Task a_provinces_client_cannot_read_another_province_through_the_cursor()
    {
        await TwoProvincesWrite("四");
        var (_, national) = await Drain(NationalClient, 500);

        // The national cursor names Beijing and the ministry: Fujian's client is refused, not shown them.
        (await Host.Get($"/api/feed?cursor={national}", FujianClient)).ShouldBeProblem(400);
        var forged = FeedCursor.Write(new Dictionary<string, FeedPosition> { [Beijing] = FeedPosition.Start });
        (await Host.Get($"/api/feed?cursor={forged}", FujianClient)).ShouldBeProblem(400);
        var garbled = "1." + Convert.ToBase64String(Encoding.UTF8.GetBytes("350000:x:0"));
        (await Host.Get($"/api/feed?cursor={Uri.EscapeDataString(garbled)}", FujianClient)).ShouldBeProblem(400);
        (await Host.Get("/api/feed?cursor=2.AAAA", FujianClient)).ShouldBeProblem(400);

        // Its own cursor (one position) reads Fujian's events only, the same as reading without one.
        var own = FeedCursor.Write(new Dictionary<string, FeedPosition> { [Fujian] = FeedPosition.Start });
        var withCursor = (await Drain(FujianClient, 500, own)).Events;
        var plain = (await Drain(FujianClient, 500)).Events;
        Assert.NotEmpty(withCursor);
        Assert.All(withCursor, e => Assert.Equal(Fujian, Province(e)));
        Assert.Equal(plain.Select(Id), withCursor.Select(Id));
    }
}
