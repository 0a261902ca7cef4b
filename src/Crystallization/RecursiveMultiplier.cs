using System.Numerics;

namespace StrassenRepro.Crystallization;

/// <summary>
/// Applies a scheme's own coefficients at every level of a block recursion, down to scalars:
/// A (n^k x m^k) is split into n x m blocks, each product M_r = (sum_x U[r,x] A_x)(sum_y V[r,y] B_y)
/// is computed by the same scheme one level down, and C_z = sum_r W[z,r] M_r.
/// Matrices are held in a block-recursive layout, so every block at every level is contiguous. T is a float type
/// for the measured transfer, or an integer type (long, Int128, BigInteger) for the exact one.
/// </summary>
public sealed class RecursiveMultiplier<T> where T : struct, INumber<T>
{
    private readonly Shape _shape;
    private readonly (int Index, T Value)[][] _u;
    private readonly (int Index, T Value)[][] _v;
    private readonly (int Slot, T Value)[][] _w; // per C entry z: the slots r with W[z,r] != 0
    private readonly (int Z, T Value)[][] _wBySlot; // per slot r: the C entries z with W[z,r] != 0
    private readonly int _rank;

    /// <summary>The scheme's doubles, converted to T (a float type: the measured transfer).</summary>
    public RecursiveMultiplier(Scheme scheme)
        : this(scheme.Shape, scheme.Rank, Convert(scheme.UFlat), Convert(scheme.VFlat), Convert(scheme.WFlat))
    {
    }

    /// <param name="u">R x n*m, row-major, as Scheme.</param>
    /// <param name="v">R x m*p, row-major.</param>
    /// <param name="w">n*p x R, row-major.</param>
    public RecursiveMultiplier(Shape shape, int rank, T[] u, T[] v, T[] w)
    {
        if (u.Length != rank * shape.ASize || v.Length != rank * shape.BSize || w.Length != rank * shape.CSize)
            throw new ArgumentException($"U, V, W have {u.Length}, {v.Length}, {w.Length} coefficients, not those of {shape} rank {rank}");
        _shape = shape;
        _rank = rank;
        _u = Enumerable.Range(0, rank).Select(r => NonZeros(u.AsSpan(r * shape.ASize, shape.ASize))).ToArray();
        _v = Enumerable.Range(0, rank).Select(r => NonZeros(v.AsSpan(r * shape.BSize, shape.BSize))).ToArray();
        _w = Enumerable.Range(0, shape.CSize)
            .Select(z => NonZeros(w.AsSpan(z * rank, rank)))
            .ToArray();
        _wBySlot = Enumerable.Range(0, rank)
            .Select(r => NonZeros(Enumerable.Range(0, shape.CSize).Select(z => w[z * rank + r]).ToArray()))
            .ToArray();
    }

    private static T[] Convert(ReadOnlySpan<double> values)
    {
        var result = new T[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = T.CreateChecked(values[i]);
        return result;
    }

    private static (int, T)[] NonZeros(ReadOnlySpan<T> row)
    {
        var list = new List<(int, T)>();
        for (int i = 0; i < row.Length; i++)
            if (!T.IsZero(row[i])) list.Add((i, row[i]));
        return list.ToArray();
    }

    /// <summary>C = A B for A (n^k x m^k), B (m^k x p^k), row-major in and out.</summary>
    public T[] Multiply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, int levels)
    {
        if (levels < 1) throw new ArgumentOutOfRangeException(nameof(levels), "at least one level");
        var s = _shape;
        int rowsA = Pow(s.N, levels), colsA = Pow(s.M, levels), colsB = Pow(s.P, levels);
        if (a.Length != rowsA * colsA || b.Length != colsA * colsB)
            throw new ArgumentException("matrix sizes do not match the scheme's shape at this level");
        var ar = ToRecursive(a, s.N, s.M, levels);
        var br = ToRecursive(b, s.M, s.P, levels);
        var cr = new T[rowsA * colsB];
        var workspace = new Workspace(s, _rank, levels);
        MultiplyRecursive(ar, br, cr, levels, workspace);
        return FromRecursive(cr, s.N, s.P, levels);
    }

    private sealed class Workspace
    {
        public readonly T[][] S, Tb, M;

        /// <summary>The R slot products of one base-case multiplication.</summary>
        public readonly T[] Products;

