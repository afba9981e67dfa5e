using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;
using static Workshops.Tests.Tenancy.ProvincesFixture;

namespace Workshops.Tests.Tenancy;

/// <summary>The start-up schema upgrade runs on every province's database, not only the ministry's.</summary>
public sealed class schema_upgrades_reach_every_province(ProvincesFixture fixture) : ProvincesTest(fixture)
{
    private const string Index =
        "select string_agg(indexdef, ';') from pg_indexes where schemaname = 'workshops' and tablename = 'mt_doc_outputrecord' and indexdef like '%search_terms%'";

    [Fact]
    public async Task an_earlier_database_of_each_province_gets_its_search_terms_column_filled_from_its_rows()
    {
        var fujianSchool = Fixture.Token(Role.School, "南平市第一中学管理员", "350203");
        var beijingSchool = Fixture.Token(Role.School, "北京市第九中学管理员", "110101");
        var fujian = await Host.StaffedStudio(fujianSchool, StudioBody("南平市升级班主任工作坊"));
        var beijing = await Host.StaffedStudio(beijingSchool, BeijingStudio("北京市东城区升级班主任工作坊"));
        foreach (var (studio, school) in new[] { (fujian, fujianSchool), (beijing, beijingSchool) })
        {
            var host = Fixture.Token(Role.Host, "陈美玲", null, [studio]);
            var id = (await Host.Post($"/api/studios/{studio}/outputs",
                new { kind = "brand", title = "升级前的家校共育品牌", authors = new[] { "H1" }, date = "2026-01-10" }, host))
                .ShouldBe(201).Json["outputId"]!.GetValue<string>();
            (await Host.Post($"/api/studios/{studio}/outputs/{id}/submit", new { }, host)).ShouldBe(200);
            (await Host.Post($"/api/studios/{studio}/outputs/{id}/approve", new { }, school)).ShouldBe(200);
        }
        await Fixture.Settle();

        // Each province's database as an earlier version left it: no search terms column (its index goes with it).
        var indexes = new Dictionary<string, string>();
        foreach (var code in new[] { Fujian, Beijing })
        {
            indexes[code] = await Text(code, Index);
            Assert.NotEmpty(indexes[code]);
            await Fixture.Count(code, "alter table workshops.mt_doc_outputrecord drop column search_terms; select 1");
        }
        try
        {
            var upgrades = Host.Services.GetServices<IHostedService>().OfType<SchemaUpgrades>().Single();
            await upgrades.StartAsync(CancellationToken.None);

            foreach (var code in new[] { Fujian, Beijing })
            {
                Assert.True(await Fixture.Count(code, "select count(*) from workshops.mt_doc_outputrecord") > 0);
                Assert.Equal(0, await Fixture.Count(code, "select count(*) from workshops.mt_doc_outputrecord where search_terms is null"));
            }
            // The filled terms answer a search in both provinces again.
            var reviewer = Fixture.Token(Role.Reviewer, "教育部评审", Ministry);
            var found = (await Host.Get($"/api/reviews/outputs?q={Uri.EscapeDataString("升级前的家校")}&pageSize=100", reviewer)).ShouldBe(200).Json;
            Assert.Equal(["北京市", "福建省"], found["items"]!.AsArray().Select(r => r!["provinceName"]!.GetValue<string>()).Distinct());
        }
        finally
        {
            // The fixture's databases keep their search index for the tests after this one.
            foreach (var (code, index) in indexes)
                if (await Text(code, Index) == "") await Fixture.Count(code, index + "; select 1");
        }
    }

    private async Task<string> Text(string code, string sql)
    {
        await using var data = Npgsql.NpgsqlDataSource.Create(
            new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("ConnectionStrings__Marten")) { Database = Database(code) }.ConnectionString);
        await using var cmd = data.CreateCommand(sql);
        return await cmd.ExecuteScalarAsync() as string ?? "";
    }
}
