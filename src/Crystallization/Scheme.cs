namespace StrassenRepro.Crystallization;

/// <summary>
/// A bilinear scheme &lt;n,m,p;R&gt;: U (R x n*m), V (R x m*p), W (n*p x R), all row-major, computing
/// c = W((U a) * (V b)) for a, b, c the row-major flattenings of A, B and C = A B.
/// Immutable; coefficients are real (double) and always finite.
/// </summary>
public sealed class Scheme
{
    private readonly double[] _u;
    private readonly double[] _v;
    private readonly double[] _w;

    public Shape Shape { get; }

    /// <summary>Number of slots (multiplications) R.</summary>
    public int Rank { get; }

    /// <param name="u">R x n*m, row-major.</param>
    /// <param name="v">R x m*p, row-major.</param>
    /// <param name="w">n*p x R, row-major.</param>
    public Scheme(Shape shape, int rank, ReadOnlySpan<double> u, ReadOnlySpan<double> v, ReadOnlySpan<double> w)
    {
        if (rank < 0) throw new SchemeFormatException($"rank {rank} is negative");
        Check(u, (long)rank * shape.ASize, "U");
        Check(v, (long)rank * shape.BSize, "V");
        Check(w, (long)rank * shape.CSize, "W");
        Shape = shape;
        Rank = rank;
        _u = u.ToArray();
        _v = v.ToArray();
        _w = w.ToArray();
    }

    private static void Check(ReadOnlySpan<double> values, long expected, string name)
    {
        if (values.Length != expected)
            throw new SchemeFormatException($"{name} has {values.Length} coefficients, expected {expected}");
        for (int i = 0; i < values.Length; i++)
            if (!double.IsFinite(values[i]))
                throw new SchemeFormatException($"{name} has a non-finite coefficient ({values[i]}) at flat index {i}");
    }

    /// <summary>Builds a scheme from jagged rows: U[r][x], V[r][y], W[z][r].</summary>
    public static Scheme FromRows(Shape shape, double[][] u, double[][] v, double[][] w)
    {
        int rank = u.Length;
        if (v.Length != rank) throw new SchemeFormatException($"U has {rank} rows but V has {v.Length}");
        if (w.Length != shape.CSize) throw new SchemeFormatException($"W has {w.Length} rows, expected {shape.CSize}");
        return new Scheme(shape, rank, Flatten(u, shape.ASize, "U"), Flatten(v, shape.BSize, "V"), Flatten(w, rank, "W"));
    }

    private static double[] Flatten(double[][] rows, int width, string name)
    {
        var flat = new double[rows.Length * width];
        for (int i = 0; i < rows.Length; i++)
        {
            if (rows[i] is null || rows[i].Length != width)
                throw new SchemeFormatException($"{name} row {i} has {rows[i]?.Length ?? 0} entries, expected {width}");
            rows[i].CopyTo(flat, i * width);
        }
        return flat;
    }

    public double U(int r, int x) => _u[r * Shape.ASize + x];
    public double V(int r, int y) => _v[r * Shape.BSize + y];
    public double W(int z, int r) => _w[z * Rank + r];

    public ReadOnlySpan<double> UFlat => _u;
    public ReadOnlySpan<double> VFlat => _v;
    public ReadOnlySpan<double> WFlat => _w;

    public ReadOnlySpan<double> URow(int r) => _u.AsSpan(r * Shape.ASize, Shape.ASize);
    public ReadOnlySpan<double> VRow(int r) => _v.AsSpan(r * Shape.BSize, Shape.BSize);

    /// <summary>Column r of W, copied (W is stored row-major).</summary>
    public double[] WColumn(int r)
    {
        var col = new double[Shape.CSize];
        for (int z = 0; z < col.Length; z++) col[z] = W(z, r);
        return col;
    }

    /// <summary>Total number of coefficients, 3 x 28 = 84 for a 2x2 rank-7 scheme.</summary>
    public int CoefficientCount => _u.Length + _v.Length + _w.Length;

    /// <summary>True when every coefficient is an integer.</summary>
    public bool IsIntegral =>
        AllIntegral(_u) && AllIntegral(_v) && AllIntegral(_w);

    private static bool AllIntegral(double[] values)
    {
        foreach (var x in values)
            if (x != Math.Floor(x)) return false;
        return true;
    }

    /// <summary>The same slots in the given order (a subset or a permutation).</summary>
    public Scheme SelectSlots(IReadOnlyList<int> slots)
    {
        int k = slots.Count;
        var u = new double[k * Shape.ASize];
        var v = new double[k * Shape.BSize];
        var w = new double[Shape.CSize * k];
        for (int s = 0; s < k; s++)
        {
            int r = slots[s];
            if (r < 0 || r >= Rank) throw new ArgumentOutOfRangeException(nameof(slots), $"slot {r} is not in 0..{Rank - 1}");
            URow(r).CopyTo(u.AsSpan(s * Shape.ASize));
            VRow(r).CopyTo(v.AsSpan(s * Shape.BSize));
            for (int z = 0; z < Shape.CSize; z++) w[z * k + s] = W(z, r);
        }
        return new Scheme(Shape, k, u, v, w);
    }

    /// <summary>Applies f to every coefficient.</summary>
    public Scheme Map(Func<double, double> f) =>
        new(Shape, Rank, _u.Select(f).ToArray(), _v.Select(f).ToArray(), _w.Select(f).ToArray());

    /// <summary>All coefficients, U then V then W.</summary>
    public IEnumerable<double> Coefficients() => _u.Concat(_v).Concat(_w);

    /// <summary>Coefficients as jagged rows, for serialisation.</summary>
    public double[][] URows() => Rows(_u, Rank, Shape.ASize);
    public double[][] VRows() => Rows(_v, Rank, Shape.BSize);
    public double[][] WRows() => Rows(_w, Shape.CSize, Rank);

    private static double[][] Rows(double[] flat, int rows, int cols) =>
        Enumerable.Range(0, rows).Select(i => flat.AsSpan(i * cols, cols).ToArray()).ToArray();

    public bool CoefficientsEqual(Scheme other) =>
        Shape == other.Shape && Rank == other.Rank &&
        _u.AsSpan().SequenceEqual(other._u) && _v.AsSpan().SequenceEqual(other._v) && _w.AsSpan().SequenceEqual(other._w);

    public override string ToString() => $"{Shape} rank {Rank}";
}
