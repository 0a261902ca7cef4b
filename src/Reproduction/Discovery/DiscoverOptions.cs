using StrassenRepro.Crystallization;
using StrassenRepro.Model;
using StrassenRepro.Model.Search;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>What `discover` was asked to do.</summary>
public sealed record DiscoverOptions
{
    public required DiscoveryTarget Target { get; init; }
    public required string OutDir { get; init; }
    public bool Resume { get; init; }
    public int Threads { get; init; }
    public EngineChoice Engine { get; init; } = EngineChoice.Cpu;
    public DiscoveryProtocol Protocol { get; init; } = DiscoveryProtocol.Train;
    public SchemeFileFormat Format { get; init; } = SchemeFileFormat.Json;
    /// <summary>The als protocol's knobs (used when Protocol is Als).</summary>
    public AlsProtocol Als { get; init; } = new();
    /// <summary>When to stop; null: after Target.Runs runs.</summary>
    public DiscoveryBudget? Budget { get; init; }
    public DiscoveryBudget EffectiveBudget => Budget ?? new DiscoveryBudget(Runs: Target.Runs);
    /// <summary>
    /// Turns the kept slots of a run into an exact scheme, or null; tried after rounding and lattice recovery. The
    /// general crystallizer by default; null: rounding and lattice recovery only.
    /// </summary>
    public Func<Scheme, Scheme?>? Crystallize { get; init; } = DiscoveryCrystallizer.Exact;

    /// <summary>Runs trained (or searched) between two looks at the budget.</summary>
    public int Chunk(int threads) => EffectiveBudget is { Time: null, UntilExact: null, Runs: int n } ? n : Math.Max(4, 2 * threads);
}
