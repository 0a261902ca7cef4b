namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// One candidate fix of the rounding search: coefficients (indices into the packed vector), their values, its cost.
/// </summary>
public sealed record FixCandidate(int[] Indices, Fraction[] Values, double Cost);
