using Marten;
using JasperFx.Events.Daemon;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Wolverine;
using Workshops.Core;
using Workshops.Core.Auth;

namespace Workshops.Tests.Support;

/// <summary>
/// One API host per test run, on the real PostgreSQL that ops/test starts (ConnectionStrings__Marten).
/// Business time comes from <see cref="Clock"/>, which tests move as the studio's year goes by.
/// </summary>
public sealed class AppFixture : IAsyncLifetime
{
    public IAlbaHost Host { get; private set; } = null!;
    public TestClock Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)));
    public TokenIssuer Tokens { get; private set; } = null!;
    public IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();

    public async ValueTask InitializeAsync()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ConnectionStrings__Marten")))
        {
            throw new InvalidOperationException(
                "Integration tests need PostgreSQL: run them with ./ops/test, which starts a throwaway cluster, " +
                "or set ConnectionStrings__Marten to a database they may wipe.");
        }
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Serilog:MinimumLevel:Default", Environment.GetEnvironmentVariable("TEST_LOG_LEVEL") ?? "Warning");
            web.UseSetting("Serilog:MinimumLevel:Override:Marten", Environment.GetEnvironmentVariable("TEST_LOG_LEVEL") ?? "Warning");
            // Webhook retries come quickly in tests: 0.2 s, 0.4 s, then dead after the third attempt.
            web.UseSetting("Webhooks:FirstRetry", "00:00:00.200");
            web.UseSetting("Webhooks:MaxAttempts", "3");
            web.UseSetting("RateLimits:WritesPerSecond", "100000");
            web.UseSetting("RateLimits:Burst", "100000");
            // The suite reuses a few callers across hundreds of tests: their read budgets are not what is tested here.
            web.UseSetting("RateLimits:ReadsPerSecond", "1000000");
            web.UseSetting("RateLimits:ReadBurst", "1000000");
            // Nor is how many answers one caller may add to the kept views in an hour (read_bounds tests that on a host of its
            // own): past 1,000 keeps the suite's shared callers would see views computed, not kept, in later tests.
            web.UseSetting("Views:KeepsPerClient", "1000000");
            web.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                services.MartenDaemonModeIsSolo();
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
            });
        });
        Tokens = Host.Services.GetRequiredService<TokenIssuer>();
    }

    public async Task Reset()
    {
        Clock.Now = TestClock.Start;
        await Host.ResetAllMartenDataAsync();
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = data.CreateCommand(
            $"truncate {Setup.Schema}.{Workshops.Core.Http.Idempotency.Table}, {Setup.Schema}.{Workshops.Evaluations.EvaluationTokens.Table}");
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Drives the async daemon to the latest event (growth files and other cross-studio views). In tests the daemon
    /// runs only when asked, so every read after a settle is deterministic.
    /// </summary>
    public async Task Settle()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var failures = await Host.ForceAllMartenDaemonActivityToCatchUpAsync(timeout.Token, CatchUpMode.AndDoNothing);
        Assert.Empty(failures);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}

public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public void Advance(TimeSpan by) => Now += by;
    public void Set(int year, int month, int day) => Now = new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.FromHours(8));
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "api";
}

/// <summary>Base of every HTTP scenario test: wipes the data before each test and offers tokens.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(AppFixture fixture) : IAsyncLifetime
{
    protected AppFixture Fixture { get; } = fixture;
    protected IAlbaHost Host => Fixture.Host;
    protected TestClock Clock => Fixture.Clock;
    protected Task Settle() => Fixture.Settle();

    public virtual async ValueTask InitializeAsync() => await Fixture.Reset();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected string Token(Role role, string name = "测试用户", Guid[]? studios = null, string? region = null, string? teacher = null) =>
        Fixture.Tokens.Mint(new TokenRequest(role, name, studios, region, teacher));

    protected string HostOf(Guid studio, string? teacher = null) => Token(Role.Host, "陈美玲", [studio], teacher: teacher);
    protected string MemberOf(Guid studio, string? teacher = null) => Token(Role.Member, "林晓燕", [studio], teacher: teacher);
    protected string School(string region = "350203") => Token(Role.School, "厦门市第一中学管理员", region: region);
    protected string Reviewer(string region = "350200") => Token(Role.Reviewer, "厦门市教育局评审", region: region);
}
