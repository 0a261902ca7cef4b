namespace StrassenRepro.Model;

/// <summary>
/// `bench train-throughput`: run-steps per second of the population engine and, in the same invocation, of its
/// fallbacks and of a single run (P = 1), so that their ratios come from one machine state.
/// </summary>
public static class ThroughputBench
{
    public static ThroughputBenchResult Run(ThroughputBenchOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BatchSize, 1, nameof(options.BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Population, 1, nameof(options.Population));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Steps, 1, nameof(options.Steps));
        ArgumentOutOfRangeException.ThrowIfNegative(options.Threads, nameof(options.Threads));
        ThroughputSample Measure(int population, EngineChoice engine) => TrainThroughput.Measure(options.BatchSize,
            population, options.Steps, options.Threads, engine, options.Shape, options.Slots);

        var engine = options.Engine;
        var many = Measure(options.Population, engine);
        // The cpu engine's fast paths, each switched off once: AVX2 normals against the scalar draw (the same numbers),
        // the specialised 8-lane gradient against the general path (any shape and slot count).
        var scalarNormals = options.HasFastPaths && VectorPairs.IsSupported
            ? Measure(options.Population, engine with { VectorisedPairs = false }) : null;
        var general = options.HasFastPaths ? Measure(options.Population, engine with { SpecialisedGradient = false }) : null;
        var single = Measure(1, engine);
        // The overhead-bound baseline of the CPU engines: one run through libtorch, one small op at a time. The gpu
        // engine is measured without it, and so is a build without libtorch.
        var torchSingle = engine.Kind switch
        {
            EngineKind.Torch => single,
            EngineKind.Cpu when LibTorch.Available => Measure(1, EngineKind.Torch),
            _ => null,
        };
        return new ThroughputBenchResult(options, many, scalarNormals, general, single, torchSingle, LoadAverage());
    }

    /// <summary>The 1-minute load average (Linux), so a reader can see how busy the machine was.</summary>
    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Split(' ')[0]; }
        catch (IOException) { return "unknown"; }
        catch (UnauthorizedAccessException) { return "unknown"; }
    }
}
