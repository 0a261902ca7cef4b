namespace StrassenRepro.Crystallization.Recovery;

/// <summary>
/// The projective group of the line is sharply 3-transitive: three distinct points can be sent to any
/// three distinct points, by a 2x2 matrix unique up to a nonzero factor.
/// </summary>
public static class ProjectiveFrame
{
    /// <summary>The matrix M (row-major [,]) with M source[k] proportional to target[k], k = 0, 1, 2.</summary>
    public static double[,] Map(IReadOnlyList<ProjectivePoint> source, IReadOnlyList<ProjectivePoint> target) =>
        Multiply(FromStandard(target), SchemeSymmetry.Inverse(FromStandard(source)));

    /// <summary>The matrix sending e1, e2, e1 + e2 to (multiples of) p0, p1, p2: columns lambda p0, mu p1 with lambda p0 + mu p1 = p2.</summary>
    private static double[,] FromStandard(IReadOnlyList<ProjectivePoint> p)
    {
        var (a, b, c) = (p[0], p[1], p[2]);
        double det = a.X * b.Y - a.Y * b.X;
        if (det == 0) throw new ArgumentException("two of the three points coincide");
        double lambda = (c.X * b.Y - c.Y * b.X) / det;
        double mu = (a.X * c.Y - a.Y * c.X) / det;
        if (lambda == 0 || mu == 0) throw new ArgumentException("two of the three points coincide");
        return new[,] { { lambda * a.X, mu * b.X }, { lambda * a.Y, mu * b.Y } };
    }

    public static double[,] Multiply(double[,] x, double[,] y)
    {
        var z = new double[2, 2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                z[i, j] = x[i, 0] * y[0, j] + x[i, 1] * y[1, j];
        return z;
    }

    /// <summary>The same matrix scaled to |det| = 1 (the factor is free in a projective map).</summary>
    public static double[,] UnitDeterminant(double[,] m)
    {
        double det = Math.Abs(m[0, 0] * m[1, 1] - m[0, 1] * m[1, 0]);
        double f = 1 / Math.Sqrt(det);
        return new[,] { { m[0, 0] * f, m[0, 1] * f }, { m[1, 0] * f, m[1, 1] * f } };
    }
}
