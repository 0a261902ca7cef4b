namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// What a crystallization attempt did: its solves, their iterations, the fixed coefficients and back-offs.
/// </summary>
public sealed record CrystallizeStats
{
    /// <summary>Levenberg-Marquardt iterations over all solves.</summary>
    public int Iterations { get; init; }

    /// <summary>Levenberg-Marquardt solves (the refinement, then one per fix attempt).</summary>
    public int Solves { get; init; }

    /// <summary>Coefficients fixed to grid values when the search ended (all of them on success).</summary>
    public int Fixed { get; init; }

    /// <summary>Fixes that raised the residual above the bound and were undone.</summary>
    public int BackOffs { get; init; }

    /// <summary>Rounding runs: each grid a rounding attempt went through counts once.</summary>
    public int Passes { get; init; }
}
