namespace StrassenRepro.Crystallization.Orbits;

/// <summary>
/// An exact scheme as its slot matrices, in the ring it is read in: U_r (n x m, the coefficients of A), V_r
/// (m x p, of B), W_r (n x p, into C), and the moves of de Groote's symmetry group (1978) on them. With X, Y, Z
/// invertible, U_r -> X U_r Y, V_r -> Y^-1 V_r Z, W_r -> X^-T W_r Z^-T maps schemes to schemes (it is
/// A -> P A Q^-1, B -> Q B R^-1, C -> P C R^-1 with P = X^-T, Q = Y^T, R = Z^T); so do reordering and scaling
/// slots (a U, b V, W / (a b)), transposition (C^T = B^T A^T: &lt;n,m,p&gt; to &lt;p,m,n&gt;) and, for the trace
/// form sum a_ij b_jk c_ki, the cyclic shift (&lt;n,m,p&gt; to &lt;m,p,n&gt;).
/// </summary>
public sealed class OrbitScheme
{
    public Shape Shape { get; }
    public Ring Ring { get; }
    public Fraction[][,] U { get; }
    public Fraction[][,] V { get; }
    public Fraction[][,] W { get; }
    public int Rank => U.Length;

    public OrbitScheme(Shape shape, Ring ring, Fraction[][,] u, Fraction[][,] v, Fraction[][,] w)
    {
        (Shape, Ring) = (shape, ring);
        U = u.Select(x => Normed(x, ring)).ToArray();
        V = v.Select(x => Normed(x, ring)).ToArray();
        W = w.Select(x => Normed(x, ring)).ToArray();
    }

    private static Fraction[,] Normed(Fraction[,] a, Ring ring)
    {
        var c = new Fraction[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) c[i, j] = FieldMatrix.Norm(a[i, j], ring);
        return c;
    }

