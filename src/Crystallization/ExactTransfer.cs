using System.Numerics;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Crystallization;

/// <summary>
/// Zero-shot transfer checked exactly: the scheme's exact coefficients, scaled to integers (U du, V dv, W dw), are
/// applied at every level to matrices of small random integers, and the result must equal (du dv dw)^k A B entry by
/// entry. The arithmetic is chosen from a bound on every intermediate value (long, Int128, else BigInteger), so no
/// overflow and no rounding can decide the answer. The float transfer (TransferTest) stays as a measurement.
/// </summary>
public static class ExactTransfer
{
    /// <summary>Test matrix entries are integers in [-InputBound, InputBound].</summary>
    public const int InputBound = 9;

    /// <summary>Most scalar products R^k one BigInteger transfer may take (2^20; every default size stays below).</summary>
    public const double MaxBigIntegerProducts = 1 << 20;

    public static IReadOnlyList<ExactTransferRow> Run(RationalScheme scheme, IEnumerable<int> levels,
        ulong seed = TransferTest.DefaultSeed)
    {
        var (u, du) = scheme.ScaledU();
        var (v, dv) = scheme.ScaledV();
        var (w, dw) = scheme.ScaledW();
        var scale = du * dv * dw;
        var growth = ExactTransferBound.Of(scheme);
        var rows = new List<ExactTransferRow>();
        foreach (int level in levels)
        {
            if (!TransferTest.WithinProductCap(scheme.Rank, level))
                throw new SchemeFormatException($"transfer at level {level}: {scheme.Rank}^{level} scalar products, " +
                                                $"over the cap of {TransferTest.MaxScalarProducts:0}; choose smaller --sizes");
            double bits = growth.Bits(level);
            var arithmetic = bits < 62 ? ExactTransferArithmetic.Int64
                : bits < 126 ? ExactTransferArithmetic.Int128
                : ExactTransferArithmetic.BigInteger;
            if (arithmetic == ExactTransferArithmetic.BigInteger && Math.Pow(scheme.Rank, level) > MaxBigIntegerProducts)
                throw new SchemeFormatException(
                    $"exact transfer at level {level}: coefficients this large need big-integer arithmetic " +
                    $"({bits:0} bits), at most {MaxBigIntegerProducts:0} scalar products; choose smaller --sizes");
            rows.Add(arithmetic switch
            {
                ExactTransferArithmetic.Int64 => Level<long>(scheme.Shape, scheme.Rank, u, v, w, scale, level, seed, arithmetic),
                ExactTransferArithmetic.Int128 => Level<Int128>(scheme.Shape, scheme.Rank, u, v, w, scale, level, seed, arithmetic),
                _ => Level<BigInteger>(scheme.Shape, scheme.Rank, u, v, w, scale, level, seed, arithmetic),
            });
        }
        return rows;
    }

    private static ExactTransferRow Level<T>(Shape s, int rank, BigInteger[] u, BigInteger[] v, BigInteger[] w,
        BigInteger scale, int level, ulong seed, ExactTransferArithmetic arithmetic) where T : struct, IBinaryInteger<T>
    {
        var multiplier = new RecursiveMultiplier<T>(s, rank, To<T>(u), To<T>(v), To<T>(w));
        int n = RecursiveMultiplier<T>.Pow(s.N, level);
        int m = RecursiveMultiplier<T>.Pow(s.M, level);
        int p = RecursiveMultiplier<T>.Pow(s.P, level);
        var rng = new GaussianSource(seed ^ (ulong)level * 0x9E3779B97F4A7C15UL ^ 0x5851F42D4C957F2DUL);
        var a = Draw<T>(rng, n * m);
        var b = Draw<T>(rng, m * p);
        var c = multiplier.Multiply(a, b, level);
        var factor = T.CreateChecked(BigInteger.Pow(scale, level));
        var expected = Naive(a, b, n, m, p);
        int mismatches = 0;
        for (int i = 0; i < c.Length; i++)
            if (c[i] != factor * expected[i]) mismatches++;
        return new ExactTransferRow(level, n, m, p, mismatches == 0, mismatches, arithmetic);
    }

    private static T[] To<T>(BigInteger[] values) where T : struct, IBinaryInteger<T> =>
        values.Select(T.CreateChecked).ToArray();

    private static T[] Draw<T>(GaussianSource rng, int count) where T : struct, IBinaryInteger<T>
    {
        var values = new T[count];
        for (int i = 0; i < count; i++)
            values[i] = T.CreateChecked((int)(rng.NextULong() % (2 * InputBound + 1)) - InputBound);
        return values;
    }

    private static T[] Naive<T>(T[] a, T[] b, int n, int m, int p) where T : struct, IBinaryInteger<T>
    {
        var c = new T[n * p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                var aij = a[i * m + j];
                for (int k = 0; k < p; k++) c[i * p + k] += aij * b[j * p + k];
            }
        return c;
    }
}
