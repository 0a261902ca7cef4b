using StrassenRepro.Crystallization;

namespace StrassenRepro.Reproduction.Discovery;

/// <summary>
/// What a scheme costs one level down: R multiplications, and the additions that form the R factors and combine the
/// products (for each slot, nonzeros of U_r and of V_r minus one; for each output, nonzeros of its W row minus one),
/// each sum formed on its own: no partial sum is shared between slots. Strassen's algorithm: 7 and 18; Winograd's
/// variant: 7 and 24 (its 15 needs shared partial sums: SharedAdditions counts those).
/// </summary>
public static class SchemeCost
{
    public static int Additions(Scheme s)
    {
        int total = 0;
        foreach (var row in s.URows().Concat(s.VRows()).Concat(s.WRows()))
            total += Math.Max(0, row.Count(x => x != 0) - 1);
        return total;
    }
}
