using StrassenRepro.Crystallization.RandomStreams;
namespace StrassenRepro.Crystallization;

/// <summary>
/// Zero-shot transfer with the scheme's own coefficients at every level (not hard-coded Strassen above
/// a learned base). Inputs are N(0,1) from a fixed seed, rounded to float32 so that the float32 and
/// float64 runs multiply exactly the same matrices. Relative error is normwise:
/// max |C_hat - C| / max |C|.
/// </summary>
public static class TransferTest
{
    public const ulong DefaultSeed = 20260101;

    /// <summary>An exact scheme leaves only rounding error: float64 relative error below this passes.</summary>
    public const double PassRelativeErrorF64 = 1e-9;

    /// <summary>The paper's stated criterion: max abs error &lt; 1e-5 (it reports float32 numbers).</summary>
    public const double PaperCriterion = 1e-5;

    /// <summary>
    /// Largest side of a transferred matrix. Strassen at 1024 takes about 9 s per size (both precisions and
    /// the reference, 2 cores); 4096 would take many minutes, so larger sizes are refused, not run.
    /// </summary>
    public const int MaxSize = 1024;

    /// <summary>Most scalar products R^k one transferred product may need (2^30: naive rank 8 at 1024).</summary>
    public const double MaxScalarProducts = 1 << 30;

    /// <summary>Levels 1..K with max(n,m,p)^K at most maxSize (at least level 1).</summary>
    public static int[] DefaultLevels(Shape s, int maxSize = 64)
    {
        int b = Math.Max(s.N, Math.Max(s.M, s.P));
        var levels = new List<int> { 1 };
        if (b < 2) return levels.ToArray();
        long size = b * (long)b;
        for (int k = 2; size <= maxSize; k++, size *= b) levels.Add(k);
        return levels.ToArray();
    }

    /// <summary>Converts sizes (rows of A, n^k) to levels k; throws for a size that is not a power of n.</summary>
    public static int[] LevelsForSizes(Shape s, IEnumerable<int> sizes)
    {
        int b = s.N > 1 ? s.N : Math.Max(s.M, s.P);
        var levels = new List<int>();
        foreach (int size in sizes)
        {
            int k = 0;
            long v = 1;
            while (v < size && b > 1) { v *= b; k++; }
            if (v != size || k < 1)
                throw new SchemeFormatException($"size {size} is not a power of {b} (>= {b}) for shape {s}");
            double side = Math.Pow(Math.Max(s.N, Math.Max(s.M, s.P)), k);
            if (side > MaxSize)
                throw new SchemeFormatException(
                    $"size {size}: the transfer would multiply {side}-sided matrices, over the cap of {MaxSize}");
            levels.Add(k);
        }
        return levels.ToArray();
    }

    public static IReadOnlyList<TransferRow> Run(Scheme scheme, IEnumerable<int> levels, ulong seed = DefaultSeed)
    {
        var f32 = new RecursiveMultiplier<float>(scheme);
        var f64 = new RecursiveMultiplier<double>(scheme);
        var rows = new List<TransferRow>();
        foreach (int level in levels)
        {
            if (!WithinProductCap(scheme.Rank, level))
                throw new SchemeFormatException($"transfer at level {level}: {scheme.Rank}^{level} scalar products, " +
                                                $"over the cap of {MaxScalarProducts:0}; choose smaller --sizes");
            var s = scheme.Shape;
            int n = RecursiveMultiplier<double>.Pow(s.N, level);
            int m = RecursiveMultiplier<double>.Pow(s.M, level);
            int p = RecursiveMultiplier<double>.Pow(s.P, level);
            var rng = new GaussianSource(seed ^ (ulong)level * 0x9E3779B97F4A7C15UL);
            var a = rng.NextFloat32Values(n * m);
            var b = rng.NextFloat32Values(m * p);
            var reference = NaiveProduct(a, b, n, m, p);
            var c64 = f64.Multiply(a, b, level);
            var c32 = f32.Multiply(a.Select(x => (float)x).ToArray(), b.Select(x => (float)x).ToArray(), level);
            double scale = MaxAbs(reference);
            double abs64 = MaxAbsDiff(c64, reference);
            double abs32 = MaxAbsDiff(c32.Select(x => (double)x).ToArray(), reference);
            double rel64 = RelativeError(abs64, scale);
            double rel32 = RelativeError(abs32, scale);
            rows.Add(new TransferRow(level, n, m, p, abs32, rel32, abs64, rel64,
                Pass: PassesF64(rel64), PaperCriterionF32: MeetsPaperCriterion(abs32)));
        }
        return rows;
    }

    /// <summary>R^k, the scalar products of one transferred product, is at most MaxScalarProducts.</summary>
    public static bool WithinProductCap(int rank, int level) => Math.Pow(rank, level) <= MaxScalarProducts;

    /// <summary>Normwise relative error max|C_hat - C| / max|C|; the absolute error itself when C is all zero.</summary>
    public static double RelativeError(double maxAbsError, double referenceScale) =>
        referenceScale > 0 ? maxAbsError / referenceScale : maxAbsError;

    /// <summary>The pass criterion of a float64 run: relative error at most PassRelativeErrorF64.</summary>
    public static bool PassesF64(double relativeErrorF64) => relativeErrorF64 <= PassRelativeErrorF64;

    /// <summary>The paper's criterion on a float32 run: max abs error strictly below PaperCriterion.</summary>
    public static bool MeetsPaperCriterion(double maxAbsErrorF32) => maxAbsErrorF32 < PaperCriterion;

    /// <summary>The float64 reference product, i-k-j order.</summary>
    public static double[] NaiveProduct(double[] a, double[] b, int n, int m, int p)
    {
        var c = new double[n * p];
        for (int i = 0; i < n; i++)
        {
            var row = c.AsSpan(i * p, p);
            for (int j = 0; j < m; j++)
            {
                double aij = a[i * m + j];
                var bRow = b.AsSpan(j * p, p);
                for (int k = 0; k < p; k++) row[k] += aij * bRow[k];
            }
        }
        return c;
    }

    private static double MaxAbs(double[] values)
    {
        double m = 0;
        foreach (var x in values) m = Math.Max(m, Math.Abs(x));
        return m;
    }

    private static double MaxAbsDiff(double[] x, double[] y)
    {
        double m = 0;
        for (int i = 0; i < x.Length; i++) m = Math.Max(m, Math.Abs(x[i] - y[i]));
        return m;
    }
}