        public Workspace(Shape s, int rank, int levels)
        {
            Products = new T[rank];
            S = new T[levels + 1][];
            Tb = new T[levels + 1][];
            M = new T[levels + 1][];
            for (int k = 1; k <= levels; k++)
            {
                S[k] = new T[Pow(s.ASize, k - 1)];
                Tb[k] = new T[Pow(s.BSize, k - 1)];
                M[k] = new T[Pow(s.CSize, k - 1)];
            }
        }
    }

    private void MultiplyRecursive(Span<T> a, Span<T> b, Span<T> c, int level, Workspace ws)
    {
        if (level == 1)
        {
            Base(a, b, c, ws.Products);
            return;
        }
        int aBlock = a.Length / _shape.ASize, bBlock = b.Length / _shape.BSize, cBlock = c.Length / _shape.CSize;
        var sBuf = ws.S[level].AsSpan();
        var tBuf = ws.Tb[level].AsSpan();
        var mBuf = ws.M[level].AsSpan();
        c.Clear();
        for (int r = 0; r < _rank; r++)
        {
            Combine(a, aBlock, _u[r], sBuf);
            Combine(b, bBlock, _v[r], tBuf);
            MultiplyRecursive(sBuf, tBuf, mBuf, level - 1, ws);
            foreach (var (z, coef) in _wBySlot[r]) AddScaled(c.Slice(z * cBlock, cBlock), coef, mBuf);
        }
    }

    private static void Combine(Span<T> source, int block, (int Index, T Value)[] terms, Span<T> target)
    {
        target.Clear();
        foreach (var (index, coef) in terms) AddScaled(target, coef, source.Slice(index * block, block));
    }

    private static void AddScaled(Span<T> target, T coef, ReadOnlySpan<T> source)
    {
        int i = 0;
        // Stryker disable once all : equivalent, see mutation/equivalent-mutants.md
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported && target.Length >= Vector<T>.Count)
        {
            var vc = new Vector<T>(coef);
            var tv = System.Runtime.InteropServices.MemoryMarshal.Cast<T, Vector<T>>(target);
            var sv = System.Runtime.InteropServices.MemoryMarshal.Cast<T, Vector<T>>(source);
            for (int j = 0; j < tv.Length; j++) tv[j] += vc * sv[j];
            i = tv.Length * Vector<T>.Count;
        }
        for (; i < target.Length; i++) target[i] += coef * source[i];
    }

    private void Base(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, Span<T> m)
    {
        for (int r = 0; r < _rank; r++)
        {
            T s = T.Zero, t = T.Zero;
            foreach (var (x, coef) in _u[r]) s += coef * a[x];
            foreach (var (y, coef) in _v[r]) t += coef * b[y];
            m[r] = s * t;
        }
        for (int z = 0; z < _w.Length; z++)
        {
            T sum = T.Zero;
            foreach (var (slot, coef) in _w[z]) sum += coef * m[slot];
            c[z] = sum;
        }
    }

    internal static int Pow(int b, int e)
    {
        long r = 1;
        for (int i = 0; i < e; i++) r *= b;
        if (r > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(e), "size too large");
        return (int)r;
    }

    /// <summary>Position of element (row, col) in the block-recursive layout with r x c blocks.</summary>
    private static int RecursiveIndex(int row, int col, int r, int c, int levels)
    {
        int pos = 0;
        int rowDiv = Pow(r, levels - 1), colDiv = Pow(c, levels - 1);
        for (int l = 0; l < levels; l++)
        {
            int i = row / rowDiv % r, j = col / colDiv % c;
            pos = pos * (r * c) + i * c + j;
            rowDiv /= r;
            colDiv /= c;
        }
        return pos;
    }

    private static T[] ToRecursive(ReadOnlySpan<T> m, int r, int c, int levels)
    {
        int rows = Pow(r, levels), cols = Pow(c, levels);
        var result = new T[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                result[RecursiveIndex(i, j, r, c, levels)] = m[i * cols + j];
        return result;
    }

    private static T[] FromRecursive(ReadOnlySpan<T> m, int r, int c, int levels)
    {
        int rows = Pow(r, levels), cols = Pow(c, levels);
        var result = new T[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                result[i * cols + j] = m[RecursiveIndex(i, j, r, c, levels)];
        return result;
    }
}
