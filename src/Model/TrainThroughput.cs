using System.Diagnostics;

namespace StrassenRepro.Model;

/// <summary>
/// One throughput measurement: P runs x steps optimizer steps of Phase 1; wall-clock seconds of the whole call and of
/// the optimizer steps alone (without set-up and hand-off, which grow with P but not with the steps), and process
/// CPU seconds.
/// </summary>
public sealed record ThroughputSample(int Population, int BatchSize, int Steps, double Seconds, double CpuSeconds, double StepSeconds)
{
    public double RunStepsPerSecond => Population * (double)Steps / Seconds;

    /// <summary>Run-steps per second of the optimizer steps alone: the engine's own rate.</summary>
    public double StepRunStepsPerSecond => Population * (double)Steps / StepSeconds;

    /// <summary>Run-steps per CPU-second of this process: less sensitive to other processes on a shared machine.</summary>
    public double RunStepsPerCpuSecond => Population * (double)Steps / CpuSeconds;
}

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
