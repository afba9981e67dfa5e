extern alias bench;
using bench::Workshops.Bench;
using Workshops.Studios;
using Workshops.Tests.Support;

namespace Workshops.Tests.Standards;

/// <summary>
/// The benchmark's large studio (some 5,000 events over five years) as its full run generates it: its checklist (now,
/// and as of a past day) and its annual report answer, as a province's reviewer reads them.
/// </summary>
public sealed class the_large_studio_s_reads(AppFixture fixture) : ApiTest(fixture)
{
    // The large studio of the full run (2,000 studios before it: the generator's draws depend on how many came first).
    private static readonly Lazy<GeneratedStream> Large = new(() => new Generator(20261127).Streams(2000, 68).Last());

    [Theory]
    [InlineData("checklist")]
    [InlineData("checklist?asOf=2026-06-30&year=2026")]
    [InlineData("reports/annual/2026")]
    public async Task answers(string read)
    {
        var (studio, events) = Large.Value;
        var first = true;
        foreach (var chunk in events.Chunk(500))
        {
            await using var session = Fixture.Store.LightweightSession();
            if (first) session.Events.StartStream<StudioState>(studio.Id, chunk);
            else session.Events.Append(studio.Id, chunk);
            await session.SaveChangesAsync();
            first = false;
        }
        await Settle();
        Clock.Set(2026, 11, 30);

        var reply = await Host.Get($"/api/studios/{studio.Id}/{read}", Token(Workshops.Core.Auth.Role.Reviewer, "福建省教育厅评审", region: "350000"));
        Assert.True(reply.Status == 200, $"{reply.Status}: {reply.Text[..Math.Min(600, reply.Text.Length)]}");
    }
}
