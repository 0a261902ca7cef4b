using System.Diagnostics;

namespace StrassenRepro.Model;

/// <summary>
/// Times the population engine on Phase 1 of the upstream preset (fresh data, AdamW, clipping, warm restarts) with
/// measurements off: no curve points and a 1-pair test set, so the clock sees training only. A short warm-up run
/// first pays libtorch's one-time start-up.
/// </summary>
public static class TrainThroughput
{
    /// <param name="shape">The product trained (null: &lt;2,2,2&gt;, the upstream preset's); other shapes use independent inits.</param>
    /// <param name="slots">Slots per run (null: the preset's 8).</param>
    public static ThroughputSample Measure(int batchSize, int population, int steps, int threads, EngineChoice? engine = null,
        Crystallization.Shape? shape = null, int? slots = null)
    {
        var runs = Enumerable.Range(1, population).Select(seed =>
        {
            var c = TrainingProtocols.Upstream(seed, batchSize) with
            {
                Phase1Epochs = steps,
                Prune = false,
                CurveInterval = 0,
                TestSamples = 1,
            };
            if (shape is { } s && s != Crystallization.Shape.Square2) c = c.WithShape(s) with { Init = InitKind.Independent };
            return slots is int r ? c with { Slots = r, TargetSlots = Math.Min(c.TargetSlots, r) } : c;
        }).ToArray();
        PopulationTrainer.Train(runs.Take(Math.Min(population, 4)).Select(r => r with { Phase1Epochs = 5 }).ToArray(), threads, engine);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var parts = new TrainingClock();
        PopulationTrainer.Train(runs, threads, engine, clock: parts);
        double seconds = clock.Elapsed.TotalSeconds;
        double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new ThroughputSample(population, batchSize, steps, seconds, cpuSeconds, parts.Steps.TotalSeconds);
    }
}
