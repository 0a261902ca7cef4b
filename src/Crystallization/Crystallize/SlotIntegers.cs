using System.Numerics;

namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// Clears the fractions that the slot gauge leaves: each slot is scaled (exactly, over Q) so that U_r and
/// V_r become primitive integer vectors (coprime integers), W_:,r absorbing the factors. A scheme whose
/// fractions come only from the gauge (U_r = [1/2, 1] with W_:,r even) becomes integral; others keep
/// their fractions in W.
/// </summary>
public static class SlotIntegers
{
    public static RationalScheme Make(RationalScheme s)
    {
        var shape = s.Shape;
        int rank = s.Rank;
        var u = new Fraction[rank * shape.ASize];
        var v = new Fraction[rank * shape.BSize];
        var w = new Fraction[shape.CSize * rank];
        for (int r = 0; r < rank; r++)
        {
            var ur = Enumerable.Range(0, shape.ASize).Select(x => s.U(r, x)).ToArray();
            var vr = Enumerable.Range(0, shape.BSize).Select(y => s.V(r, y)).ToArray();
            var a = PrimitiveFactor(ur);
            var b = PrimitiveFactor(vr);
            for (int x = 0; x < ur.Length; x++) u[r * shape.ASize + x] = Times(ur[x], a);
            for (int y = 0; y < vr.Length; y++) v[r * shape.BSize + y] = Times(vr[y], b);
            var ab = Times(a, b);
            for (int z = 0; z < shape.CSize; z++)
            {
                var old = s.W(z, r);
                w[z * rank + r] = new Fraction(old.Numerator * ab.Denominator, old.Denominator * ab.Numerator);
            }
        }
        return new RationalScheme(shape, rank, u, v, w);
    }

    /// <summary>
    /// The positive factor lcm(denominators) / gcd(numerators) that makes a nonzero row primitive; 1 for a zero row.
    /// </summary>
    public static Fraction PrimitiveFactor(IReadOnlyList<Fraction> row)
    {
        BigInteger lcm = BigInteger.One, gcd = BigInteger.Zero;
        foreach (var f in row) lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, f.Denominator) * f.Denominator;
        foreach (var f in row) gcd = BigInteger.GreatestCommonDivisor(gcd, f.Numerator * (lcm / f.Denominator));
        return gcd.IsZero ? new Fraction(1, 1) : new Fraction(lcm, gcd);
    }

    private static Fraction Times(Fraction x, Fraction y) =>
        new(x.Numerator * y.Numerator, x.Denominator * y.Denominator);
}
