using StrassenRepro.Crystallization;
using StrassenRepro.Model;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>What `discover` was asked to do.</summary>
public sealed record DiscoverOptions
{
    public required DiscoveryTarget Target { get; init; }
    public required string OutDir { get; init; }
    public bool Resume { get; init; }
    public int Threads { get; init; }
    public EngineChoice Engine { get; init; } = EngineChoice.Cpu;
    /// <summary>
    /// Turns the kept slots of a run into an exact scheme, or null; tried after rounding and lattice recovery. The
    /// general crystallizer by default; null: rounding and lattice recovery only.
    /// </summary>
    public Func<Scheme, Scheme?>? Crystallize { get; init; } = DiscoveryCrystallizer.Exact;
}
