namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// The per-slot scaling gauge: U_r, V_r, W_:,r may be scaled by a, b, 1/(ab) without changing the product.
/// Normalising makes the largest-magnitude entry of each U_r and V_r exactly +1 (the first such entry on a
/// tie), so that training's arbitrary slot scales (and signs) no longer hide integer coefficients.
/// </summary>
public static class SlotGauge
{
    public static Scheme Normalize(Scheme s)
    {
        var result = s;
        for (int r = 0; r < s.Rank; r++)
        {
            double a = LargestEntry(s.URow(r)), b = LargestEntry(s.VRow(r));
            // A slot whose U_r or V_r is zero contributes nothing; its scale is left alone.
            if (a == 0 || b == 0) continue;
            result = SchemeSymmetry.ScaleSlot(result, r, 1 / a, 1 / b);
        }
        return result;
    }

    /// <summary>The entry of largest magnitude, with its sign (the first one on a tie); 0 for a zero row.</summary>
    public static double LargestEntry(ReadOnlySpan<double> row)
    {
        double best = 0;
        foreach (var x in row)
            if (Math.Abs(x) > Math.Abs(best)) best = x;
        return best;
    }
}
