namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// A change of basis A' = P A Q^-1, B' = Q B R^-1 that makes the rank-one slots' directions axis-aligned.
/// A rank-one U_r = x y^T becomes (P^T x)(Q^-1 y)^T, V_r = x y^T becomes (Q^T x)(R^-1 y)^T and
/// W_:,r = x y^T (as n x p) becomes (P^-1 x)(R^T y)^T. So each of P, Q, R meets two kinds of direction:
/// some mapped by its transpose, some by its inverse. For each matrix the candidates are the identity and
/// every frame that sends k of the most populated direction clusters to the unit vectors (k = its size);
/// the one that gives the most zero entries over all its transformed directions wins. The frame is found
/// only up to a diagonal scaling, which ScaleBalance then chooses.
/// </summary>
public static class BasisAlignment
{
    /// <summary>
    /// An entry below this, relative to the largest entry of its transformed direction, counts as zero.
    /// </summary>
    public const double ZeroTolerance = 1e-2;

    /// <summary>A frame whose unit columns have |det| below this is too close to singular to use.</summary>
    public const double MinFrameDeterminant = 1e-3;

    /// <summary>How many clusters beyond the frame's size are tried.</summary>
    public const int ExtraClusters = 3;

    public sealed record Alignment(Scheme Aligned, double[,] P, double[,] Q, double[,] R);

    public static Alignment Align(Scheme s, double rankOneTolerance, double clusterAngle)
    {
        var shape = s.Shape;
        var (pT, pInv, qT, qInv, rT, rInv) = (new List<double[]>(), new List<double[]>(), new List<double[]>(),
            new List<double[]>(), new List<double[]>(), new List<double[]>());
        for (int r = 0; r < s.Rank; r++)
        {
            if (RankOneFactor.Of(s.URow(r), shape.N, shape.M, rankOneTolerance) is { } u)
            {
                pT.Add(u.Left);
                qInv.Add(u.Right);
            }
            if (RankOneFactor.Of(s.VRow(r), shape.M, shape.P, rankOneTolerance) is { } v)
            {
                qT.Add(v.Left);
                rInv.Add(v.Right);
            }
            if (RankOneFactor.Of(s.WColumn(r), shape.N, shape.P, rankOneTolerance) is { } w)
            {
                pInv.Add(w.Left);
                rT.Add(w.Right);
            }
        }
        var p = ChooseFrame(shape.N, pT, pInv, clusterAngle);
        var q = ChooseFrame(shape.M, qT, qInv, clusterAngle);
        var rr = ChooseFrame(shape.P, rT, rInv, clusterAngle);
        return new Alignment(SchemeSymmetry.ChangeBasis(s, p, q, rr), p, q, rr);
    }

    /// <summary>
    /// The k x k matrix G among the candidates that maximises the zero entries of G^T x over `transposed`
    /// and of G^-1 z over `inverted`; the identity (first candidate) on a tie.
    /// </summary>
    public static double[,] ChooseFrame(int k, IReadOnlyList<double[]> transposed, IReadOnlyList<double[]> inverted,
        double clusterAngle)
    {
        var best = Identity(k);
        int bestScore = Score(best, transposed, inverted);
        foreach (var (source, byTranspose) in new[] { (transposed, true), (inverted, false) })
        {
            var clusters = DirectionClusters.Of(source, clusterAngle).Take(k + ExtraClusters).ToArray();
            foreach (var subset in Subsets(clusters.Length, k))
            {
                var x = new double[k, k];
                for (int c = 0; c < k; c++)
                    for (int i = 0; i < k; i++) x[i, c] = clusters[subset[c]].Direction[i];
                if (!(Math.Abs(Determinant(x)) >= MinFrameDeterminant)) continue;
                // G^T x_c = e_c gives G = X^-T; G^-1 z_c = e_c gives G = Z.
                var g = byTranspose ? SchemeSymmetry.Transpose(SchemeSymmetry.Inverse(x)) : x;
                int score = Score(g, transposed, inverted);
                if (score <= bestScore) continue;
                best = g;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>How many entries of the transformed directions are zero (relative to their largest entry).</summary>
    public static int Score(double[,] g, IReadOnlyList<double[]> transposed, IReadOnlyList<double[]> inverted)
    {
        var gt = SchemeSymmetry.Transpose(g);
        var gInv = SchemeSymmetry.Inverse(g);
        return transposed.Sum(x => Zeros(Apply(gt, x))) + inverted.Sum(z => Zeros(Apply(gInv, z)));
    }

    private static int Zeros(double[] v)
    {
        double top = Math.Abs(SlotGauge.LargestEntry(v));
        return v.Count(x => Math.Abs(x) <= ZeroTolerance * top);
    }

    private static double[] Apply(double[,] m, double[] v)
    {
        int k = v.Length;
        var result = new double[k];
        for (int i = 0; i < k; i++)
            for (int j = 0; j < k; j++) result[i] += m[i, j] * v[j];
        return result;
    }

    private static double[,] Identity(int k)
    {
        var id = new double[k, k];
        for (int i = 0; i < k; i++) id[i, i] = 1;
        return id;
    }

    /// <summary>The k-subsets of 0..n-1 in lexicographic order.</summary>
    public static IEnumerable<int[]> Subsets(int n, int k)
    {
        var pick = Enumerable.Range(0, k).ToArray();
        if (k > n) yield break;
        while (true)
        {
            yield return (int[])pick.Clone();
            int i = k - 1;
            while (i >= 0 && pick[i] == n - k + i) i--;
            if (i < 0) yield break;
            pick[i]++;
            for (int j = i + 1; j < k; j++) pick[j] = pick[j - 1] + 1;
        }
    }

    /// <summary>det by Gaussian elimination with partial pivoting.</summary>
    public static double Determinant(double[,] a)
    {
        int n = a.GetLength(0);
        var m = (double[,])a.Clone();
        double det = 1;
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int i = c + 1; i < n; i++)
                if (Math.Abs(m[i, c]) > Math.Abs(m[pivot, c])) pivot = i;
            if (m[pivot, c] == 0) return 0;
            if (pivot != c)
            {
                det = -det;
                for (int j = 0; j < n; j++) (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
            }
            det *= m[c, c];
            for (int i = c + 1; i < n; i++)
            {
                double f = m[i, c] / m[c, c];
                for (int j = c; j < n; j++) m[i, j] -= f * m[c, j];
            }
        }
        return det;
    }
}
