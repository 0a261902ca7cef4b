using System.Numerics;

namespace StrassenRepro.Crystallization;

/// <summary>
/// How many bits the exact transfer's integers need at a level: an upper bound on every value the recursion holds,
/// as log2 factors of the scheme scaled to integers (U du, V dv, W dw). Per level a combined block of A grows by at
/// most max_r ||u_r||_1, of B by max_r ||v_r||_1, a slot product by their product, an entry of C by
/// max_z sum_r |w_zr| ||u_r||_1 ||v_r||_1 (the product and C bounds dominate the combined blocks'), and the reference
/// (du dv dw)^k A B by the scale times m.
/// </summary>
/// <param name="LogU">ceil(log2 max_r ||u_r||_1).</param>
/// <param name="LogV">ceil(log2 max_r ||v_r||_1).</param>
/// <param name="LogW">ceil(log2 max_z sum_r |w_zr| ||u_r||_1 ||v_r||_1).</param>
/// <param name="LogWEntry">ceil(log2 max |w_zr|): a slot whose U or V is zero has no product to bound its w.</param>
/// <param name="LogScale">ceil(log2 du dv dw).</param>
public sealed record ExactTransferBound(Shape Shape, double LogU, double LogV, double LogW, double LogWEntry,
    double LogScale)
{
    public static ExactTransferBound Of(RationalScheme scheme)
    {
        var (u, du) = scheme.ScaledU();
        var (v, dv) = scheme.ScaledV();
        var (w, dw) = scheme.ScaledW();
        var s = scheme.Shape;
        int rank = scheme.Rank;
        var lu = Enumerable.Range(0, rank).Select(r => L1(u, r * s.ASize, s.ASize)).ToArray();
        var lv = Enumerable.Range(0, rank).Select(r => L1(v, r * s.BSize, s.BSize)).ToArray();
        var gw = BigInteger.Zero;
        for (int z = 0; z < s.CSize; z++)
        {
            var sum = BigInteger.Zero;
            for (int r = 0; r < rank; r++) sum += BigInteger.Abs(w[z * rank + r]) * lu[r] * lv[r];
            gw = BigInteger.Max(gw, sum);
        }
        return new ExactTransferBound(s, Log2(Max(lu)), Log2(Max(lv)), Log2(gw), Log2(Max(w.Select(BigInteger.Abs))),
            Log2(du * dv * dw));
    }

    /// <summary>Bits that hold every value at `level`, with one bit for the sign and one for a sum of two values.</summary>
    public double Bits(int level)
    {
        double input = Math.Log2(ExactTransfer.InputBound);
        double product = level * Math.Max(LogU + LogV, LogW) + 2 * input;
        double reference = level * (LogScale + Math.Log2(Shape.M)) + 2 * input;
        return Math.Max(LogWEntry, Math.Max(product, reference)) + 2;
    }

    private static BigInteger Max(IEnumerable<BigInteger> values) => values.Aggregate(BigInteger.Zero, BigInteger.Max);

    private static BigInteger L1(BigInteger[] values, int start, int count)
    {
        var sum = BigInteger.Zero;
        for (int i = start; i < start + count; i++) sum += BigInteger.Abs(values[i]);
        return sum;
    }

    /// <summary>ceil(log2 x) for x at least 1, and 0 below: an upper bound of the bits of x.</summary>
    public static double Log2(BigInteger x) => (double)BigInteger.Max(BigInteger.Zero, x - 1).GetBitLength();
}
