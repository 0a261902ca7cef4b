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
        return ring == Ring.F2 ? ModTwo(scheme) : OverIntegers(scheme);
    }

    /// <summary>True when the scheme is integral and satisfies the equations exactly in the ring.</summary>
    public static bool IsValid(Scheme scheme, Ring ring = Ring.Z) => scheme.IsIntegral && Exact(scheme, ring).IsValid;

    private static BrentResult OverIntegers(Scheme s)
    {
        // Products of three coefficients summed over R slots: use 64-bit integers when the bound
        // max|U| max|V| max|W| R cannot overflow, exact big integers otherwise.
        double bound = MaxAbs(s.UFlat) * MaxAbs(s.VFlat) * MaxAbs(s.WFlat) * Math.Max(1, s.Rank);
        // |sum| <= bound, so at the bound itself 64-bit integers would still be exact (>= vs > is equivalent).
        if (bound >= 4.0e18) return Exact(RationalScheme.FromDyadic(s, maxDenominator: 1)!);
        return OverIntegersLong(s);
    }

    private static double MaxAbs(ReadOnlySpan<double> values)
    {
        double m = 0;
        foreach (var x in values) m = Math.Max(m, Math.Abs(x));
        return m;
    }

    private static BrentResult OverIntegersLong(Scheme s)
    {
        var shape = s.Shape;
        int nx = shape.ASize, ny = shape.BSize, nz = shape.CSize, rank = s.Rank;
        var u = ToLong(s.UFlat);
        var v = ToLong(s.VFlat);
        var w = ToLong(s.WFlat);
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
        return Compare(shape, Ring.Z, i => sums[i], i => sums[i].ToString());
    }

    /// <summary>
    /// Exact check over Q: with U, V, W as numerators over common denominators du, dv, dw, every equation
    /// is sum_r u v w = T du dv dw in big integers. Integers are the case du = dv = dw = 1.
    /// </summary>
    public static BrentResult Exact(RationalScheme s)
    {
        var shape = s.Shape;
        int nx = shape.ASize, ny = shape.BSize, nz = shape.CSize, rank = s.Rank;
        var (u, du) = s.ScaledU();
        var (v, dv) = s.ScaledV();
        var (w, dw) = s.ScaledW();
        var scale = du * dv * dw;
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
            i => new Fraction(sums[i], scale).ToString());
    }

    private static BrentResult ModTwo(Scheme s)
    {
        var shape = s.Shape;
        int nx = shape.ASize, ny = shape.BSize, nz = shape.CSize, rank = s.Rank;
        // Reduce each coefficient to {0, 1} first, so no sum can overflow.
        var u = ToBits(s.UFlat);
        var v = ToBits(s.VFlat);
        var w = ToBits(s.WFlat);
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
        return Compare(shape, Ring.F2, i => sums[i], i => sums[i].ToString());
    }

    private static BrentResult Compare(Shape shape, Ring ring, Func<int, long> actual, Func<int, string> show)
    {
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
                    failed++;
                    first ??= new BrentViolation(x, y, z, show(index), expected);
                }
        return new BrentResult(ring, nx * ny * nz, failed, first);
    }

    private static long[] ToLong(ReadOnlySpan<double> values)
    {
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = (long)values[i];
        return result;
    }

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
