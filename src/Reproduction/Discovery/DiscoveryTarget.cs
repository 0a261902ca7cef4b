using StrassenRepro.Crystallization;
using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// What `discover` trains: Runs seeds of a product &lt;n,m,p&gt; with Slots slots (Rank by default), pruned to Rank,
/// under the `train-strassen` protocol (the public code's numbers, independent init: U and V differ in size for
/// non-square products) at the given batch size. Phase1Epochs shortens Phase 1 (tests, smoke runs).
/// </summary>
public sealed record DiscoveryTarget(Shape Shape, int Rank)
{
    public int Runs { get; init; } = 20;
    public int? Slots { get; init; }
    public int BatchSize { get; init; } = 32;
    public long FirstSeed { get; init; } = 1;
    public int? Phase1Epochs { get; init; }
    public int? Phase2Steps { get; init; }

    /// <summary>
    /// Rank itself unless asked: measured, runs that start at the rank converge far more often than runs pruned to it
    /// (&lt;2,2,3;11&gt; 20 of 20 against 8 of 20 from 12 slots; &lt;3,3,3;23&gt; 16 of 40 against 0 of 16 from 26).
    /// </summary>
    public int StartSlots => Slots ?? Rank;

    /// <summary>How the store names this study (its preset meta).</summary>
    public string StudyName => $"discover {Shape} rank {Rank}";

    public IEnumerable<RunConfig> Plan() => Plan(FirstSeed, Runs);

    /// <summary>The train protocol's runs of count seeds from first on.</summary>
    public IEnumerable<RunConfig> Plan(long first, int count) => Enumerable.Range(0, count).Select(i =>
    {
        var c = TrainingProtocols.TrainStrassen(first + i, BatchSize).WithShape(Shape) with
        {
            Slots = StartSlots,
            TargetSlots = Rank,
        };
        if (Phase1Epochs is int e) c = c with { Phase1Epochs = e, ScheduleT0 = Math.Max(1, Math.Min(c.ScheduleT0, e)) };
        if (Phase2Steps is int s) c = c with { DecaySteps = s, RefineSteps = s };
        return c.Validated();
    });

    /// <summary>Refuses a target no run could reach; the message names the option.</summary>
    public DiscoveryTarget Validated()
    {
        if (Rank < 1 || Rank > 63) throw new ArgumentException($"--rank {Rank} is not in 1..63");
        if (StartSlots < Rank || StartSlots > 64) throw new ArgumentException($"--slots {StartSlots} must be in {Rank}..64");
        if (Runs < 1 || Runs > 100_000) throw new ArgumentException($"--runs {Runs} is not in 1..100000");
        if (BatchSize < 1 || BatchSize > 65536) throw new ArgumentException($"--batch-size {BatchSize} is not in 1..65536");
        return this;
    }
}
