using StrassenRepro.Crystallization;

namespace StrassenRepro.Model;

/// <summary>What `bench train-throughput` measures: P runs of Phase 1 of the upstream protocol, of one shape and engine.</summary>
public sealed record ThroughputBenchOptions
{
    public int BatchSize { get; init; } = 32;
    public int Population { get; init; } = 256;
    public int Steps { get; init; } = 1000;

    /// <summary>CPU threads for libtorch and data generation; 0: all cores.</summary>
    public int Threads { get; init; }

    public EngineChoice Engine { get; init; } = EngineChoice.Cpu;
    public Shape Shape { get; init; } = Shape.Square2;

    /// <summary>Slots per run; null: the protocol's 8.</summary>
    public int? Slots { get; init; }

    /// <summary>Threads as the engines take them: 0 means every core.</summary>
    public int EffectiveThreads => Threads == 0 ? Environment.ProcessorCount : Threads;

    /// <summary>The cpu engine at &lt;2,2,2;8&gt;, where its fast paths exist and are timed against their fallbacks.</summary>
    public bool HasFastPaths => Engine.Kind == EngineKind.Cpu && Shape == Shape.Square2 && Slots is null or 8;
}
