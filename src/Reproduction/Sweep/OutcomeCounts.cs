namespace StrassenRepro.Reproduction.Sweep;

/// <summary>Per engine, how many runs ended in each outcome, before and after lattice recovery.</summary>
public sealed record OutcomeCounts(string Engine, IReadOnlyList<int> Plain, IReadOnlyList<int> AfterRecovery);
