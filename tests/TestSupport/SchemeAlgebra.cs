using StrassenRepro.Crystallization;

namespace StrassenRepro.Tests;

/// <summary>
/// Builds larger exact schemes from smaller ones for the tests and surveys: the Kronecker product is
/// SchemeSymmetry's; this adds the direct sum along the columns of B and C.
/// </summary>
public static class SchemeAlgebra
{
    /// <summary>
    /// &lt;n,m,p1&gt; and &lt;n,m,p2&gt; give &lt;n,m,p1+p2&gt; of rank R1 + R2: A [B1 | B2] = [A B1 | A B2], the
    /// first scheme's slots reading B1 and writing C1, the second's reading B2 and writing C2.
    /// (Strassen and the naive &lt;2,2,1;4&gt; give &lt;2,2,3;11&gt;, the best known rank for that shape.)
    /// </summary>
    public static Scheme JoinColumns(Scheme a, Scheme b)
    {
        var sa = a.Shape;
        var sb = b.Shape;
        if (sa.N != sb.N || sa.M != sb.M) throw new ArgumentException($"{sa} and {sb} do not share A");
        var s = new Shape(sa.N, sa.M, sa.P + sb.P);
        int rank = a.Rank + b.Rank;
        var u = new double[rank * s.ASize];
        var v = new double[rank * s.BSize];
        var w = new double[s.CSize * rank];
        foreach (var (part, first, offset) in new[] { (a, 0, 0), (b, a.Rank, sa.P) })
            for (int r = 0; r < part.Rank; r++)
            {
                int slot = first + r;
                var ps = part.Shape;
                part.URow(r).CopyTo(u.AsSpan(slot * s.ASize));
                for (int j = 0; j < ps.M; j++)
                    for (int k = 0; k < ps.P; k++)
                        v[slot * s.BSize + s.BIndex(j, offset + k)] = part.V(r, ps.BIndex(j, k));
                for (int i = 0; i < ps.N; i++)
                    for (int k = 0; k < ps.P; k++)
                        w[s.CIndex(i, offset + k) * rank + slot] = part.W(ps.CIndex(i, k), r);
            }
        return new Scheme(s, rank, u, v, w);
    }
}
