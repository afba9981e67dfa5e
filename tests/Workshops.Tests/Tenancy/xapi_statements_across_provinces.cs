using System.Text.Json.Nodes;
using System.Web;
using Workshops.Core.Auth;
using Workshops.Integrations;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// The national integration client reads the xAPI statements of every province it reaches, paged with the feed's one
/// cursor (a position per province) in <c>more</c>; a province's client reads its own province only.
/// </summary>
public sealed class xapi_statements_across_provinces(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    /// <summary>A staffed studio in each province with an activity of three attendees: three statements each.</summary>
    private Task TwoProvincesAttend(string suffix) => StaffedStudioInEach($"漳州市芗城区{suffix}班主任工作坊", $"北京市东城区学习记录{suffix}班主任工作坊",
        Activity("lecture", ["learning"], "2026-02-20", 2, [("M1", 2), ("M2", 1.5m), ("M3", 2)], title: "班级管理专题讲座"));

    /// <summary>Follows <c>more</c> to the end; every page holds at most <paramref name="limit"/> statements.</summary>
    private async Task<(List<JsonNode> Statements, List<string> Mores)> Drain(string token, int limit)
    {
        var statements = new List<JsonNode>();
        var mores = new List<string>();
        for (var url = $"/api/xapi/statements?limit={limit}"; url.Length > 0;)
        {
            var page = (await Host.Get(url, token)).ShouldBe(200).Json;
            var items = page["statements"]!.AsArray();
            Assert.True(items.Count <= limit);
            statements.AddRange(items.Select(s => s!));
            url = page["more"]!.GetValue<string>();
            if (url.Length > 0) mores.Add(url);
        }
        return (statements, mores);
    }

    private static string Id(JsonNode s) => s["id"]!.GetValue<string>();
    private static string Cursor(string more) => HttpUtility.ParseQueryString(new Uri("http://x" + more).Query)["cursor"]!;

    [Fact]
    public async Task paging_across_two_provinces_gives_every_statement_once_in_one_order()
    {
        await TwoProvincesAttend("一");

        var fujian = (await Drain(Fixture.FujianClient, 500)).Statements;
        var beijing = (await Drain(Fixture.BeijingClient, 500)).Statements;
        var (national, mores) = await Drain(Fixture.NationalClient, 2);

        Assert.True(fujian.Count >= 3 && beijing.Count >= 3);
        Assert.Equal(national.Count, national.Select(Id).Distinct().Count());
        Assert.Equal(fujian.Select(Id).Concat(beijing.Select(Id)).Order(), national.Select(Id).Order());
        // Each province's statements keep their own order (pages end inside an activity's three statements too).
        var fromFujian = fujian.Select(Id).ToHashSet();
        Assert.Equal(fujian.Select(Id), national.Select(Id).Where(fromFujian.Contains));
        Assert.Equal(beijing.Select(Id), national.Select(Id).Where(id => !fromFujian.Contains(id)));
        // The national pages continue with the feed's cursor: a position for each province reached that has one.
        Assert.NotEmpty(mores);
        var positions = mores.Select(more => FeedCursor.Read(Cursor(more))!).ToList();
        Assert.All(positions, p => Assert.Subset(Codes.ToHashSet(), p.Keys.ToHashSet()));
        Assert.Contains(positions, p => p.ContainsKey(Fujian) && p.ContainsKey(Beijing));
        // A province's client continues with the same kind of cursor, naming its own province only.
        var own = (await Host.Get("/api/xapi/statements?limit=1", Fixture.FujianClient)).ShouldBe(200).Json["more"]!.GetValue<string>();
        Assert.Equal(new[] { Fujian }, FeedCursor.Read(Cursor(own))!.Keys);
    }

    [Fact]
    public async Task a_provinces_client_cannot_read_another_province_through_the_cursor()
    {
        await TwoProvincesAttend("二");
        var (_, mores) = await Drain(Fixture.NationalClient, 2);
        var national = Cursor(mores[0]);

        // The national cursor names Beijing and the ministry: Fujian's client is refused, not shown them.
        (await Host.Get($"/api/xapi/statements?cursor={Uri.EscapeDataString(national)}", Fixture.FujianClient)).ShouldBeProblem(400);
        var forged = FeedCursor.Write(new Dictionary<string, FeedPosition> { [Beijing] = FeedPosition.Start });
        (await Host.Get($"/api/xapi/statements?cursor={forged}", Fixture.FujianClient)).ShouldBeProblem(400);
        (await Host.Get("/api/xapi/statements?cursor=2.AAAA", Fixture.FujianClient)).ShouldBeProblem(400);
        // A national read continues with the cursor only: a number and a skip belong to one province.
        (await Host.Get("/api/xapi/statements?cursor=0", Fixture.NationalClient)).ShouldBeProblem(400);

        // Its own cursor (one position) reads Fujian's statements only, the same as reading without one.
        var own = FeedCursor.Write(new Dictionary<string, FeedPosition> { [Fujian] = FeedPosition.Start });
        var withCursor = (await Host.Get($"/api/xapi/statements?limit=500&cursor={own}", Fixture.FujianClient)).ShouldBe(200).Json["statements"]!.AsArray()
            .Select(s => s!).ToList();
        var plain = (await Drain(Fixture.FujianClient, 500)).Statements;
        Assert.NotEmpty(withCursor);
        Assert.Equal(plain.Select(Id), withCursor.Select(Id));
        var beijing = (await Drain(Fixture.BeijingClient, 500)).Statements.Select(Id).ToHashSet();
        Assert.DoesNotContain(withCursor, s => beijing.Contains(Id(s)));
    }
}
