namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// The Brent equations of &lt;n,m,p;R&gt; as a nonlinear least-squares problem over the coefficient vector
/// x = [U (R x nm) | V (R x mp) | W (np x R)], all row-major as in Scheme: the residual
/// e[x,y,z] = sum_r U[r,x] V[r,y] W[z,r] - T[x,y,z], and the Gauss-Newton normal equations J^T J, J^T e.
/// </summary>
/// <remarks>
/// J^T J is never formed from J: with the Gram matrices GU = U U^T, GV = V V^T, GW = W^T W (R x R), each
/// entry is a product of at most three numbers (the CP-decomposition structure), e.g. the (U[r,x], U[s,x])
/// entry is GV[r,s] GW[r,s] and the (U[r,x], V[s,y]) entry is V[r,y] U[s,x] GW[r,s]. That makes an
/// iteration cost O(free^2 + free^3 / 6) instead of O(equations x free^2).
/// </remarks>
public sealed class BrentSystem
{
    private readonly int[] _target;

    public Shape Shape { get; }
    public int Rank { get; }

    /// <summary>R n m + R m p + n p R.</summary>
    public int VariableCount { get; }

    /// <summary>(nm)(mp)(np) equations.</summary>
    public int EquationCount { get; }

    private int Nx => Shape.ASize;
    private int Ny => Shape.BSize;
    private int Nz => Shape.CSize;
    private int VOffset => Rank * Nx;
    private int WOffset => Rank * (Nx + Ny);

    public BrentSystem(Shape shape, int rank)
    {
        if (rank < 1) throw new ArgumentOutOfRangeException(nameof(rank), $"rank {rank} is not positive");
        Shape = shape;
        Rank = rank;
        VariableCount = rank * (shape.ASize + shape.BSize + shape.CSize);
        EquationCount = shape.ASize * shape.BSize * shape.CSize;
        _target = new int[EquationCount];
        for (int x = 0; x < Nx; x++)
            for (int y = 0; y < Ny; y++)
                for (int z = 0; z < Nz; z++)
                    _target[(x * Ny + y) * Nz + z] = MatMulTensor.Entry(shape, x, y, z);
    }

    /// <summary>The coefficient vector of a scheme of this shape and rank.</summary>
    public double[] Pack(Scheme s)
    {
        if (s.Shape != Shape || s.Rank != Rank)
            throw new ArgumentException($"{s} is not {Shape} rank {Rank}", nameof(s));
        return [.. s.UFlat, .. s.VFlat, .. s.WFlat];
    }

    /// <summary>The scheme of a coefficient vector (throws SchemeFormatException for non-finite entries).</summary>
    public Scheme Unpack(ReadOnlySpan<double> x) =>
        new(Shape, Rank, x[..VOffset], x[VOffset..WOffset], x[WOffset..]);

    /// <summary>e[(x ny + y) nz + z] = sum_r U[r,x] V[r,y] W[z,r] - T[x,y,z].</summary>
    public double[] Residual(ReadOnlySpan<double> c)
    {
        var e = new double[EquationCount];
        for (int r = 0; r < Rank; r++)
            for (int x = 0; x < Nx; x++)
            {
                double u = c[r * Nx + x];
                for (int y = 0; y < Ny; y++)
                {
                    double uv = u * c[VOffset + r * Ny + y];
                    int row = (x * Ny + y) * Nz;
                    for (int z = 0; z < Nz; z++) e[row + z] += uv * c[WOffset + z * Rank + r];
                }
            }
        for (int i = 0; i < e.Length; i++) e[i] -= _target[i];
        return e;
    }

