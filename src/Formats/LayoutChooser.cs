using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// Picks the layout of U, V, W when the file does not say: every orientation their sizes allow times every
/// flattening; the first (in FactorLayout's preference order) whose kept slots pass the exact Brent check
/// (as given when integer or exact rational, else after Q) wins, else the one with the least Brent residual.
/// A forced layout is used as given.
/// </summary>
public static class LayoutChooser
{
    public sealed record Choice(Scheme Scheme, FactorLayout Layout, string How);

    public static Choice Choose(Matrix u, Matrix v, Matrix w, VerificationOptions options, string? forced, string file)
    {
        string? forcedOrientation = null, forcedFlattening = null;
        if (forced is not null) (forcedOrientation, forcedFlattening) = FactorLayout.Parse(forced);
        var orientations = FactorLayout.Orientations.Where(o => forcedOrientation is null || o == forcedOrientation)
            .Select(o => (Orientation: o, Fit: Fit(u, v, w, o))).Where(x => x.Fit is not null).ToList();
        if (orientations.Count == 0)
            throw new SchemeFormatException($"{file}: U ({u.Rows} x {u.Columns}), V ({v.Rows} x {v.Columns}), W ({w.Rows} x {w.Columns}) fit no matrix-multiplication shape{(forcedOrientation is null ? "" : $" in orientation '{forcedOrientation}'")}");
        var flattenings = forcedFlattening is null ? FactorLayout.Flattenings : [forcedFlattening];

        Choice? best = null;
        double bestResidual = double.PositiveInfinity;
        int tried = 0, valid = 0;
        Choice? firstValid = null;
        foreach (var (orientation, fit) in orientations)
            foreach (var flattening in flattenings)
            {
                var layout = FactorLayout.Of(orientation, flattening);
                var scheme = layout.ToScheme(fit!.Value.Shape, fit.Value.Rank, u, v, w);
                tried++;
                var kept = Sparsifier.KeepTop(scheme, options.KeptSlotsFor(scheme));
                if (Judgement.Of(kept, options.Ring).Brent.IsValid)
                {
                    valid++;
                    // Stryker disable once String : equivalent, see mutation/equivalent-mutants.md
                    firstValid ??= new Choice(scheme, layout, "");
                }
                double residual = BrentCheck.MaxResidual(kept);
                if (residual < bestResidual || best is null)
                {
                    bestResidual = residual;
                    // Stryker disable once String : equivalent, see mutation/equivalent-mutants.md
                    best = new Choice(scheme, layout, "");
                }
            }
        // Stryker disable once Conditional,String : equivalent, see mutation/equivalent-mutants.md
        if (tried == 1) return best! with { How = forced is null ? "only candidate" : "forced" };
        string scope = forced is null ? "" : $" within --layout {forced}";
        return firstValid is not null
            ? firstValid with { How = $"detected: first valid of {tried} candidates ({valid} valid){scope}" }
            : best! with { How = $"detected: least Brent residual of {tried} candidates (none valid){scope}" };
    }

    /// <summary>The shape and rank if the three matrices fit the orientation, else null.</summary>
    private static (Shape Shape, int Rank)? Fit(Matrix u, Matrix v, Matrix w, string orientation)
    {
        var (ru, du) = orientation[0] == 'f' ? (u.Rows, u.Columns) : (u.Columns, u.Rows);
        var (rv, dv) = orientation[1] == 'f' ? (v.Rows, v.Columns) : (v.Columns, v.Rows);
        var (rw, dw) = orientation[2] == 'f' ? (w.Rows, w.Columns) : (w.Columns, w.Rows);
        if (ru != rv || ru != rw || du < 1 || dv < 1 || dw < 1) return null;
        // nm * mp * np = (nmp)^2; then n = nmp / mp, m = nmp / np, p = nmp / nm.
        long product = (long)du * dv * dw;
        long nmp = (long)Math.Round(Math.Sqrt(product));
        // Stryker disable once Logical : equivalent, see mutation/equivalent-mutants.md
        if (nmp * nmp != product || nmp % dv != 0 || nmp % dw != 0 || nmp % du != 0) return null;
        long n = nmp / dv, m = nmp / dw, p = nmp / du;
        if (n > 64 || m > 64 || p > 64 || n * m != du || m * p != dv || n * p != dw) return null;
        return (new Shape((int)n, (int)m, (int)p), ru);
    }
}
