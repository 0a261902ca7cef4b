namespace StrassenRepro.Crystallization.Recovery;

/// <summary>
/// One slot row of U or V read as a 2x2 matrix (row-major [m11, m12, m21, m22]): how close it is to
/// rank one (sigma2 / sigma1) and, for M ~ sigma1 x y^T, its left direction x and right direction y
/// as unit vectors (points of the projective line, so the sign is arbitrary).
/// </summary>
public readonly record struct RankOneDirections(double Ratio, ProjectivePoint Left, ProjectivePoint Right)
{
    public static RankOneDirections Of(ReadOnlySpan<double> m)
    {
        double a = m[0], b = m[1], c = m[2], d = m[3];
        double frobenius2 = a * a + b * b + c * c + d * d;
        if (frobenius2 == 0) return new RankOneDirections(1, new ProjectivePoint(1, 0), new ProjectivePoint(1, 0));
        // sigma1^2 + sigma2^2 = |M|_F^2 and sigma1 sigma2 = |det M| give both singular values.
        double det = Math.Abs(a * d - b * c);
        double gap = Math.Sqrt(Math.Max(0, frobenius2 * frobenius2 - 4 * det * det));
        double sigma1 = Math.Sqrt((frobenius2 + gap) / 2);
        double sigma2 = det / sigma1;
        // Dominant eigenvectors of M M^T (left) and M^T M (right), by the 2x2 Jacobi angle.
        var left = DominantEigenvector(a * a + b * b, a * c + b * d, c * c + d * d);
        var right = DominantEigenvector(a * a + c * c, a * b + c * d, b * b + d * d);
        return new RankOneDirections(sigma2 / sigma1, left, right);
    }

    /// <summary>Unit eigenvector of the largest eigenvalue of the symmetric [[s11, s12], [s12, s22]].</summary>
    private static ProjectivePoint DominantEigenvector(double s11, double s12, double s22)
    {
        double angle = 0.5 * Math.Atan2(2 * s12, s11 - s22);
        return new ProjectivePoint(Math.Cos(angle), Math.Sin(angle));
    }
}
