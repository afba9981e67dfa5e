using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Wolverine;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Tests.Support;

namespace Workshops.Tests.Tenancy;

/// <summary>
/// One API host with a database per province: Fujian (350000), Beijing (110000) and the ministry (000000), each a
/// database of its own in the throwaway cluster, named uniquely.
/// </summary>
public sealed class ProvincesFixture : IAsyncLifetime
{
    public const string Fujian = "350000", Beijing = "110000", Ministry = "000000";
    public static readonly string[] Codes = [Fujian, Beijing, Ministry];

    /// <summary>The integration client the operator grants the national region.</summary>
    public const string NationalIntegration = "国家智慧教育平台";

    public IAlbaHost Host { get; private set; } = null!;
    public TestClock Clock { get; } = new(TestClock.Start);
    public TokenIssuer Tokens { get; private set; } = null!;
    private readonly Dictionary<string, string> connections = new();

    public static string Database(string code) => $"workshops_tenant_{code}";

    public async ValueTask InitializeAsync()
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Marten")
                     ?? throw new InvalidOperationException("Run the tests with ./ops/test (it starts a throwaway PostgreSQL).");
        await using (var admin = NpgsqlDataSource.Create(server))
        {
            foreach (var code in Codes)
            {
                await using var drop = admin.CreateCommand($"drop database if exists {Database(code)} with (force)");
                await drop.ExecuteNonQueryAsync();
                await using var create = admin.CreateCommand($"create database {Database(code)}");
                await create.ExecuteNonQueryAsync();
                connections[code] = new NpgsqlConnectionStringBuilder(server) { Database = Database(code) }.ConnectionString;
            }
        }
        Host = await AlbaHost.For<Program>(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("Serilog:MinimumLevel:Default", "Warning");
            web.UseSetting("RateLimits:WritesPerSecond", "100000");
            web.UseSetting("RateLimits:Burst", "100000");
            web.UseSetting("RateLimits:ReadsPerSecond", "1000000");
            web.UseSetting("RateLimits:ReadBurst", "1000000");
            web.UseSetting("Tenancy:LegTimeout", "00:00:05");
            web.UseSetting("Auth:NationalIntegrations:0", $"integration:{NationalIntegration}");
            foreach (var (code, connection) in connections) web.UseSetting($"Tenancy:Tenants:{code}", connection);
            web.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                services.RunWolverineInSoloMode();
                services.DisableAllExternalWolverineTransports();
            });
        });
        Tokens = Host.Services.GetRequiredService<TokenIssuer>();
    }

    public string Token(Role role, string name, string? region = null, Guid[]? studios = null, string? teacher = null) =>
        Tokens.Mint(new TokenRequest(role, name, studios, region, teacher));

    /// <summary>A school admin of a region (Xiamen's Siming district unless named).</summary>
    public string School(string region = "350203", string name = "厦门市第一中学管理员") => Token(Role.School, name, region);

    public string FujianSchool => School();
    public string BeijingSchool => School("110101", "北京市第一中学管理员");
    public string JimeiSchool => School("350211", "厦门市集美区学校管理员");
    public string ChaoyangSchool => School("110105", "北京市朝阳区学校管理员");
    public string FujianReviewer => Token(Role.Reviewer, "福建省教育厅评审", Fujian);
    public string BeijingReviewer => Token(Role.Reviewer, "北京市教委评审", Beijing);
    public string NationalReviewer => Token(Role.Reviewer, "教育部评审", Ministry);

    /// <summary>A host's token: no region, the studio named (and the host's own teacher id, when given).</summary>
    public string HostOf(Guid studio, string? teacher = null) => Token(Role.Host, "陈美玲", null, [studio], teacher);

    /// <summary>A member's token: no region, the studio and the member's own teacher id.</summary>
    public string MemberOf(Guid studio, string teacher) => Token(Role.Member, "林晓燕", null, [studio], teacher);

    public string NationalClient => Token(Role.Integration, NationalIntegration, Ministry);
    public string FujianClient => Token(Role.Integration, "福建省教师培训平台", Fujian);
    public string BeijingClient => Token(Role.Integration, "北京市教师培训平台", Beijing);

    /// <summary>
    /// Waits until both provinces' async projections reach their latest event: they run on this node, where Wolverine
    /// placed every province's shards (solo mode), not under a test-driven daemon. Waiting on an empty store fails, so a
    /// province without events yet (and the ministry, which holds none in these tests) is not waited for.
    /// </summary>
    public async Task Settle()
    {
        var store = Host.Services.GetRequiredService<IDocumentStore>();
        foreach (var code in new[] { Fujian, Beijing })
            if (await Count(code, "select count(*) from workshops.mt_events") > 0)
                await store.WaitForNonStaleProjectionDataAsync(code, TimeSpan.FromSeconds(60));
    }

    /// <summary>A number read straight from one province's database.</summary>
    public async Task<long> Count(string code, string sql, params object[] values)
    {
        await using var data = NpgsqlDataSource.Create(connections[code]);
        await using var cmd = data.CreateCommand(sql);
        foreach (var value in values) cmd.Parameters.Add(new NpgsqlParameter { Value = value });
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    /// <summary>Makes a province's database refuse connections (and drops the ones open) until <see cref="Reopen"/>.</summary>
    public async Task Close(string code)
    {
        await Admin($"alter database {Database(code)} allow_connections false");
        await Admin($"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{Database(code)}'");
        NpgsqlConnection.ClearAllPools();
        ClearPlainSqlPool(code);
    }

    public async Task Reopen(string code)
    {
        await Admin($"alter database {Database(code)} allow_connections true");
        ClearPlainSqlPool(code);
    }

    /// <summary>
    /// The API's own pool for the province's plain SQL holds the connections the database ended: dropped here, so the
    /// tests after an outage do not meet them (each would fail one request with 503 before the pool discards it).
    /// </summary>
    private void ClearPlainSqlPool(string code) => Host.Services.GetRequiredService<TenantData>().For(code)?.Clear();

    private static async Task Admin(string sql)
    {
        await using var admin = NpgsqlDataSource.Create(Environment.GetEnvironmentVariable("ConnectionStrings__Marten")!);
        await using var cmd = admin.CreateCommand(sql);
        await cmd.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        await Host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ProvincesCollection : ICollectionFixture<ProvincesFixture>
{
    public const string Name = "provinces";
}

/// <summary>Base of the tests on the provinces' host: the collection, the host, the fixture's tokens and Beijing's studios.</summary>
[Collection(ProvincesCollection.Name)]
public abstract class ProvincesTest(ProvincesFixture fixture)
{
    protected ProvincesFixture Fixture { get; } = fixture;
    protected IAlbaHost Host => Fixture.Host;

    /// <summary>A Beijing studio's body (Dongcheng district unless named), as <see cref="Scenarios.StudioBody"/> makes a Xiamen one.</summary>
    protected static object BeijingStudio(string name, string district = "110101", string founded = "2022-10-16", string track = "k12") =>
        Scenarios.StudioBody(name, district: district, city: "110100", province: ProvincesFixture.Beijing, founded: founded, track: track);

    /// <summary>A staffed studio in each province (a Xiamen one, a Beijing one), the activity logged in each by its host, projections settled.</summary>
    protected async Task<(Guid Fujian, Guid Beijing)> StaffedStudioInEach(string fujianName, string beijingName, object activity)
    {
        var fujian = await Host.StaffedStudio(Fixture.FujianSchool, Scenarios.StudioBody(fujianName));
        var beijing = await Host.StaffedStudio(Fixture.BeijingSchool, BeijingStudio(beijingName));
        await Host.LogActivity(fujian, Fixture.HostOf(fujian), activity);
        await Host.LogActivity(beijing, Fixture.HostOf(beijing), activity);
        await Fixture.Settle();
        return (fujian, beijing);
    }
}
