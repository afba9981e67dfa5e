using System.Diagnostics;

namespace Workshops.Bench;

/// <summary>Latencies of one measured run, and what they add up to.</summary>
public sealed class Sample
{
    private readonly List<double> _ms = [];
    private readonly object _gate = new();
    public int Errors;
    public int Conflicts;
    public double Seconds { get; set; }

    public void Add(double ms)
    {
        lock (_gate) _ms.Add(ms);
    }

    public int Count => _ms.Count;
    public double Throughput => Seconds <= 0 ? 0 : Count / Seconds;

    public double Percentile(double p)
    {
        lock (_gate)
        {
            if (_ms.Count == 0) return double.NaN;
            var sorted = _ms.Order().ToArray();
            var rank = Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1);
            return sorted[rank];
        }
    }

    public Result Summarize(string name) =>
        new(name, Count, Math.Round(Throughput, 1), Math.Round(Percentile(50), 3), Math.Round(Percentile(95), 3), Math.Round(Percentile(99), 3),
            Errors, Conflicts, Math.Round(Seconds, 2));

    public void Merge(Sample other)
    {
        lock (_gate) _ms.AddRange(other._ms);
        Errors += other.Errors;
        Conflicts += other.Conflicts;
        Seconds += other.Seconds;
    }
}

public sealed record Result(string Name, int Count, double PerSecond, double P50, double P95, double P99, int Errors, int Conflicts, double Seconds);

public static class Run
{
    /// <summary>A closed loop: <paramref name="concurrency"/> workers, each starting its next call when the last answers.</summary>
    public static async Task<Sample> ClosedLoop(int concurrency, TimeSpan duration, Func<int, long, Task<Outcome>> call)
    {
        var sample = new Sample();
        var watch = Stopwatch.StartNew();
        var end = duration.TotalMilliseconds;
        long counter = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            while (watch.Elapsed.TotalMilliseconds < end)
            {
                var n = Interlocked.Increment(ref counter);
                var start = Stopwatch.GetTimestamp();
                var outcome = await call(worker, n);
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                switch (outcome)
                {
                    case Outcome.Ok: sample.Add(ms); break;
                    case Outcome.Conflict: Interlocked.Increment(ref sample.Conflicts); break;
                    default: Interlocked.Increment(ref sample.Errors); break;
                }
            }
        })));
        sample.Seconds = watch.Elapsed.TotalSeconds;
        return sample;
    }

    /// <summary>One caller, N times: for read latencies.</summary>
    public static async Task<Sample> Sequential(int times, Func<int, Task<Outcome>> call)
    {
        var sample = new Sample();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < times; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var outcome = await call(i);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (outcome == Outcome.Ok) sample.Add(ms);
            else Interlocked.Increment(ref sample.Errors);
        }
        sample.Seconds = watch.Elapsed.TotalSeconds;
        return sample;
    }
}

public enum Outcome { Ok, Conflict, Error }