    /// <summary>
    /// J^T J (free x free, row-major) and J^T e (free) restricted to the given variable indices, for the
    /// coefficients c and their residual e.
    /// </summary>
    public (double[] Normal, double[] Gradient) NormalEquations(ReadOnlySpan<double> c, ReadOnlySpan<double> e,
        IReadOnlyList<int> free)
    {
        var gu = Gram(c, 0, Nx, rowMajorSlots: true);
        var gv = Gram(c, VOffset, Ny, rowMajorSlots: true);
        var gw = Gram(c, WOffset, Nz, rowMajorSlots: false);
        var full = FullGradient(c, e);
        int k = free.Count;
        var normal = new double[k * k];
        var gradient = new double[k];
        var decoded = free.Select(Decode).ToArray();
        for (int i = 0; i < k; i++)
        {
            gradient[i] = full[free[i]];
            for (int j = 0; j <= i; j++)
            {
                double v = Entry(c, decoded[i], decoded[j], gu, gv, gw);
                normal[i * k + j] = v;
                normal[j * k + i] = v;
            }
        }
        return (normal, gradient);
    }

    /// <summary>Which factor (0 U, 1 V, 2 W) a variable belongs to, its slot and its index within the slot.</summary>
    internal readonly record struct Variable(int Factor, int Slot, int Index);

    internal Variable Decode(int i)
    {
        if (i < VOffset) return new Variable(0, i / Nx, i % Nx);
        if (i < WOffset) return new Variable(1, (i - VOffset) / Ny, (i - VOffset) % Ny);
        return new Variable(2, (i - WOffset) % Rank, (i - WOffset) / Rank);
    }

    private double U(ReadOnlySpan<double> c, int r, int x) => c[r * Nx + x];
    private double V(ReadOnlySpan<double> c, int r, int y) => c[VOffset + r * Ny + y];
    private double W(ReadOnlySpan<double> c, int z, int r) => c[WOffset + z * Rank + r];

    private double Entry(ReadOnlySpan<double> c, Variable a, Variable b, double[] gu, double[] gv, double[] gw)
    {
        // Order the pair so that a.Factor <= b.Factor; J^T J is symmetric.
        if (a.Factor > b.Factor) (a, b) = (b, a);
        int r = a.Slot, s = b.Slot, rs = r * Rank + s;
        return (a.Factor, b.Factor) switch
        {
            (0, 0) => a.Index == b.Index ? gv[rs] * gw[rs] : 0,
            (1, 1) => a.Index == b.Index ? gu[rs] * gw[rs] : 0,
            (2, 2) => a.Index == b.Index ? gu[rs] * gv[rs] : 0,
            (0, 1) => V(c, r, b.Index) * U(c, s, a.Index) * gw[rs],
            (0, 2) => W(c, b.Index, r) * U(c, s, a.Index) * gv[rs],
            _ => W(c, b.Index, r) * V(c, s, a.Index) * gu[rs],
        };
    }

    /// <summary>G[r,s] = sum_i F[r,i] F[s,i] over one factor's R slot vectors of length `width`.</summary>
    private double[] Gram(ReadOnlySpan<double> c, int offset, int width, bool rowMajorSlots)
    {
        var g = new double[Rank * Rank];
        for (int r = 0; r < Rank; r++)
            for (int s = 0; s <= r; s++)
            {
                double sum = 0;
                for (int i = 0; i < width; i++)
                    sum += rowMajorSlots
                        ? c[offset + r * width + i] * c[offset + s * width + i]
                        : c[offset + i * Rank + r] * c[offset + i * Rank + s];
                g[r * Rank + s] = sum;
                g[s * Rank + r] = sum;
            }
        return g;
    }

    /// <summary>J^T e for every variable: dE/dU[r,x] = sum_{y,z} e[x,y,z] V[r,y] W[z,r], and so on.</summary>
    private double[] FullGradient(ReadOnlySpan<double> c, ReadOnlySpan<double> e)
    {
        var g = new double[VariableCount];
        for (int r = 0; r < Rank; r++)
            for (int x = 0; x < Nx; x++)
                for (int y = 0; y < Ny; y++)
                {
                    int row = (x * Ny + y) * Nz;
                    double u = U(c, r, x), v = V(c, r, y), ew = 0;
                    for (int z = 0; z < Nz; z++)
                    {
                        double ez = e[row + z];
                        ew += ez * W(c, z, r);
                        g[WOffset + z * Rank + r] += ez * u * v;
                    }
                    g[r * Nx + x] += ew * v;
                    g[VOffset + r * Ny + y] += ew * u;
                }
        return g;
    }
}
