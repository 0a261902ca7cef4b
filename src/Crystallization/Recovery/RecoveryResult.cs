namespace StrassenRepro.Crystallization.Recovery;

/// <summary>
/// What lattice recovery found for one scheme. On success, with vec row-major,
/// Scheme = round(ScaleSlots(ChangeBasis(input, P, Q, R), Alpha, Beta)) in the input's slot order, it
/// is integral, and it passes the exact Brent check over Z (never reported as success otherwise).
/// </summary>
public sealed record RecoveryResult
{
    /// <summary>False only when recovery does not apply (a shape other than &lt;2,2,2&gt;).</summary>
    public required bool Attempted { get; init; }

    /// <summary>True only when <see cref="Scheme"/> is integral and passes BrentCheck.Exact over Z.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>BrentCheck.MaxResidual of the input (how far it is from an exact real scheme).</summary>
    public required double ResidualBefore { get; init; }

    /// <summary>The change of basis A' = P A Q^-1, B' = Q B R^-1 (2x2, |det| = 1); null unless succeeded.</summary>
    public double[][]? P { get; init; }
    public double[][]? Q { get; init; }
    public double[][]? R { get; init; }

    /// <summary>Per-slot scalings after the change of basis: U_r by Alpha[r], V_r by Beta[r], W_:,r by 1 / (Alpha[r] Beta[r]).</summary>
    public double[]? Alpha { get; init; }
    public double[]? Beta { get; init; }

    /// <summary>max |x - round(x)| over the 84 transformed, scaled coefficients before rounding.</summary>
    public double? RoundingMargin { get; init; }

    /// <summary>The exact integer scheme; null unless succeeded.</summary>
    public Scheme? Scheme { get; init; }

    /// <summary>The recovered scheme equals Strassen's own coefficients up to slot order and signs.</summary>
    public bool CanonicalStrassen { get; init; }

    /// <summary>How many of the labelings tried gave an exact integer scheme (any one of them is a valid answer).</summary>
    public int ExactLabelings { get; init; }

    /// <summary>Why recovery failed or was not attempted; null on success.</summary>
    public string? Reason { get; init; }

    /// <summary>The outcome once recovery is taken into account: discrete when it succeeded, else unchanged.</summary>
    public Outcome OutcomeAfter(Outcome before) => Succeeded ? Outcome.Discrete : before;

    public static RecoveryResult NotAttempted(double residual, string reason) =>
        new() { Attempted = false, Succeeded = false, ResidualBefore = residual, Reason = reason };

    public static RecoveryResult Failed(double residual, string reason) =>
        new() { Attempted = true, Succeeded = false, ResidualBefore = residual, Reason = reason };
}
