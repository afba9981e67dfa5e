using JasperFx.Events.Projections;

namespace Workshops.Core;

/// <summary>
/// How the async daemon pages through events for every projection. Measured with ops/bench (rebuild of every
/// projection against streaming the events and COPYing as many rows): bigger pages, and a rebuild that keeps each
/// document in memory until many are dirty and then writes each once, instead of rewriting a busy document (a studio,
/// a teacher's year) after every page.
/// </summary>
public static class ProjectionTuning
{
    public static void Apply(AsyncOptions options)
    {
        options.BatchSize = 5_000;
        options.RebuildFlushThreshold = 20_000;
        options.CacheLimitPerTenant = 1_000;
    }
}
