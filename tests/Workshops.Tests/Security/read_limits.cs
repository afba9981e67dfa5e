using Microsoft.AspNetCore.Http;
using Workshops.Core.Auth;
using Workshops.Core.Http;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Security;

/// <summary>What a read costs against its client's budget, as a pure function of the request.</summary>
public sealed class read_costs
{
    private static readonly RateLimitOptions Options = new() { ExportCost = 50, HeavyReadCost = 10 };

    private static int Cost(string method, string pathAndQuery, string? accept = null)
    {
        var http = new DefaultHttpContext();
        var q = pathAndQuery.IndexOf('?');
        http.Request.Method = method;
        http.Request.Path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        http.Request.QueryString = q < 0 ? QueryString.Empty : new QueryString(pathAndQuery[q..]);
        if (accept is not null) http.Request.Headers.Accept = accept;
        return ReadCosts.Of(http.Request, Options);
    }

    [Theory]
    [InlineData("/api/reviews/studios?region=350200&format=xlsx")]
    [InlineData("/api/reviews/cases?format=CSV")]
    [InlineData("/api/studios/0195a000-3502-7030-8000-000000000001/reports/annual/2026?format=csv")]
    public void an_export_costs_the_most(string url) => Assert.Equal(50, Cost("GET", url));

    [Fact]
    public void an_export_asked_for_by_accept_header_costs_the_same() =>
        Assert.Equal(50, Cost("GET", "/api/reviews/cases", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    [Theory]
    [InlineData("/api/studios/0195a000-3502-7030-8000-000000000001/checklist?asOf=2026-03-01")]
    [InlineData("/api/teachers/M1/hours?asOf=2026-03-01")]
    [InlineData("/api/reviews/checklists?region=350200")]
    [InlineData("/api/reviews/outputs?q=家校")]
    [InlineData("/api/regions/350200/dashboard")]
    [InlineData("/api/xapi/statements")]
    [InlineData("/api/showcase/outputs?q=家校")]
    [InlineData("/api/showcase/studios")]
    public void as_of_reads_region_wide_tables_and_xapi_cost_more(string url) => Assert.Equal(10, Cost("GET", url));

    [Theory]
    [InlineData("/api/studios/0195a000-3502-7030-8000-000000000001")]
    [InlineData("/api/studios?region=350200")]
    [InlineData("/api/reviews/cases/0195a000-3502-7030-8000-000000000001")]
    [InlineData("/api/feed?limit=10")]
    [InlineData("/api/showcase/outputs/0195a000-3502-7030-8000-000000000001")]
    [InlineData("/api/showcase/studios/0195a000-3502-7030-8000-000000000001")]
    [InlineData("/api/reports/annual?format=json")]
    public void other_reads_cost_one(string url) => Assert.Equal(1, Cost("GET", url));

    [Fact]
    public void writes_and_health_probes_are_not_reads() 
    {
        Assert.Equal(0, Cost("POST", "/api/studios"));
        Assert.Equal(0, Cost("GET", "/health/ready"));
    }
}

/// <summary>Reads are limited per client by cost, and heavy reads are bounded per node (OWASP API4).</summary>
public sealed class read_limits(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_client_beyond_its_read_budget_gets_429_with_retry_after_and_others_do_not()
    {
        await using var host = await OtherHosts.Start(Fixture, settings: new Dictionary<string, string>
        {
            ["RateLimits:ReadsPerSecond"] = "1", ["RateLimits:ReadBurst"] = "25", ["RateLimits:ExportCost"] = "10",
        });
        await host.EstablishStudio(School());
        var greedy = Token(Role.Reviewer, "导出很多的评审", region: "350200");
        (await host.Get("/api/reviews/studios?region=350200&format=csv", greedy)).ShouldBe(200);
        (await host.Get("/api/reviews/studios?region=350200&format=xlsx", greedy)).ShouldBe(200);
        var refused = (await host.Get("/api/reviews/studios?region=350200&format=xlsx", greedy)).ShouldBeProblem(429);
        Assert.True(int.Parse(refused.Header("Retry-After")!) >= 1);
        // What is left of the budget still pays for cheap reads; another client has a budget of its own.
        (await host.Get("/api/studios", greedy)).ShouldBe(200);
        (await host.Get("/api/reviews/studios?region=350200&format=xlsx", Token(Role.Reviewer, "另一位评审", region: "350200"))).ShouldBe(200);
    }

    [Fact]
    public async Task an_anonymous_client_is_limited_by_its_address()
    {
        await using var host = await OtherHosts.Start(Fixture, settings: new Dictionary<string, string>
        {
            ["RateLimits:ReadsPerSecond"] = "1", ["RateLimits:ReadBurst"] = "25", ["RateLimits:HeavyReadCost"] = "10",
        });
        async Task<int> From(string address) => (await host.Scenario(x =>
        {
            x.Get.Url("/api/showcase/outputs?q=班级");
            x.ConfigureHttpContext(c => c.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(address));
            x.IgnoreStatusCode();
        })).Context.Response.StatusCode;
        Assert.Equal(200, await From("203.0.113.7"));
        Assert.Equal(200, await From("203.0.113.7"));
        Assert.Equal(429, await From("203.0.113.7"));
        // Another address has a budget of its own.
        Assert.Equal(200, await From("198.51.100.20"));
    }

    [Fact]
    public async Task heavy_reads_beyond_the_nodes_bound_wait_their_turn_and_a_full_queue_is_429()
    {
        await using var host = await OtherHosts.Start(Fixture, settings: new Dictionary<string, string>
        {
            ["RateLimits:ConcurrentHeavyReads"] = "1", ["RateLimits:HeavyReadQueue"] = "1",
        });
        for (var i = 0; i < 3; i++) await host.EstablishStudio(School(), StudioBody(name: $"并发读取{i}"));
        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            host.Get("/api/reviews/studios?region=350200&format=xlsx", Token(Role.Reviewer, $"评审{i}", region: "350200"))));
        Assert.All(replies, r => Assert.Contains(r.Status, new[] { 200, 429 }));
        Assert.Contains(replies, r => r.Status == 200);
        var refused = replies.Where(r => r.Status == 429).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Contains("heavy reads", r.ShouldBeProblem(429).Json["detail"]!.GetValue<string>()));
        // Cheap reads are not bounded, and once the queue drains heavy reads go through again.
        (await host.Get("/api/studios", School())).ShouldBe(200);
        (await host.Get("/api/reviews/studios?region=350200&format=xlsx", Reviewer())).ShouldBe(200);
    }
}
