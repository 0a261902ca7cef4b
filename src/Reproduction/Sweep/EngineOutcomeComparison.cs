using StrassenRepro.Crystallization;
using StrassenRepro.Reproduction.Statistics;

namespace StrassenRepro.Reproduction.Sweep;

/// <summary>The same runs on two engines: outcome counts and chi-squared tests that they share one distribution.</summary>
public sealed record EngineOutcomeComparison(
    int Runs, int BatchSize, OutcomeCounts First, OutcomeCounts Second,
    ChiSquaredHomogeneity.Result Plain, ChiSquaredHomogeneity.Result AfterRecovery)
{
    public static IReadOnlyList<string> Categories { get; } = OutcomeNames.All.Select(o => o.ToWire()).ToList();
}
