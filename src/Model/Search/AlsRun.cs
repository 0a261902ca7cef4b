using StrassenRepro.Crystallization;

namespace StrassenRepro.Model.Search;

/// <summary>
/// One run of the `als` protocol: the sweeps fitting took, the squared Brent residual it reached, and the exact
/// integer scheme rounding gave (null when none; a non-null scheme has passed the exact Brent check), and the fitted
/// real point before rounding (null when the fit did not reach the rounding threshold), for another crystallizer.
/// </summary>
public sealed record AlsRun(long Seed, int FitSweeps, double FitResidual, bool Fitted, Scheme? Exact)
{
    public Scheme? FittedPoint { get; init; }
}
