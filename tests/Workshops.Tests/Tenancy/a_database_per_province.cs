using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// Fujian, Beijing and the ministry each in a database of their own: writes land in the studio's province only, a
/// province's token never reaches another province's data, and national reads are the merged union of the provinces.
/// </summary>
public sealed class a_database_per_province(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    private Task<long> EventsOf(string code, Guid studio) =>
        Fixture.Count(code, "select count(*) from workshops.mt_events where stream_id = $1", studio);

    [Fact]
    public async Task a_studio_and_its_later_writes_land_in_its_provinces_database_only()
    {
        var studio = await Host.EstablishStudio(Fixture.FujianSchool, StudioBody("福州市鼓楼区班主任工作坊"));
        (await Host.Post($"/api/studios/{studio}/host", new { teacher = Teacher("H1", "陈美玲", since: "2008-09-01", teaching: "2005-09-01"), on = "2022-10-16" },
            Fixture.FujianSchool)).ShouldBe(200);

        Assert.Equal(2, await EventsOf(Fujian, studio));
        Assert.Equal(0, await EventsOf(Beijing, studio));
        Assert.Equal(0, await EventsOf(Ministry, studio));
        var beijing = await Host.EstablishStudio(Fixture.BeijingSchool, BeijingStudio("北京市东城区班主任工作坊"));
        Assert.Equal(1, await EventsOf(Beijing, beijing));
        Assert.Equal(0, await EventsOf(Fujian, beijing));
        // The studio is read back from its own database, by id alone.
        (await Host.Get($"/api/studios/{beijing}", Fixture.BeijingSchool)).ShouldBe(200);
    }

    [Fact]
    public async Task a_provinces_reviewer_never_reaches_another_provinces_studios()
    {
        var beijing = await Host.EstablishStudio(Fixture.BeijingSchool, BeijingStudio("北京市西城区班主任工作坊"));
        var fujian = await Host.EstablishStudio(Fixture.FujianSchool, StudioBody("厦门市思明区班主任工作坊"));

        (await Host.Get($"/api/studios/{beijing}", Fixture.FujianReviewer)).ShouldBeProblem(403);
        (await Host.Get($"/api/studios?region={Beijing}", Fixture.FujianReviewer)).ShouldBeProblem(403);
        (await Host.Get($"/api/studios?region={Ministry}", Fixture.FujianReviewer)).ShouldBeProblem(403);
        (await Host.Post("/api/studios", BeijingStudio("越权设立的工作坊"), Fixture.FujianReviewer)).ShouldBeProblem(403);
        // Without a region the list is the reviewer's own province, read from its database only.
        var ids = await AllIds($"/api/studios?pageSize=100", Fixture.FujianReviewer);
        Assert.Contains(fujian, ids);
        Assert.DoesNotContain(beijing, ids);
    }

    [Fact]
    public void a_tokens_region_bounds_the_tenants_it_reaches()
    {
        var tenants = new Workshops.Core.Tenants(Codes.ToDictionary(c => c, c => $"Host=h;Database=w_{c}"));
        Caller Of(Role role, string? region) => new("x", "x", role, new HashSet<Guid>(), region, null);

        Assert.Equal([Fujian], tenants.Reachable(Of(Role.Reviewer, "350200")));
        Assert.Equal([Fujian], tenants.Reachable(Of(Role.School, "350203")));
        Assert.Equal(tenants.All, tenants.Reachable(Of(Role.Reviewer, Ministry)));
        Assert.False(tenants.Reaches(Of(Role.Integration, "350000"), Beijing));
        Assert.False(tenants.Reaches(Of(Role.Reviewer, "350200"), Ministry));
        Assert.Empty(tenants.Within(Of(Role.Reviewer, "350200"), "110101"));
        Assert.Empty(tenants.Reachable(Of(Role.Reviewer, "450000"))); // a province not in the map: nothing to read
    }

    [Theory]
    [InlineData("350000|110000", "ministry")] // no ministry
    [InlineData("35|000000", "neither")] // not a province code
    [InlineData("350000|000000|same", "share the database name")] // two tenants, one database name (another port would not help)
    public void a_tenant_map_that_would_misbehave_is_refused(string codes, string problem)
    {
        var map = codes.Split('|').ToDictionary(c => c == "same" ? "110000" : c, c => c switch
        {
            "350000" => "Host=a;Port=5433;Database=w",
            "same" => "Host=a;Port=5434;Database=w",
            _ => $"Host=a;Database=w_{c}",
        });
        Assert.Contains(Workshops.Core.Tenants.Problems(map), p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task a_province_without_a_database_answers_not_found()
    {
        var guangxi = StudioBody("南宁市班主任工作坊", district: "450102", city: "450100", province: "450000");
        (await Host.Post("/api/studios", guangxi, Fixture.NationalReviewer)).ShouldBeProblem(404);
        (await Host.Get("/api/regions/450000/dashboard", Fixture.NationalReviewer)).ShouldBeProblem(404);
    }

    [Fact]
    public async Task the_national_list_is_the_union_of_the_provinces_in_one_order_page_after_page()
    {
        foreach (var name in new[] { "厦门湖里班主任工作坊", "福州仓山班主任工作坊", "泉州丰泽班主任工作坊" })
            await Host.EstablishStudio(Fixture.FujianSchool, StudioBody(name));
        foreach (var name in new[] { "北京朝阳班主任工作坊", "北京海淀班主任工作坊" })
            await Host.EstablishStudio(Fixture.BeijingSchool, BeijingStudio(name));

        var fujian = await All($"/api/studios?region={Fujian}&pageSize=100", Fixture.NationalReviewer);
        var beijing = await All($"/api/studios?region={Beijing}&pageSize=100", Fixture.NationalReviewer);
        var expected = fujian.Concat(beijing)
            .OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id.ToString(), StringComparer.Ordinal)
            .Select(s => s.Id).ToList();

        var paged = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var reply = (await Host.Get($"/api/studios?page={page}&pageSize=2", Fixture.NationalReviewer)).ShouldBe(200);
            Assert.Equal(expected.Count, reply.Json["total"]!.GetValue<long>());
            var items = reply.Json["items"]!.AsArray();
            if (items.Count == 0) break;
            paged.AddRange(items.Select(i => Guid.Parse(i!["id"]!.GetValue<string>())));
        }
        Assert.Equal(expected, paged);
        Assert.True(fujian.Count >= 3 && beijing.Count >= 2);
    }

    [Fact]
    public async Task the_national_annex_2_is_the_provinces_tables_in_code_order_numbered_across_the_nation()
    {
        await Host.EstablishStudio(Fixture.FujianSchool, StudioBody("宁德蕉城班主任工作坊"));
        await Host.EstablishStudio(Fixture.BeijingSchool, BeijingStudio("北京石景山班主任工作坊"));
        await Fixture.Settle();
        async Task<List<Guid>> Rows(string query)
        {
            var reply = (await Host.Get($"/api/reviews/workshops?pageSize=100{query}", Fixture.NationalReviewer)).ShouldBe(200);
            return reply.Json["items"]!.AsArray().Select(i => Guid.Parse(i!["studioId"]!.GetValue<string>())).ToList();
        }
        var expected = (await Rows($"&region={Beijing}")).Concat(await Rows($"&region={Fujian}")).ToList();

        var paged = new List<Guid>();
        var numbers = new List<int>();
        for (var page = 1; ; page++)
        {
            var reply = (await Host.Get($"/api/reviews/workshops?page={page}&pageSize=3", Fixture.NationalReviewer)).ShouldBe(200);
            Assert.Equal(expected.Count, reply.Json["total"]!.GetValue<long>());
            var items = reply.Json["items"]!.AsArray();
            if (items.Count == 0) break;
            paged.AddRange(items.Select(i => Guid.Parse(i!["studioId"]!.GetValue<string>())));
            numbers.AddRange(items.Select(i => i!["number"]!.GetValue<int>()));
        }
        Assert.Equal(expected, paged);
        Assert.Equal(Enumerable.Range(1, expected.Count), numbers);
        (await Host.Get($"/api/reviews/workshops?region={Ministry}", Fixture.FujianReviewer)).ShouldBeProblem(403);
    }

    [Fact]
    public async Task a_province_that_does_not_answer_is_named_and_the_others_keep_working()
    {
        var fujianStudio = await Host.EstablishStudio(Fixture.FujianSchool, StudioBody("漳州芗城班主任工作坊"));
        var beijingStudio = await Host.EstablishStudio(Fixture.BeijingSchool, BeijingStudio("北京丰台班主任工作坊"));
        await Fixture.Close(Beijing);
        try
        {
            var partial = (await Host.Get("/api/studios?pageSize=100", Fixture.NationalReviewer)).ShouldBe(200);
            Assert.Equal(Beijing, partial.Header("Missing-Provinces"));
            var ids = partial.Json["items"]!.AsArray().Select(i => Guid.Parse(i!["id"]!.GetValue<string>())).ToList();
            Assert.Contains(fujianStudio, ids);
            Assert.DoesNotContain(beijingStudio, ids);

            var refused = (await Host.Get("/api/studios?pageSize=100&complete=true", Fixture.NationalReviewer)).ShouldBeProblem(503);
            Assert.Equal(Beijing, refused.Json["missing"]!.AsArray().Single()!.GetValue<string>());
            (await Host.Get($"/api/studios/{beijingStudio}", Fixture.BeijingSchool)).ShouldBeProblem(503);
            (await Host.Post("/api/studios", BeijingStudio("停机时设立的工作坊"), Fixture.BeijingSchool)).ShouldBeProblem(503);
            (await Host.Get($"/api/studios/{fujianStudio}", Fixture.FujianSchool)).ShouldBe(200);
            var dashboard = (await Host.Get("/api/regions/000000/dashboard", Fixture.NationalReviewer)).ShouldBe(200);
            Assert.Equal(Beijing, dashboard.Header("Missing-Provinces"));
            (await Host.Get("/api/regions/000000/dashboard?complete=true", Fixture.NationalReviewer)).ShouldBeProblem(503);
            (await Host.Get("/api/regions/350000/dashboard?complete=true", Fixture.NationalReviewer)).ShouldBe(200);
            Assert.Equal(Beijing, (await Host.Get("/api/reviews/workshops", Fixture.NationalReviewer)).ShouldBe(200).Header("Missing-Provinces"));
            (await Host.Get("/api/reviews/workshops?complete=true", Fixture.NationalReviewer)).ShouldBeProblem(503);
            (await Host.Get($"/api/studios?region={Fujian}", Fixture.NationalReviewer)).ShouldBe(200);
        }
        finally
        {
            await Fixture.Reopen(Beijing);
        }
        (await Host.Get($"/api/studios/{beijingStudio}", Fixture.BeijingSchool)).ShouldBe(200);
        Assert.Null((await Host.Get("/api/regions/000000/dashboard?complete=true", Fixture.NationalReviewer)).ShouldBe(200).Header("Missing-Provinces"));
    }

    private sealed record Listed(Guid Id, string Name);

    private async Task<List<Listed>> All(string url, string token) =>
        (await Host.Get(url, token)).ShouldBe(200).Json["items"]!.AsArray()
        .Select(i => new Listed(Guid.Parse(i!["id"]!.GetValue<string>()), i["name"]!.GetValue<string>())).ToList();

    private async Task<List<Guid>> AllIds(string url, string token) => (await All(url, token)).Select(s => s.Id).ToList();
}
