using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Serilog.Core;
using Serilog.Events;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Security;

public sealed class tokens_and_environments(AppFixture fixture) : ApiTest(fixture)
{
    private const string Key = "development-only-signing-key-not-for-production-use-0123456789";

    private static string Forge(string key = Key, string issuer = "workshops", string audience = "workshops-api", DateTime? expires = null,
        params Claim[] claims)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer, Audience = audience, Subject = new ClaimsIdentity(claims),
            NotBefore = (expires ?? now.AddHours(1)).AddHours(-2), IssuedAt = (expires ?? now.AddHours(1)).AddHours(-2), Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    private static Claim[] SchoolClaims => [new("sub", "school:x"), new("name", "x"), new("role", "school"), new("region", "350203")];

    [Fact]
    public async Task expired_foreign_forged_or_incomplete_tokens_are_401()
    {
        var id = await Host.EstablishStudio(School());
        async Task Refused(string token) => (await Host.Get($"/api/studios/{id}", token)).ShouldBeProblem(401);
        (await Host.Get($"/api/studios/{id}", Forge(claims: SchoolClaims))).ShouldBe(200);
        await Refused(Forge(expires: DateTime.UtcNow.AddMinutes(-5), claims: SchoolClaims));
        await Refused(Forge(issuer: "someone-else", claims: SchoolClaims));
        await Refused(Forge(audience: "another-api", claims: SchoolClaims));
        await Refused(Forge(key: "a-completely-different-key-of-enough-length-1234", claims: SchoolClaims));
        await Refused(Forge(claims: [new("name", "x"), new("role", "school"), new("region", "350203")]));
        await Refused(Forge(claims: [new("sub", "x"), new("role", "superuser"), new("region", "350203")]));
        await Refused(Forge(claims: [new("sub", "x"), new("region", "350203")]));
        var unsigned = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "workshops", Audience = "workshops-api", Subject = new ClaimsIdentity(SchoolClaims), Expires = DateTime.UtcNow.AddHours(1),
        });
        await Refused(unsigned);
    }

    private static string Lived(TimeSpan lifetime, bool issuedAt = true, bool notBefore = true, params Claim[] claims)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "workshops", Audience = "workshops-api", Subject = new ClaimsIdentity(claims.Length == 0 ? SchoolClaims : claims),
            IssuedAt = issuedAt ? now.AddMinutes(-1) : null, NotBefore = notBefore ? now.AddMinutes(-1) : null, Expires = now.AddMinutes(-1) + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Key)), SecurityAlgorithms.HmacSha256),
        });
    }

    [Fact]
    public async Task a_role_or_region_given_as_an_array_is_401()
    {
        var id = await Host.EstablishStudio(School());
        (await Host.Get($"/api/studios/{id}", Forge(claims: [new("sub", "x"), new("name", "x"), new("role", "school"), new("role", "reviewer"), new("region", "350203")])))
            .ShouldBeProblem(401);
        (await Host.Get($"/api/studios/{id}", Forge(claims: [new("sub", "x"), new("name", "x"), new("role", "reviewer"), new("region", "350203"), new("region", "000000")])))
            .ShouldBeProblem(401);
    }

    [Fact]
    public async Task a_token_living_longer_than_the_maximum_is_401()
    {
        var id = await Host.EstablishStudio(School());
        (await Host.Get($"/api/studios/{id}", Lived(TimeSpan.FromHours(12)))).ShouldBe(200);
        (await Host.Get($"/api/studios/{id}", Lived(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(5)))).ShouldBeProblem(401);
        (await Host.Get($"/api/studios/{id}", Lived(TimeSpan.FromDays(365), issuedAt: false))).ShouldBeProblem(401);
        (await Host.Get($"/api/studios/{id}", Lived(TimeSpan.FromDays(365), issuedAt: false, notBefore: false))).ShouldBeProblem(401);
        // The development token endpoint mints nothing longer either.
        (await Host.Post("/api/dev/tokens", new { role = "school", name = "x", region = "350203", expiresInMinutes = 13 * 60 }, null)).ShouldBeProblem(400);
    }

    [Fact]
    public async Task the_development_token_endpoint_names_a_region_that_is_no_division()
    {
        var reply = (await Host.Post("/api/dev/tokens", new { role = "integration", name = "x", region = "abc" }, null)).ShouldBeProblem(400);
        Assert.Contains("division code", reply.Json["errors"]!["region"]![0]!.GetValue<string>());
        (await Host.Post("/api/dev/tokens", new { role = "integration", name = "x", region = "999999" }, null)).ShouldBeProblem(400);
        (await Host.Post("/api/dev/tokens", new { role = "integration", name = "x", region = "350200" }, null)).ShouldBe(200);
    }

    [Theory]
    [InlineData(Role.School)]
    [InlineData(Role.Host)]
    [InlineData(Role.Member)]
    [InlineData(Role.Integration)]
    public async Task the_national_region_is_401_for_every_role_but_reviewers_and_listed_integrations(Role role)
    {
        var id = await Host.EstablishStudio(School());
        var national = Token(role, "全国范围", [id], region: "000000");
        (await Host.Get($"/api/studios/{id}", national)).ShouldBeProblem(401);
        (await Host.Post("/api/studios", StudioBody(name: "北京市朝阳区工作坊", district: "110105", city: "110100", province: "110000"), national))
            .ShouldBeProblem(401);
        (await Host.Get($"/api/studios/{id}", Token(Role.Reviewer, "教育部评审", region: "000000"))).ShouldBe(200);
    }

    [Fact]
    public async Task an_integration_the_operator_lists_may_hold_the_national_region()
    {
        await using var host = await OtherHosts.Start(Fixture, settings: new Dictionary<string, string>
        {
            ["Auth:NationalIntegrations:0"] = "integration:国家平台",
        });
        (await host.Get("/api/feed", Token(Role.Integration, "国家平台", region: "000000"))).ShouldBe(200);
        (await host.Get("/api/feed", Token(Role.Integration, "别的平台", region: "000000"))).ShouldBeProblem(401);
        (await host.Get("/api/feed", Token(Role.Integration, "别的平台", region: "350200"))).ShouldBe(200);
    }

    [Fact]
    public async Task the_development_key_is_refused_outside_development()
    {
        var committed = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(OpenApiContract.Root(), "src", "Workshops.Api", "appsettings.Development.json")))!;
        Assert.Equal(AuthOptions.DevelopmentKey, committed["Auth"]!["SigningKey"]!.GetValue<string>());
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => OtherHosts.Start(Fixture, "Production",
            new Dictionary<string, string> { ["Auth:SigningKey"] = AuthOptions.DevelopmentKey }));
        Assert.Contains("development", refused.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Auth__SigningKey", refused.ToString());
        // Development itself starts with it.
        await using var development = await OtherHosts.Start(Fixture, "Development");
        (await development.Get("/api/reference", null)).ShouldBe(200);
    }

    [Fact]
    public async Task outside_development_there_is_no_token_endpoint_and_no_key_means_no_start()
    {
        await using var production = await OtherHosts.Start(Fixture, "Production");
        // Anonymous callers of an unknown route get 401 (nothing is revealed); with a valid token the route is simply not there.
        (await production.Post("/api/dev/tokens", new { role = "reviewer", name = "x", region = "000000" }, null)).ShouldBeProblem(401);
        var reviewer = production.Services.GetRequiredService<TokenIssuer>().Mint(new TokenRequest(Role.Reviewer, "x", Region: "350200"));
        (await production.Post("/api/dev/tokens", new { role = "reviewer", name = "x", region = "000000" }, reviewer)).ShouldBe(404);
        (await production.Get("/api/reference", null)).ShouldBe(200);
        await Assert.ThrowsAnyAsync<Exception>(() => OtherHosts.Start(Fixture, "Production", new Dictionary<string, string> { ["Auth:SigningKey"] = "" }));
    }

    private sealed class Captured : ILogEventSink
    {
        public readonly System.Collections.Concurrent.ConcurrentQueue<string> Lines = new();
        public void Emit(LogEvent e) => Lines.Enqueue(e.RenderMessage() + " " + string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}")));
    }

    [Fact]
    public async Task logs_hold_no_tokens_and_no_personal_records()
    {
        var sink = new Captured();
        await using var host = await OtherHosts.Start(Fixture, services: s => s.AddSingleton<ILogEventSink>(sink));
        var school = Token(Role.School, "学校管理员", region: "350203");
        var id = await host.EstablishStudio(school);
        await host.Post($"/api/studios/{id}/members", new { teacher = Teacher("P1", "隐私测试姓名", title: "一级教师") }, school);
        await host.Get($"/api/studios/{id}", school);
        await host.Get($"/api/studios/{id}", "eyJ.not.valid");
        // The request log line is written when the middleware unwinds, which can be just after the client has its answer.
        for (var waited = 0; waited < 100 && sink.Lines.Count(l => l.Contains("/api/studios")) < 4; waited++) await Task.Delay(50);
        Assert.NotEmpty(sink.Lines);
        Assert.Contains(sink.Lines, l => l.Contains("/api/studios"));
        Assert.DoesNotContain(sink.Lines, l => l.Contains("eyJ"));
        Assert.DoesNotContain(sink.Lines, l => l.Contains("隐私测试姓名"));
        Assert.DoesNotContain(sink.Lines, l => l.Contains(school[..20]));
    }

    [Fact]
    public async Task writes_beyond_a_clients_rate_are_429_with_retry_after()
    {
        await using var host = await OtherHosts.Start(Fixture, settings: new Dictionary<string, string>
        {
            ["RateLimits:WritesPerSecond"] = "2", ["RateLimits:Burst"] = "3",
        });
        var school = Token(Role.School, "限流测试", region: "350203");
        var replies = new List<Reply>();
        for (var i = 0; i < 8; i++) replies.Add(await host.Post("/api/studios", StudioBody(name: $"限流{i}"), school));
        Assert.Contains(replies, r => r.Status == 201);
        var limited = replies.Where(r => r.Status == 429).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r => r.ShouldBeProblem(429));
        Assert.NotNull(limited[0].Header("retry-after"));
        (await host.Get("/api/reference", school)).ShouldBe(200);
        (await host.Post("/api/studios", StudioBody(name: "另一个客户端"), Token(Role.School, "另一个学校", region: "350203"))).ShouldBe(201);
    }

    [Fact]
    public async Task writes_beyond_the_nodes_bound_wait_their_turn_and_a_full_queue_is_429()
    {
        await using var host = await OtherHosts.Start(Fixture, settings: new Dictionary<string, string>
        {
            ["RateLimits:ConcurrentWrites"] = "1", ["RateLimits:WriteQueue"] = "2",
        });
        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            host.Post("/api/studios", StudioBody(name: $"并发上限{i}"), Token(Role.School, $"学校{i}", region: "350203"))));
        Assert.All(replies, r => Assert.Contains(r.Status, new[] { 201, 429 }));
        Assert.Contains(replies, r => r.Status == 201);
        var refused = replies.Where(r => r.Status == 429).ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Contains("writes waiting", r.ShouldBeProblem(429).Json["detail"]!.GetValue<string>()));
        // Reads are not bounded, and once the queue drains writes go through again.
        (await host.Get("/api/reference", School())).ShouldBe(200);
        (await host.Post("/api/studios", StudioBody(name: "排队之后"), School())).ShouldBe(201);
    }
}
