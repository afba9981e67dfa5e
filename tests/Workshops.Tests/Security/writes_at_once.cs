using Workshops.Core.Http;

namespace Workshops.Tests.Security;

/// <summary>The node's default bound on writes at once: two per core, at least 4, at most half the connection pool.</summary>
public sealed class writes_at_once
{
    [Theory]
    [InlineData(1, 100, 4)]
    [InlineData(2, 100, 4)]
    [InlineData(8, 100, 16)]
    [InlineData(2, 200, 4)]
    public void two_per_core_and_at_least_four(int cores, int pool, int bound) =>
        Assert.Equal(bound, RateLimitOptions.WritesAtOnce(cores, pool));

    [Theory]
    [InlineData(64, 100, 50)]
    [InlineData(8, 20, 10)]
    [InlineData(2, 6, 3)]
    [InlineData(2, 1, 1)]
    public void never_more_than_half_the_pool(int cores, int pool, int bound) =>
        Assert.Equal(bound, RateLimitOptions.WritesAtOnce(cores, pool));
}
