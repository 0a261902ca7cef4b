namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// The three factors of a scheme being solved slot-major (U: R x nm, V: R x mp, W: R x np), with coefficients fixed
/// on the integer grid, and the per-factor least-squares update of alternating least squares: with two factors
/// held, the Brent equations are linear in the third and split by its columns into R x R systems (the Hadamard
/// product of the two held Gram matrices), so no system ever spans the whole scheme.
/// </summary>
public sealed class AlternatingFactors
{
    private readonly (int X, int Y, int Z)[] _ones;
    private readonly int[][] _index;
    private readonly double[][] _f;
    private readonly bool[][] _fixed;

    public Shape Shape { get; }
    public int Rank { get; }

    /// <summary>Columns of each factor: nm, mp, np.</summary>
    public int Width(int factor) => factor switch { 0 => Shape.ASize, 1 => Shape.BSize, _ => Shape.CSize };

    private AlternatingFactors(Shape shape, int rank, double[][] factors)
    {
        Shape = shape;
        Rank = rank;
        _f = factors;
        _fixed = [.. factors.Select(x => new bool[x.Length])];
        _ones = [.. Ones(shape)];
        _index = [[.. _ones.Select(o => o.X)], [.. _ones.Select(o => o.Y)], [.. _ones.Select(o => o.Z)]];
    }

    /// <summary>The nonzeros of the matrix-multiplication tensor: ((i,j), (j,k), (i,k)).</summary>
    private static IEnumerable<(int, int, int)> Ones(Shape s)
    {
        for (int i = 0; i < s.N; i++)
            for (int j = 0; j < s.M; j++)
                for (int k = 0; k < s.P; k++)
                    yield return (s.AIndex(i, j), s.BIndex(j, k), s.CIndex(i, k));
    }

    /// <summary>Independent normal coefficients of the given spread, from the source.</summary>
    public static AlternatingFactors Random(Shape shape, int rank, double scale, RandomStreams.GaussianSource random)
    {
        var f = new double[3][];
        for (int k = 0; k < 3; k++)
        {
            int width = k switch { 0 => shape.ASize, 1 => shape.BSize, _ => shape.CSize };
            f[k] = new double[rank * width];
            for (int i = 0; i < f[k].Length; i++) f[k][i] = scale * random.NextGaussian();
        }
        return new AlternatingFactors(shape, rank, f);
    }

    public static AlternatingFactors Of(Scheme s)
    {
        var w = new double[s.Rank * s.Shape.CSize];
        for (int r = 0; r < s.Rank; r++)
            for (int z = 0; z < s.Shape.CSize; z++) w[r * s.Shape.CSize + z] = s.W(z, r);
        return new AlternatingFactors(s.Shape, s.Rank, [s.UFlat.ToArray(), s.VFlat.ToArray(), w]);
    }

    public double this[int factor, int r, int column] => _f[factor][r * Width(factor) + column];

    public bool IsFixed(int factor, int r, int column) => _fixed[factor][r * Width(factor) + column];

    public int FixedCount => _fixed.Sum(x => x.Count(b => b));

    public int CoefficientCount => _f.Sum(x => x.Length);

    /// <summary>
    /// Re-solves one factor with the other two held: for each column, min ||T - [[U,V,W]]||^2 + ridge ||x||^2 +
    /// prox ||x - x_old||^2 + pull ||x - grid(x_old)||^2 over its free coefficients (fixed ones stay). A column whose
    /// system is not positive definite keeps its values. grid rounds to the nearest integer within maxMagnitude.
    /// </summary>
    public void Update(int factor, double ridge, double prox, double pull, int maxMagnitude)
    {
        int g = (factor + 1) % 3, h = (factor + 2) % 3;
        var gram = Hadamard(Gram(g), Gram(h));
        int width = Width(factor), R = Rank;
        var rhs = new double[R * width];
        int wg = Width(g), wh = Width(h);
        var (fi, gi, hi) = (_index[factor], _index[g], _index[h]);
        var (fg, fh) = (_f[g], _f[h]);
        for (int t = 0; t < fi.Length; t++)
            for (int r = 0; r < R; r++)
                rhs[r * width + fi[t]] += fg[r * wg + gi[t]] * fh[r * wh + hi[t]];
        var x0 = _f[factor];
        var mask = _fixed[factor];
        var free = new List<int>(R);
        for (int c = 0; c < width; c++)
        {
            free.Clear();
            for (int r = 0; r < R; r++) if (!mask[r * width + c]) free.Add(r);
            int k = free.Count;
            if (k == 0) continue;
            var a = new double[k * k];
            var b = new double[k];
            for (int p = 0; p < k; p++)
            {
                int r = free[p];
                double old = x0[r * width + c];
                double s = rhs[r * width + c] + prox * old + pull * Grid(old, maxMagnitude);
                for (int q = 0; q < R; q++)
                    if (mask[q * width + c]) s -= gram[r * R + q] * x0[q * width + c];
                b[p] = s;
                for (int q = 0; q < k; q++) a[p * k + q] = gram[r * R + free[q]];
                a[p * k + p] += ridge + prox + pull;
            }
            if (Cholesky.Solve(a, k, b) is not { } sol) continue;
            for (int p = 0; p < k; p++) x0[free[p] * width + c] = sol[p];
        }
    }

