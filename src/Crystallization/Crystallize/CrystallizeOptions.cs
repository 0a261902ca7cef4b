namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// Knobs of SchemeCrystallizer.TryCrystallize. The defaults are the measured ones (docs/discover.md, "Crystallization
/// beyond lattice recovery"); every bound is explicit so that a call always ends.
/// </summary>
public sealed record CrystallizeOptions
{
    /// <summary>
    /// For &lt;2,2,2&gt; with 7 slots, try LatticeRecovery first (the method of choice where it applies).
    /// </summary>
    public bool UseLatticeRecovery { get; init; } = true;

    /// <summary>
    /// An input whose max |Brent residual| is above this is refused without trying: it is no near-solution.
    /// </summary>
    public double MaxInputResidual { get; init; } = 0.5;

    /// <summary>Levenberg-Marquardt iterations for converging the real scheme before any rounding.</summary>
    public int RefineIterations { get; init; } = 200;

    /// <summary>Iterations of each re-solve after fixing coefficients.</summary>
    public int SolveIterations { get; init; } = 30;

    /// <summary>A solve has converged when max |Brent residual| is at most this.</summary>
    public double Tolerance { get; init; } = 1e-11;

    /// <summary>
    /// A fix is kept when the re-solve brings max |Brent residual| to at most this; otherwise it is backed off.
    /// </summary>
    public double AcceptResidual { get; init; } = 1e-8;

    /// <summary>Free coefficients within this cost of a grid value are fixed together, in one solve.</summary>
    public double SnapTolerance { get; init; } = 1e-6;

    /// <summary>How many candidates (nearest to the grid first) one step tries before the search gives up.</summary>
    public int CandidatesPerStep { get; init; } = 6;

    /// <summary>
    /// Rounding targets: first the integers up to this magnitude, then fractions up to MaxDenominator.
    /// </summary>
    public int MaxMagnitude { get; init; } = 4;

    /// <summary>Largest denominator of a fraction a coefficient may be rounded to (1: integers only).</summary>
    public int MaxDenominator { get; init; } = 8;

    /// <summary>
    /// A slot factor is rank one when cross approximation leaves at most this, relative to its largest entry.
    /// </summary>
    public double RankOneTolerance { get; init; } = 1e-4;

    /// <summary>Rank-one directions closer than this angle (radians) are one point.</summary>
    public double ClusterAngle { get; init; } = 1e-3;

    /// <summary>Total Levenberg-Marquardt iterations over the whole call (a deterministic budget).</summary>
    public int MaxIterations { get; init; } = 20_000;

    /// <summary>
    /// Optional wall-clock budget; null for none. Results depend on the machine only when it runs out.
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }
}
