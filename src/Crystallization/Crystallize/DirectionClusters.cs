namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// Groups unit directions that are the same projective point (|cos angle| &gt;= cos maxAngle). In an integer
/// scheme the rank-one slots share few directions (e1, e2, e1 - e2 in Strassen's), and a change of basis
/// keeps them shared, so the most populated clusters are the candidates for a sparsifying frame.
/// </summary>
public static class DirectionClusters
{
    /// <summary>The clusters, most populated first (the first met first among equals).</summary>
    public static IReadOnlyList<DirectionCluster> Of(IEnumerable<double[]> directions, double maxAngle)
    {
        double minCos = Math.Cos(maxAngle);
        var representatives = new List<double[]>();
        var counts = new List<int>();
        foreach (var d in directions)
        {
            int found = representatives.FindIndex(c => Math.Abs(Dot(c, d)) >= minCos);
            if (found >= 0) counts[found]++;
            else
            {
                representatives.Add(d);
                counts.Add(1);
            }
        }
        // OrderByDescending is a stable sort: equal counts keep their first-met order.
        return representatives.Select((d, i) => new DirectionCluster(d, counts[i]))
            .OrderByDescending(c => c.Count).ToList();
    }

    internal static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