    /// <summary>The nearest integer of magnitude at most maxMagnitude.</summary>
    public static double Grid(double x, int maxMagnitude) => Math.Clamp(Math.Round(x), -maxMagnitude, maxMagnitude);

    /// <summary>
    /// Fixes the free coefficients within tolerance of their grid values to those values, nearest first, at most limit
    /// of them (0: all); returns how many.
    /// </summary>
    public int FixNearGrid(double tolerance, int maxMagnitude, int limit = 0)
    {
        var near = new List<(double Distance, int Factor, int Index)>();
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < _f[k].Length; i++)
            {
                if (_fixed[k][i]) continue;
                double d = Math.Abs(_f[k][i] - Grid(_f[k][i], maxMagnitude));
                if (d <= tolerance) near.Add((d, k, i));
            }
        var chosen = near.OrderBy(x => x.Distance).ThenBy(x => x.Factor).ThenBy(x => x.Index);
        int n = 0;
        foreach (var (_, k, i) in limit > 0 ? chosen.Take(limit) : chosen)
        {
            _f[k][i] = Grid(_f[k][i], maxMagnitude);
            _fixed[k][i] = true;
            n++;
        }
        return n;
    }

    /// <summary>The largest distance of a coefficient from its grid value.</summary>
    public double GridDistance(int maxMagnitude) =>
        _f.SelectMany(x => x).Select(x => Math.Abs(x - Grid(x, maxMagnitude))).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Rescales each slot so that its three factors have equal norms (the product is unchanged): ALS's scaling
    /// freedom otherwise lets one factor grow while another shrinks, and the grid pull is not scale-free.
    /// </summary>
    public void Balance()
    {
        for (int r = 0; r < Rank; r++)
        {
            if (Enumerable.Range(0, 3).Any(k => FixedIn(k, r))) continue;
            var norms = Enumerable.Range(0, 3).Select(k => Math.Sqrt(SlotDot(k, r, k, r))).ToArray();
            if (norms.Any(x => x == 0 || !double.IsFinite(x))) continue;
            double mean = Math.Cbrt(norms[0] * norms[1] * norms[2]);
            for (int k = 0; k < 3; k++)
            {
                int w = Width(k);
                double s = mean / norms[k];
                for (int c = 0; c < w; c++) _f[k][r * w + c] *= s;
            }
        }
    }

    private bool FixedIn(int k, int r)
    {
        int w = Width(k);
        for (int c = 0; c < w; c++) if (_fixed[k][r * w + c]) return true;
        return false;
    }

    private double SlotDot(int k, int r, int k2, int s)
    {
        int w = Width(k);
        double d = 0;
        for (int c = 0; c < w; c++) d += _f[k][r * w + c] * _f[k2][s * w + c];
        return d;
    }

    private double[] Gram(int k)
    {
        int R = Rank;
        var g = new double[R * R];
        for (int r = 0; r < R; r++)
            for (int s = 0; s <= r; s++)
                g[r * R + s] = g[s * R + r] = SlotDot(k, r, k, s);
        return g;
    }

    private static double[] Hadamard(double[] a, double[] b)
    {
        var c = new double[a.Length];
        for (int i = 0; i < a.Length; i++) c[i] = a[i] * b[i];
        return c;
    }

    /// <summary>The Brent residual T - [[U,V,W]] as (squared Frobenius norm, largest magnitude).</summary>
    public (double SquaredNorm, double Max) Residual()
    {
        int A = Shape.ASize, B = Shape.BSize, C = Shape.CSize, R = Rank;
        var e = new double[A * B * C];
        foreach (var (x, y, z) in _ones) e[(x * B + y) * C + z] = 1;
        var u = _f[0];
        var v = _f[1];
        var w = _f[2];
        for (int r = 0; r < R; r++)
            for (int x = 0; x < A; x++)
            {
                double ux = u[r * A + x];
                if (ux == 0) continue;
                for (int y = 0; y < B; y++)
                {
                    double uv = ux * v[r * B + y];
                    if (uv == 0) continue;
                    int at = (x * B + y) * C;
                    for (int z = 0; z < C; z++) e[at + z] -= uv * w[r * C + z];
                }
            }
        double sq = 0, max = 0;
        foreach (var d in e)
        {
            sq += d * d;
            max = Math.Max(max, Math.Abs(d));
        }
        return (double.IsFinite(sq) ? sq : double.PositiveInfinity, double.IsFinite(sq) ? max : double.PositiveInfinity);
    }

    /// <summary>Every coefficient finite.</summary>
    public bool IsFinite => _f.All(x => x.All(double.IsFinite));

    /// <summary>The scheme of the current values, or of their grid values (rounded).</summary>
    public Scheme ToScheme(bool rounded = false, int maxMagnitude = int.MaxValue)
    {
        double Map(double x) => rounded ? Grid(x, maxMagnitude) : x;
        int C = Shape.CSize;
        var w = new double[C * Rank];
        for (int r = 0; r < Rank; r++)
            for (int z = 0; z < C; z++) w[z * Rank + r] = Map(_f[2][r * C + z]);
        return new Scheme(Shape, Rank, _f[0].Select(Map).ToArray(), _f[1].Select(Map).ToArray(), w);
    }
}
