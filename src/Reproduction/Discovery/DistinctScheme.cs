using StrassenRepro.Crystallization;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// A distinct exact scheme (up to slot order and sign gauge), the file it was written to when found, the runs that
/// found it and what it costs: Additions slot by slot (SchemeCost), SharedAdditions with greedy common
/// subexpressions (SharedAdditions).
/// </summary>
public sealed record DistinctScheme(Scheme Scheme, IReadOnlyList<long> Seeds, ExactBy FirstBy, int Additions)
{
    public string Path { get; init; } = "";
    public int SharedAdditions { get; init; }
}
