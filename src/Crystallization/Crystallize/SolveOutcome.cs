namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// One Levenberg-Marquardt solve: the max |Brent residual| it reached, its iterations, and whether it met its
/// tolerance.
/// </summary>
public readonly record struct SolveOutcome(double MaxResidual, int Iterations, bool Converged);