    /// <summary>Over F2 the scheme must be integral (a half has no meaning mod 2).</summary>
    public static OrbitScheme Of(RationalScheme s, Ring ring)
    {
        if (ring == Ring.F2 && !s.IsIntegral)
            throw new ArgumentException("a scheme is compared over F2 only with integer coefficients", nameof(s));
        var shape = s.Shape;
        Fraction[,] Matrix(int rows, int cols, Func<int, int, Fraction> at)
        {
            var m = new Fraction[rows, cols];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++) m[i, j] = at(i, j);
            return m;
        }
        var u = Enumerable.Range(0, s.Rank).Select(r => Matrix(shape.N, shape.M, (i, j) => s.U(r, shape.AIndex(i, j)))).ToArray();
        var v = Enumerable.Range(0, s.Rank).Select(r => Matrix(shape.M, shape.P, (j, k) => s.V(r, shape.BIndex(j, k)))).ToArray();
        var w = Enumerable.Range(0, s.Rank).Select(r => Matrix(shape.N, shape.P, (i, k) => s.W(shape.CIndex(i, k), r))).ToArray();
        return new OrbitScheme(shape, ring, u, v, w);
    }

    public RationalScheme ToRational()
    {
        var s = Shape;
        var u = new Fraction[Rank * s.ASize];
        var v = new Fraction[Rank * s.BSize];
        var w = new Fraction[Rank * s.CSize];
        for (int r = 0; r < Rank; r++)
        {
            for (int i = 0; i < s.N; i++)
                for (int j = 0; j < s.M; j++) u[r * s.ASize + s.AIndex(i, j)] = U[r][i, j];
            for (int j = 0; j < s.M; j++)
                for (int k = 0; k < s.P; k++) v[r * s.BSize + s.BIndex(j, k)] = V[r][j, k];
            for (int i = 0; i < s.N; i++)
                for (int k = 0; k < s.P; k++) w[s.CIndex(i, k) * Rank + r] = W[r][i, k];
        }
        return new RationalScheme(s, Rank, u, v, w);
    }

    /// <summary>C^T = B^T A^T: the scheme of &lt;p,m,n&gt; with slots (V_r^T, U_r^T, W_r^T).</summary>
    public OrbitScheme Transposed() => new(new Shape(Shape.P, Shape.M, Shape.N), Ring,
        V.Select(FieldMatrix.Transpose).ToArray(), U.Select(FieldMatrix.Transpose).ToArray(),
        W.Select(FieldMatrix.Transpose).ToArray());

    /// <summary>The cyclic shift of the trace form: the scheme of &lt;m,p,n&gt; with slots (V_r, W_r^T, U_r^T).</summary>
    public OrbitScheme Cycled() => new(new Shape(Shape.M, Shape.P, Shape.N), Ring,
        V, W.Select(FieldMatrix.Transpose).ToArray(), U.Select(FieldMatrix.Transpose).ToArray());

    /// <summary>U_r -> X U_r Y, V_r -> Y^-1 V_r Z, W_r -> X^-T W_r Z^-T; X, Y, Z must be invertible.</summary>
    public OrbitScheme Moved(Fraction[,] x, Fraction[,] y, Fraction[,] z)
    {
        var yInv = FieldMatrix.Inverse(y, Ring) ?? throw new ArgumentException("Y is singular", nameof(y));
        var xInvT = FieldMatrix.Transpose(FieldMatrix.Inverse(x, Ring) ?? throw new ArgumentException("X is singular", nameof(x)));
        var zInvT = FieldMatrix.Transpose(FieldMatrix.Inverse(z, Ring) ?? throw new ArgumentException("Z is singular", nameof(z)));
        return new OrbitScheme(Shape, Ring,
            U.Select(u => FieldMatrix.Multiply(FieldMatrix.Multiply(x, u, Ring), y, Ring)).ToArray(),
            V.Select(v => FieldMatrix.Multiply(FieldMatrix.Multiply(yInv, v, Ring), z, Ring)).ToArray(),
            W.Select(w => FieldMatrix.Multiply(FieldMatrix.Multiply(xInvT, w, Ring), zInvT, Ring)).ToArray());
    }

    /// <summary>Slot s of the result is slot order[s] of this scheme, scaled (alpha U, beta V, W / (alpha beta)).</summary>
    public OrbitScheme Reordered(IReadOnlyList<int> order, IReadOnlyList<Fraction>? alpha = null, IReadOnlyList<Fraction>? beta = null)
    {
        Fraction A(int s) => alpha?[s] ?? Fraction.One;
        Fraction B(int s) => beta?[s] ?? Fraction.One;
        return new OrbitScheme(Shape, Ring,
            order.Select((r, s) => Scale(U[r], A(s))).ToArray(),
            order.Select((r, s) => Scale(V[r], B(s))).ToArray(),
            order.Select((r, s) => Scale(W[r], Fraction.One / (A(s) * B(s)))).ToArray());
    }

    private Fraction[,] Scale(Fraction[,] a, Fraction f) => FieldMatrix.Combine(Zero(a), f, a, Ring);

    private static Fraction[,] Zero(Fraction[,] a)
    {
        var z = new Fraction[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) z[i, j] = Fraction.Zero;
        return z;
    }

    /// <summary>The same slots, coefficient for coefficient, in the same order.</summary>
    public bool SameAs(OrbitScheme other) =>
        Shape == other.Shape && Rank == other.Rank && Enumerable.Range(0, Rank).All(r =>
            Equal(U[r], other.U[r]) && Equal(V[r], other.V[r]) && Equal(W[r], other.W[r]));

    internal static bool Equal(Fraction[,] a, Fraction[,] b) => a.Cast<Fraction>().SequenceEqual(b.Cast<Fraction>());

    /// <summary>
    /// The symmetries beyond the basis change that keep the shape, as a group: the identity; transposition when
    /// n = p; for square shapes the cyclic shifts and their transposes too (all six permutations of the factors).
    /// </summary>
    public IReadOnlyList<(string Name, OrbitScheme Scheme)> ShapeSymmetries()
    {
        var list = new List<(string, OrbitScheme)> { ("identity", this) };
        if (Shape.N == Shape.P) list.Add(("transpose", Transposed()));
        if (Shape.IsSquare)
        {
            var c1 = Cycled();
            var c2 = c1.Cycled();
            list.AddRange([("cycle", c1), ("cycle2", c2), ("cycle+transpose", c1.Transposed()), ("cycle2+transpose", c2.Transposed())]);
        }
        return list;
    }
}
