using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workshops.Core;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Growth;

/// <summary>
/// A teacher's credits are kept per month: however busy a year, no document holds more than a month of it, and the
/// totals are not indexed (a btree index on them stopped a busy teacher's credits once their totals passed 2,704 bytes).
/// </summary>
public sealed class credit_months(AppFixture fixture) : ApiTest(fixture)
{
    [Fact]
    public async Task a_teacher_whose_year_of_totals_passes_3_kb_still_gets_every_hour()
    {
        Clock.Set(2026, 12, 28);
        var a = await Host.StaffedStudio(School());
        var b = await Host.StaffedStudio(School(), StudioBody(name: "厦门市第二中学班主任工作坊"));
        var levels = new[] { "school", "district", "municipal", "provincial" };
        var categories = new[] { "head-teacher-training", "ability-general" };
        var expected = 0m;
        for (var month = 1; month <= 12; month++)
        {
            foreach (var (studio, n) in new[] { (a, 0), (b, 1) })
            {
                var hours = 1m + month / 4m + n;
                await Host.LogActivity(studio, HostOf(studio), Activity("lecture", ["learning"], $"2026-{month:D2}-1{n}", hours, [("M1", hours)]));
                expected += hours;
            }
            var training = 2m + month % 3;
            (await Host.Post($"/api/studios/{a}/growth/M1/trainings", new
            {
                course = $"{month}月班主任专题培训", level = levels[month % 4], category = categories[month % 2], hours = training, date = $"2026-{month:D2}-20",
            }, HostOf(a))).ShouldBe(200);
            expected += training;
        }
        await Settle();

        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        await using (var size = data.CreateCommand(
            $"select sum(octet_length((data -> 'totals')::text)), max(octet_length(data::text)), count(*) from {Setup.Schema}.mt_doc_creditmonth where teacher_id = 'M1' and year = 2026"))
        await using (var reader = await size.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            Assert.True(reader.GetInt64(0) > 3 * 1024, $"the year's totals are {reader.GetInt64(0)} bytes");
            Assert.True(reader.GetInt32(1) < 4 * 1024, $"a month is {reader.GetInt32(1)} bytes");
            Assert.Equal(12L, reader.GetInt64(2));
        }
        await using (var indexes = data.CreateCommand(
            $"select count(*) from pg_indexes where schemaname = '{Setup.Schema}' and tablename = 'mt_doc_creditmonth' and indexdef like '%totals%'"))
            Assert.Equal(0L, (long)(await indexes.ExecuteScalarAsync())!);

        var file = (await Host.Get("/api/teachers/M1/growth-file", Reviewer())).ShouldBe(200).Json;
        var year = file["hoursByYear"]!.AsArray().Single(y => y!["year"]!.GetValue<int>() == 2026)!;
        Assert.Equal(expected, year["total"]!.GetValue<decimal>());
        // "Now" questions read the year as totals, and agree with it.
        var policies = (await Host.Get("/api/teachers/M1/hours", Reviewer())).ShouldBe(200).Json;
        Assert.NotEmpty(policies["policies"]!.AsArray());
        var annual = (await Host.Get($"/api/studios/{a}/reports/annual/2026", Reviewer())).ShouldBe(200).Json;
        var m1 = annual["roster"]!.AsArray().Single(p => p!["teacherId"]!.GetValue<string>() == "M1")!;
        Assert.Equal(expected, m1["totalHoursThisYear"]!.GetValue<decimal>());
    }
}
