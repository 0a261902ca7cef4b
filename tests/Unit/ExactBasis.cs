using System.Numerics;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests.Unit;

/// <summary>
/// Moves an exact scheme by an exact change of basis (A -> X A Y, B -> Y^-1 B Z, C -> X C Z), so that tests can make
/// valid schemes with coefficients far past 2^53 and check them against the exact answer. Unimodular integer
/// matrices keep an integer scheme integral.
/// </summary>
public static class ExactBasis
{
    /// <summary>[[1, k], [0, 1]] (upper) or [[1, 0], [k, 1]] (lower) for a 2x2 basis; the inverse negates k.</summary>
    public static Fraction[,] Shear(BigInteger k, bool upper, int size = 2)
    {
        var m = Identity(size);
        m[upper ? 0 : 1, upper ? 1 : 0] = new Fraction(k, 1);
        return m;
    }

    public static Fraction[,] Identity(int size)
    {
        var m = new Fraction[size, size];
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++) m[i, j] = new Fraction(i == j ? 1 : 0, 1);
        return m;
    }

    public static RationalScheme Exact(Scheme s) => RationalScheme.FromDyadic(s)!;

    /// <summary>The scheme that computes the same product in the bases x (n x n), y (m x m), z (p x p).</summary>
    public static RationalScheme Move(RationalScheme s, Fraction[,] x, Fraction[,] y, Fraction[,] z)
    {
        var shape = s.Shape;
        var (xi, yi, zi) = (Inverse(x), Inverse(y), Inverse(z));
        int n = shape.N, m = shape.M, p = shape.P, rank = s.Rank;
        var u = new Fraction[rank * shape.ASize];
        var v = new Fraction[rank * shape.BSize];
        var w = new Fraction[shape.CSize * rank];
        for (int r = 0; r < rank; r++)
        {
            // The slot's product is <U_r, X A Y> <V_r, Y^-1 B Z>; C = X^-1 (sum_r W_r m_r) Z^-1.
            for (int a = 0; a < n; a++)
                for (int b = 0; b < m; b++)
                    u[r * shape.ASize + a * m + b] = Sum(n, m, (i, j) => Mul(Mul(s.U(r, i * m + j), x[i, a]), y[b, j]));
            for (int c = 0; c < m; c++)
                for (int d = 0; d < p; d++)
                    v[r * shape.BSize + c * p + d] = Sum(m, p, (j, l) => Mul(Mul(s.V(r, j * p + l), yi[j, c]), z[d, l]));
            for (int a = 0; a < n; a++)
                for (int c = 0; c < p; c++)
                    w[(a * p + c) * rank + r] = Sum(n, p, (i, l) => Mul(Mul(xi[a, i], s.W(i * p + l, r)), zi[l, c]));
        }
        return new RationalScheme(shape, rank, u, v, w);
    }

    private static Fraction Sum(int rows, int cols, Func<int, int, Fraction> term)
    {
        var sum = new Fraction(0, 1);
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) sum = Add(sum, term(i, j));
        return sum;
    }

    public static Fraction Add(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    /// <summary>Gauss-Jordan over Q.</summary>
    public static Fraction[,] Inverse(Fraction[,] a)
    {
        int n = a.GetLength(0);
        var m = (Fraction[,])a.Clone();
        var inv = Identity(n);
        for (int col = 0; col < n; col++)
        {
            int pivot = Enumerable.Range(col, n - col).First(r => !m[r, col].Numerator.IsZero);
            Swap(m, pivot, col);
            Swap(inv, pivot, col);
            var scale = new Fraction(m[col, col].Denominator, m[col, col].Numerator);
            for (int j = 0; j < n; j++) { m[col, j] = Mul(m[col, j], scale); inv[col, j] = Mul(inv[col, j], scale); }
            for (int r = 0; r < n; r++)
            {
                if (r == col || m[r, col].Numerator.IsZero) continue;
                var f = m[r, col];
                for (int j = 0; j < n; j++)
                {
                    m[r, j] = Add(m[r, j], Mul(Negate(f), m[col, j]));
                    inv[r, j] = Add(inv[r, j], Mul(Negate(f), inv[col, j]));
                }
            }
        }
        return inv;
    }

    public static Fraction Mul(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    private static Fraction Negate(Fraction a) => new(-a.Numerator, a.Denominator);

    private static void Swap(Fraction[,] m, int i, int j)
    {
        for (int c = 0; c < m.GetLength(1); c++) (m[i, c], m[j, c]) = (m[j, c], m[i, c]);
    }
}
