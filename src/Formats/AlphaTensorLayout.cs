using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// AlphaTensor's factorization layout for square shapes: an array (3, d, R) with u = [0] (n*m x R),
/// v = [1] (m*p x R), w = [2] (p*n x R), where w indexes C transposed: w row k*n + i is C[i,k].
/// Rectangular shapes are object arrays of three such matrices (u, v, w), the shape named by the key "n,m,p".
/// </summary>
public static class AlphaTensorLayout
{
    public static bool Matches(NpyArray a) => a.Rank == 3 && a.Shape[0] == 3 && IsSquareSide(a.Shape[1], out _);

    /// <summary>The layout name reported for AlphaTensor files (see CheckpointLayout): slots last, C transposed.</summary>
    public const string LayoutName = "lll-rrc";

    public static Scheme ToScheme(NpyArray a, string name, string? key = null)
    {
        if (a.IsObjectArray) return FromFactors(a, name, key);
        if (a.Rank != 3 || a.Shape[0] != 3)
            throw new SchemeFormatException($"{name}: expected an AlphaTensor factorization of shape (3, d, R), got ({string.Join(", ", a.Shape)})");
        int d = a.Shape[1], rank = a.Shape[2];
        if (!IsSquareSide(d, out int n))
            throw new SchemeFormatException($"{name}: d = {d} is not a square, so this is not a square-shape factorization");
        var shape = Shape.Validated(n, n, n);
        var u = new double[rank * d];
        var v = new double[rank * d];
        var w = new double[d * rank];
        for (int r = 0; r < rank; r++)
            for (int x = 0; x < d; x++)
            {
                u[r * d + x] = a[0, x, r];
                v[r * d + x] = a[1, x, r];
            }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                for (int r = 0; r < rank; r++)
                    w[shape.CIndex(i, k) * rank + r] = a[2, k * n + i, r];
        return new Scheme(shape, rank, u, v, w);
    }

    /// <summary>An object array (u, v, w): u (n*m x R), v (m*p x R), w (p*n x R); shape from the key or the sizes.</summary>
    private static Scheme FromFactors(NpyArray a, string name, string? key)
    {
        var items = a.Items!;
        if (items.Count != 3 || items.Any(x => x.Rank != 2))
            throw new SchemeFormatException($"{name}: expected an object array of three matrices u, v, w");
        var (u, v, w) = (items[0], items[1], items[2]);
        int rank = u.Shape[1];
        if (v.Shape[1] != rank || w.Shape[1] != rank)
            throw new SchemeFormatException($"{name}: u, v, w have {u.Shape[1]}, {v.Shape[1]}, {w.Shape[1]} columns (ranks), not one rank");
        var shape = ShapeOf(key, u.Shape[0], v.Shape[0], w.Shape[0], name);
        int n = shape.N, m = shape.M, p = shape.P;
        var uu = new double[rank * shape.ASize];
        var vv = new double[rank * shape.BSize];
        var ww = new double[shape.CSize * rank];
        for (int r = 0; r < rank; r++)
        {
            for (int x = 0; x < shape.ASize; x++) uu[r * shape.ASize + x] = u[x, r];
            for (int y = 0; y < shape.BSize; y++) vv[r * shape.BSize + y] = v[y, r];
        }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < p; k++)
                for (int r = 0; r < rank; r++)
                    ww[shape.CIndex(i, k) * rank + r] = w[k * n + i, r];
        return new Scheme(shape, rank, uu, vv, ww);
    }

    /// <summary>&lt;n,m,p&gt; from the key "n,m,p" when it parses, else solved from n*m, m*p, p*n; either way checked.</summary>
    private static Shape ShapeOf(string? key, int nm, int mp, int pn, string name)
    {
        int n, m, p;
        var parts = key?.Split(',', StringSplitOptions.TrimEntries);
        if (parts is { Length: 3 } && int.TryParse(parts[0], out n) && int.TryParse(parts[1], out m) && int.TryParse(parts[2], out p)) { }
        else
        {
            double nmp = Math.Sqrt((double)nm * mp * pn);
            n = mp == 0 ? 0 : (int)Math.Round(nmp / mp);
            m = pn == 0 ? 0 : (int)Math.Round(nmp / pn);
            p = nm == 0 ? 0 : (int)Math.Round(nmp / nm);
        }
        var shape = Shape.Validated(n, m, p);
        if (shape.ASize != nm || shape.BSize != mp || shape.CSize != pn)
            throw new SchemeFormatException($"{name}: u, v, w have {nm}, {mp}, {pn} rows, which do not fit shape {shape}");
        return shape;
    }

    /// <summary>The inverse: our scheme as an AlphaTensor (3, d, R) array, C order.</summary>
    public static double[] FromScheme(Scheme s)
    {
        if (!s.Shape.IsSquare) throw new ArgumentException("AlphaTensor's plain layout is for square shapes");
        int n = s.Shape.N, d = n * n, rank = s.Rank;
        var data = new double[3 * d * rank];
        for (int r = 0; r < rank; r++)
            for (int x = 0; x < d; x++)
            {
                data[x * rank + r] = s.U(r, x); // block 0 (u): (0 * d + x) * rank + r
                data[(1 * d + x) * rank + r] = s.V(r, x);
            }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                for (int r = 0; r < rank; r++)
                    data[(2 * d + k * n + i) * rank + r] = s.W(s.Shape.CIndex(i, k), r);
        return data;
    }

    private static bool IsSquareSide(int d, out int n)
    {
        n = (int)Math.Round(Math.Sqrt(d));
        return n >= 1 && n * n == d;
    }
}
