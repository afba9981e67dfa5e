extern alias bench;
using bench::Workshops.Bench;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workshops.Activities;
using Workshops.Core;
using Workshops.Core.Auth;
using Workshops.Studios;
using Workshops.Tests.Support;

namespace Workshops.Tests.Studios;

/// <summary>
/// What a studio's commands decide on stays small however long its history: the decision state holds ids, roles,
/// dates and statuses, not texts or histories, and logging an activity does not touch it.
/// </summary>
public sealed class the_write_model(AppFixture fixture) : ApiTest(fixture)
{
    private const int Bound = 4 * 1024;

    private async Task<(int Size, uint Row)> Stored(NpgsqlDataSource data, Guid id)
    {
        await using var cmd = data.CreateCommand($"select pg_column_size(data), xmin::text::bigint from {Setup.Schema}.mt_doc_studiostate where id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await cmd.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetInt32(0), (uint)reader.GetInt64(1));
    }

    [Fact]
    public async Task stays_under_4_kb_as_a_studio_grows_to_5000_events_and_activities_leave_it_untouched()
    {
        // The generator's large studio: five years of roster, plans and ledgers, some 900 activities a year, outputs,
        // growth entries, hearings and assessments, appended as they happened with every inline projection applied.
        var (studio, events) = new Generator(20261127).Streams(0, 68).Last();
        Assert.True(events.Count >= 4_500, $"{events.Count} events");
        var data = Host.Services.GetRequiredService<NpgsqlDataSource>();
        var sizes = new List<int>();
        foreach (var chunk in events.Chunk(500))
        {
            await using var session = Fixture.Store.LightweightSession();
            if (sizes.Count == 0) session.Events.StartStream<StudioState>(studio.Id, chunk);
            else session.Events.Append(studio.Id, chunk);
            await session.SaveChangesAsync();
            var (size, _) = await Stored(data, studio.Id);
            Assert.True(size <= Bound, $"the decision state is {size} bytes after {(sizes.Count + 1) * 500} events");
            sizes.Add(size);
        }

        // Another two hundred activities: the decision state is neither read into more nor written again.
        var (before, row) = await Stored(data, studio.Id);
        var by = new Actor("host:test", "坊主", Role.Host);
        var people = studio.Members.Take(1).Select(m => new Attendance(m, 0.5m)).ToList();
        await using (var session = Fixture.Store.LightweightSession())
        {
            for (var n = 0; n < 200; n++)
                session.Events.Append(studio.Id, new ActivityLogged(Guid.CreateVersion7(),
                    new ActivityFacts(ActivityKind.Lecture, [Domain.Learning], $"专题讲座（第{n}次）", new DateOnly(2026, 11, 1).AddDays(-n), 1, people, [], []),
                    by, Clock.GetUtcNow()));
            await session.SaveChangesAsync();
        }
        Assert.Equal((before, row), await Stored(data, studio.Id));

        // Each task's and output's standing is a document of its own, as small.
        await using var standings = data.CreateCommand(
            $"select max(pg_column_size(data)) from (select data from {Setup.Schema}.mt_doc_taskstanding union all select data from {Setup.Schema}.mt_doc_outputstanding) s");
        Assert.True((int)(await standings.ExecuteScalarAsync())! <= 256);
    }
}
