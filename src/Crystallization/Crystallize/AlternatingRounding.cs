namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// The crystallizer that scales: alternating per-factor least squares (R x R systems per column, never the whole
/// scheme) with a pull toward the integer grid, coefficients projected onto the grid and fixed as they come near it
/// while the residual is small, the free rest re-solved around them; then every coefficient rounded and the exact
/// Brent check. Only that check makes a scheme: the result is an integer scheme that satisfies every Brent equation,
/// or null.
/// </summary>
public static class AlternatingRounding
{
    public static Scheme? TryRound(Scheme near, AlternatingRoundingOptions options, CancellationToken cancel = default) =>
        TryRound(AlternatingFactors.Of(near), options, cancel);

    /// <summary>Rounds the factors in place (they end fixed, or where the sweeps left them).</summary>
    public static Scheme? TryRound(AlternatingFactors f, AlternatingRoundingOptions o, CancellationToken cancel = default)
    {
        double pull = o.Pull;
        for (int sweep = 0; sweep < o.Sweeps && f.FixedCount < f.CoefficientCount; sweep++)
        {
            cancel.ThrowIfCancellationRequested();
            for (int k = 0; k < 3; k++) f.Update(k, 0, o.Prox, pull, o.MaxMagnitude);
            for (int j = 0; j < o.RefitSweeps; j++)
                for (int k = 0; k < 3; k++) f.Update(k, 0, o.Prox, 0, o.MaxMagnitude);
            if (!f.IsFinite) return null;
            pull *= o.Growth;
            if (f.Residual().Max <= o.FixResidual) f.FixNearGrid(o.FixTolerance, o.MaxMagnitude, o.FixPerSweep);
            if (o.BalanceEvery > 0 && sweep % o.BalanceEvery == 0) f.Balance();
        }
        var rounded = f.ToScheme(rounded: true, o.MaxMagnitude);
        return BrentCheck.IsValid(rounded) ? rounded : null;
    }
}
