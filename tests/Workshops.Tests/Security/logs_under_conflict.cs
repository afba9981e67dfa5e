using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using Workshops.Core.Auth;
using Workshops.Tests.Support;
using static Workshops.Tests.Support.Scenarios;

namespace Workshops.Tests.Security;

/// <summary>
/// A write that loses a race is logged without the values of its SQL parameters: they hold the token's subject, the
/// Idempotency-Key and the request's personal data.
/// </summary>
public sealed class logs_under_conflict(AppFixture fixture) : ApiTest(fixture)
{
    private sealed class Captured : ILogEventSink
    {
        public readonly System.Collections.Concurrent.ConcurrentQueue<string> Lines = new();

        public void Emit(LogEvent e) => Lines.Enqueue($"{e.Level} {e.RenderMessage()} {e.Exception} " +
                                                      string.Join(" ", e.Properties.Select(p => $"{p.Key}={p.Value}")));
    }

    [Fact]
    public async Task a_lost_race_is_logged_without_parameter_values()
    {
        var sink = new Captured();
        await using var host = await OtherHosts.Start(Fixture, services: s => s.AddSingleton<ILogEventSink>(sink));
        Clock.Set(2026, 5, 1);
        var studio = await host.StaffedStudio(School());
        const string who = "日志冲突测试坊主";
        var token = Token(Role.Host, who, [studio]);
        var keys = new List<string>();
        var conflicts = 0;
        for (var round = 0; round < 10 && conflicts == 0; round++)
        {
            var replies = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            {
                var key = $"conflict-key-{round}-{i}-{Guid.NewGuid():N}";
                keys.Add(key);
                return host.Post($"/api/studios/{studio}/activities",
                    Activity("lecture", ["learning"], "2026-04-20", 1, [("M1", 1)], title: $"并发活动{round}-{i}"), token, ("Idempotency-Key", key));
            }));
            conflicts += replies.Count(r => r.Status == 409);
            Assert.All(replies, r => Assert.Contains(r.Status, new[] { 201, 409 }));
        }
        Assert.True(conflicts > 0, "no write lost a race in ten rounds of sixteen");
        Assert.Contains(sink.Lines, l => l.Contains("409"));
        Assert.DoesNotContain(sink.Lines, l => l.Contains(who));
        Assert.DoesNotContain(sink.Lines, l => l.Contains("conflict-key-"));
        Assert.DoesNotContain(sink.Lines, l => l.Contains("并发活动"));
    }
}
