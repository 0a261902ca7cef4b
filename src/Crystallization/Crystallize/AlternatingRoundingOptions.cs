namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// Knobs of AlternatingRounding: a grid pull that grows from Pull by Growth each sweep, coefficients fixed on the
/// integer grid once within FixTolerance while the Brent residual is at most FixResidual, for at most Sweeps sweeps.
/// Measured on &lt;2,2,3;11&gt; (docs/discover.md): these give 8 exact schemes of 20 fitted runs.
/// </summary>
public sealed record AlternatingRoundingOptions
{
    public int Sweeps { get; init; } = 1000;
    public double Pull { get; init; } = 0.02;
    public double Growth { get; init; } = 1.0;
    public double FixTolerance { get; init; } = 0.05;
    public double FixResidual { get; init; } = 0.05;
    /// <summary>At most this many coefficients fixed per sweep, nearest the grid first (0: all within tolerance).</summary>
    public int FixPerSweep { get; init; }
    /// <summary>Unpulled sweeps after each pulled one, before the residual is judged (the pull biases the point).</summary>
    public int RefitSweeps { get; init; }
    /// <summary>Largest magnitude of a grid value.</summary>
    public int MaxMagnitude { get; init; } = 1;
    /// <summary>Proximal weight toward the previous sweep's values (keeps each per-column system well posed).</summary>
    public double Prox { get; init; } = 1e-6;
    /// <summary>Every this many sweeps each slot's three factors are rescaled to equal norms.</summary>
    public int BalanceEvery { get; init; } = 20;
}
