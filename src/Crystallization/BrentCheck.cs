using System.Numerics;

namespace StrassenRepro.Crystallization;

/// <summary>
/// The Brent equations sum_r U[r,x] V[r,y] W[z,r] = T[x,y,z], checked exactly (integers, no floating
/// point) over Z or modulo 2, exactly over Q for rational coefficients, and as a real residual for real ones.
/// </summary>
public static class BrentCheck
{
    /// <summary>Exact check of an integral scheme. Throws when a coefficient is not an integer.</summary>
    public static BrentResult Exact(Scheme scheme, Ring ring = Ring.Z)
    {
        if (!scheme.IsIntegral)
            throw new ArgumentException("the exact Brent check needs integer coefficients; apply Q first", nameof(scheme));
        return ring == Ring.F2
            ? ModTwo(scheme.Shape, scheme.Rank, ToBits(scheme.UFlat), ToBits(scheme.VFlat), ToBits(scheme.WFlat))
            : OverIntegers(scheme);
    }

    /// <summary>True when the scheme is integral and satisfies the equations exactly in the ring.</summary>
    public static bool IsValid(Scheme scheme, Ring ring = Ring.Z) => scheme.IsIntegral && Exact(scheme, ring).IsValid;

    private static BrentResult OverIntegers(Scheme s)
    {
        // Products of three coefficients summed over R slots: use 64-bit integers when the bound
        // max|U| max|V| max|W| R cannot overflow, exact big integers otherwise.
        double bound = MaxAbs(s.UFlat) * MaxAbs(s.VFlat) * MaxAbs(s.WFlat) * Math.Max(1, s.Rank);
        // |sum| <= bound, so at the bound itself 64-bit integers would still be exact (>= vs > is equivalent). A huge
        // coefficient under the bound has a factor that is zero throughout (all of V or of W): its saturated long
        // never reaches a sum.
        if (bound >= 4.0e18) return Exact(RationalScheme.FromDyadic(s, maxDenominator: 1)!);
        return OverIntegersLong(s.Shape, s.Rank, ToLong(s.UFlat), ToLong(s.VFlat), ToLong(s.WFlat));
    }

    private static double MaxAbs(ReadOnlySpan<double> values)
    {
        double m = 0;
        foreach (var x in values) m = Math.Max(m, Math.Abs(x));
        return m;
    }

    private static BrentResult OverIntegersLong(Shape shape, int rank, long[] u, long[] v, long[] w)
    {
        int nx = shape.ASize, ny = shape.BSize, nz = shape.CSize;
        var sums = new long[nx * ny * nz];
        for (int r = 0; r < rank; r++)
        {
            for (int x = 0; x < nx; x++)
            {
                long ux = u[r * nx + x];
                // Stryker disable once Statement : equivalent, see mutation/equivalent-mutants.md
                if (ux == 0) continue;
                for (int y = 0; y < ny; y++)
                {
                    long uv = ux * v[r * ny + y];
                    // Stryker disable once Statement : equivalent, see mutation/equivalent-mutants.md
                    if (uv == 0) continue;
                    int row = (x * ny + y) * nz;
                    for (int z = 0; z < nz; z++) sums[row + z] += uv * w[z * rank + r];
                }
            }
        }
        return Compare(shape, Ring.Z, i => sums[i], i => sums[i].ToString(),
            (i, expected) => Math.Abs((double)sums[i] - expected));
    }

    /// <summary>
    /// Exact check over Q: with U, V, W as numerators over common denominators du, dv, dw, every equation
    /// is sum_r u v w = T du dv dw in big integers. Integers are the case du = dv = dw = 1 (64-bit integers when
    /// no sum can overflow). Modulo 2 the coefficients must be integers.
    /// </summary>
    public static BrentResult Exact(RationalScheme s, Ring ring = Ring.Z)
    {
        if (ring == Ring.F2)
        {
            if (!s.IsIntegral)
                throw new ArgumentException("the check modulo 2 needs integer coefficients", nameof(s));
            var (bu, _) = s.ScaledU();
            var (bv, _) = s.ScaledV();
            var (bw, _) = s.ScaledW();
            return ModTwo(s.Shape, s.Rank, Bits(bu), Bits(bv), Bits(bw));
        }
        var (u, du) = s.ScaledU();
        var (v, dv) = s.ScaledV();
        var (w, dw) = s.ScaledW();
        var scale = du * dv * dw;
        if (scale.IsOne && FitsInLong(u, v, w, s.Rank))
            return OverIntegersLong(s.Shape, s.Rank, ToLong(u), ToLong(v), ToLong(w));
        return OverRationals(s.Shape, s.Rank, u, v, w, scale);
    }

    /// <summary>max|U| max|V| max|W| R is below 4e18, so no sum of products can overflow a long, and each coefficient
    /// is a long itself (a zero factor can hide a huge one from the product bound). Only the faster path depends on it:
    /// the rational path gives the same answer for any input.</summary>
    private static bool FitsInLong(BigInteger[] u, BigInteger[] v, BigInteger[] w, int rank)
    {
        double mu = (double)MaxAbs(u), mv = (double)MaxAbs(v), mw = (double)MaxAbs(w);
        return Math.Max(mu, Math.Max(mv, mw)) < 4.0e18 && mu * mv * mw * Math.Max(1, rank) < 4.0e18;
    }

