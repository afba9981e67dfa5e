using System.Text.Json.Nodes;
using JasperFx.Events;
using Marten;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Studios;

public sealed class service_baseline(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task health_probes_answer_without_a_token()
    {
        (await Host.Get("/health/live", null)).ShouldBe(200);
        (await Host.Get("/health/ready", null)).ShouldBe(200);
    }

    [Fact]
    public async Task the_openapi_document_lists_the_studio_endpoints_and_the_bearer_scheme()
    {
        var doc = (await Host.Get("/openapi/v1.json", null)).ShouldBe(200).Json;
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/studios", paths);
        Assert.Contains("/api/studios/{id}/members", paths);
        Assert.Contains("/api/reference", paths);
        Assert.NotNull(doc["components"]!["securitySchemes"]!["Bearer"]);
        var docs = await Host.Get("/docs", null);
        Assert.True(docs.Status == 200 || (docs.Status == 302 && docs.Header("location")!.Contains("docs")), docs.ToString());
    }

    [Fact]
    public async Task reference_lists_every_enumeration_with_codes_and_chinese_labels()
    {
        var reference = (await Host.Get("/api/reference", null)).ShouldBe(200).Json;
        var modes = reference["modes"]!.AsArray().Select(m => (m!["code"]!.GetValue<string>(), m["label"]!.GetValue<string>())).ToList();
        Assert.Contains(("famous-teacher", "名师工作室"), modes);
        Assert.Contains(("modular-team", "模块化团队协作"), modes);
        Assert.Contains(("k12", "中小学班主任工作坊"), reference["tracks"]!.AsArray().Select(m => (m!["code"]!.GetValue<string>(), m["label"]!.GetValue<string>())));
        foreach (var list in reference.AsObject())
        foreach (var item in list.Value!.AsArray())
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", item!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task development_tokens_are_minted_for_the_demo_users()
    {
        var reply = (await Host.Post("/api/dev/tokens", new { role = "reviewer", name = "厦门市教育局评审", region = "350200" }, null)).ShouldBe(200);
        var token = reply.Json["token"]!.GetValue<string>();
        var id = await Host.EstablishStudio(School());
        (await Host.Get($"/api/studios/{id}", token)).ShouldBe(200);
    }

    [Fact]
    public async Task every_event_stores_the_correlation_id_and_the_acting_user()
    {
        var reply = (await Host.Post("/api/studios", StudioBody(), School(), ("X-Correlation-ID", "corr-establish-1"))).ShouldBe(201);
        Assert.Equal("corr-establish-1", reply.Header("x-correlation-id"));
        var id = Guid.Parse(reply.Json["id"]!.GetValue<string>());
        await Host.Post($"/api/studios/{id}/members", new { teacher = Teacher("M1", "林晓燕") }, HostOf(id), ("X-Correlation-ID", "corr-member-1"));

        await using var session = Fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(id);
        Assert.Equal(["corr-establish-1", "corr-member-1"], events.Select(e => e.CorrelationId));
        Assert.Equal(["school:厦门市第一中学管理员", "host:陈美玲"], events.Select(e => e.UserName));
        var joined = Assert.IsType<Workshops.Roster.MemberJoined>(events[1].Data);
        Assert.Equal("host:陈美玲", joined.By.Id);
        Assert.Equal(Clock.Now, joined.At);
    }

    [Fact]
    public async Task lists_are_scoped_to_the_caller_and_paged_in_a_stable_order()
    {
        var siming = new List<Guid>();
        for (var i = 0; i < 3; i++) siming.Add(await Host.EstablishStudio(School(), StudioBody(name: $"思明区第{i + 1}工作坊")));
        var huli = await Host.EstablishStudio(School("350206"), StudioBody(name: "湖里区工作坊", district: "350206"));

        var city = (await Host.Get("/api/studios?pageSize=2", Reviewer("350200"))).ShouldBe(200).Json;
        Assert.Equal(4, city["total"]!.GetValue<long>());
        Assert.Equal(2, city["items"]!.AsArray().Count);
        Assert.True(city["hasMore"]!.GetValue<bool>());
        var page2 = (await Host.Get("/api/studios?pageSize=2&page=2", Reviewer("350200"))).Json;
        var names = city["items"]!.AsArray().Concat(page2["items"]!.AsArray()).Select(s => s!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(4, names.Distinct().Count());

        var district = (await Host.Get("/api/studios", School("350203"))).Json;
        Assert.Equal(3, district["total"]!.GetValue<long>());
        (await Host.Get("/api/studios?region=350206", School("350203"))).ShouldBeProblem(403);
        var own = (await Host.Get("/api/studios", HostOf(siming[1]))).Json;
        Assert.Equal(siming[1].ToString(), own["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, own["total"]!.GetValue<long>());
        (await Host.Get("/api/studios?pageSize=1000", Reviewer())).ShouldBeProblem(400);
        Assert.NotEqual(Guid.Empty, huli);
    }

    [Fact]
    public async Task concurrent_writes_to_one_studio_answer_200_409_or_422_and_never_lose_an_acknowledged_write()
    {
        var id = await Host.EstablishStudio(School());
        var host = HostOf(id);
        var replies = await Task.WhenAll(Enumerable.Range(1, 8).Select(i =>
            Host.Post($"/api/studios/{id}/members", new { teacher = Teacher($"C{i}", $"并发{i}") }, host)));
        Assert.All(replies, r => Assert.Contains(r.Status, new[] { 200, 409, 422 }));
        Assert.All(replies, r => Assert.False(string.IsNullOrEmpty(r.Header("x-correlation-id")), $"no correlation id on a {r.Status}"));
        var studio = (await Host.Get($"/api/studios/{id}", host)).Json;
        var members = studio["members"]!.AsArray().Select(m => m!["teacher"]!["id"]!.GetValue<string>()).ToHashSet();
        var acknowledged = replies.Select((r, i) => (r, id: $"C{i + 1}")).Where(x => x.r.Status == 200).Select(x => x.id).ToHashSet();
        Assert.Equal(acknowledged, members);
        Assert.True(members.Count <= 4);
        Assert.Equal(1 + members.Count, studio["version"]!.GetValue<long>());
    }
}
