namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// One point of projective space met by several rank-one directions: its first direction and how many.
/// </summary>
public sealed record DirectionCluster(double[] Direction, int Count);