    private static BigInteger MaxAbs(BigInteger[] values)
    {
        var m = BigInteger.Zero;
        foreach (var x in values) m = BigInteger.Max(m, BigInteger.Abs(x));
        return m;
    }

    private static BrentResult OverRationals(Shape shape, int rank, BigInteger[] u, BigInteger[] v, BigInteger[] w,
        BigInteger scale)
    {
        int nx = shape.ASize, ny = shape.BSize, nz = shape.CSize;
        var sums = new BigInteger[nx * ny * nz];
        for (int r = 0; r < rank; r++)
            for (int x = 0; x < nx; x++)
            {
                var ux = u[r * nx + x];
                // Stryker disable once Statement : equivalent, see mutation/equivalent-mutants.md
                if (ux.IsZero) continue;
                for (int y = 0; y < ny; y++)
                {
                    var uv = ux * v[r * ny + y];
                    // Stryker disable once Statement : equivalent, see mutation/equivalent-mutants.md
                    if (uv.IsZero) continue;
                    int row = (x * ny + y) * nz;
                    for (int z = 0; z < nz; z++) sums[row + z] += uv * w[z * rank + r];
                }
            }
        return Compare(shape, Ring.Z, i => sums[i].IsZero ? 0 : sums[i] == scale ? 1 : 2,
            i => new Fraction(sums[i], scale).ToString(),
            (i, expected) => new Fraction(BigInteger.Abs(sums[i] - expected * scale), scale).ToDouble());
    }

    /// <summary>Modulo 2, on coefficients already reduced to {0, 1}, so no sum can overflow.</summary>
    private static BrentResult ModTwo(Shape shape, int rank, byte[] u, byte[] v, byte[] w)
    {
        int nx = shape.ASize, ny = shape.BSize, nz = shape.CSize;
        var sums = new byte[nx * ny * nz];
        for (int r = 0; r < rank; r++)
            for (int x = 0; x < nx; x++)
            {
                if (u[r * nx + x] == 0) continue;
                for (int y = 0; y < ny; y++)
                {
                    if (v[r * ny + y] == 0) continue;
                    int row = (x * ny + y) * nz;
                    for (int z = 0; z < nz; z++) sums[row + z] ^= w[z * rank + r];
                }
            }
        return Compare(shape, Ring.F2, i => sums[i], i => sums[i].ToString(),
            (_, _) => 1);
    }

    private static BrentResult Compare(Shape shape, Ring ring, Func<int, long> actual, Func<int, string> show,
        Func<int, int, double> residual)
    {
        double max = 0;
        int nx = shape.ASize, ny = shape.BSize, nz = shape.CSize;
        int failed = 0;
        BrentViolation? first = null;
        for (int x = 0; x < nx; x++)
            for (int y = 0; y < ny; y++)
                for (int z = 0; z < nz; z++)
                {
                    int index = (x * ny + y) * nz + z;
                    int expected = MatMulTensor.Entry(shape, x, y, z);
                    if (actual(index) == expected) continue;
                    max = Math.Max(max, residual(index, expected));
                    failed++;
                    first ??= new BrentViolation(x, y, z, show(index), expected);
                }
        return new BrentResult(ring, nx * ny * nz, failed, first, max);
    }

    private static long[] ToLong(ReadOnlySpan<double> values)
    {
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = (long)values[i];
        return result;
    }

    private static byte[] Bits(BigInteger[] values) => values.Select(x => x.IsEven ? (byte)0 : (byte)1).ToArray();

    private static long[] ToLong(BigInteger[] values) => values.Select(x => (long)x).ToArray();

    private static byte[] ToBits(ReadOnlySpan<double> values)
    {
        var result = new byte[values.Length];
        for (int i = 0; i < values.Length; i++)
            result[i] = Math.IEEERemainder(values[i], 2.0) == 0 ? (byte)0 : (byte)1;
        return result;
    }

    /// <summary>
    /// max over (x,y,z) of |sum_r U[r,x] V[r,y] W[z,r] - T[x,y,z]| in double precision, for any real
    /// scheme. Zero for an exact integer scheme.
    /// </summary>
    public static double MaxResidual(Scheme s)
    {
        var shape = s.Shape;
        int nx = shape.ASize, ny = shape.BSize, nz = shape.CSize, rank = s.Rank;
        var sums = new double[nx * ny * nz];
        var u = s.UFlat;
        var v = s.VFlat;
        var w = s.WFlat;
        for (int r = 0; r < rank; r++)
            for (int x = 0; x < nx; x++)
            {
                double ux = u[r * nx + x];
                // Stryker disable once Statement : equivalent, see mutation/equivalent-mutants.md
                if (ux == 0) continue;
                for (int y = 0; y < ny; y++)
                {
                    double uv = ux * v[r * ny + y];
                    // Stryker disable once Statement : equivalent, see mutation/equivalent-mutants.md
                    if (uv == 0) continue;
                    int row = (x * ny + y) * nz;
                    for (int z = 0; z < nz; z++) sums[row + z] += uv * w[z * rank + r];
                }
            }
        double max = 0;
        for (int x = 0; x < nx; x++)
            for (int y = 0; y < ny; y++)
                for (int z = 0; z < nz; z++)
                    max = Math.Max(max, Math.Abs(sums[(x * ny + y) * nz + z] - MatMulTensor.Entry(shape, x, y, z)));
        return max;
    }
}
