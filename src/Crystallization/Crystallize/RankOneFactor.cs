namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// A slot's factor read as a matrix (U_r as n x m, V_r as m x p, W_:,r as n x p, row-major) that is rank
/// one, M = s x y^T, with its left and right directions x and y as unit vectors whose largest-magnitude
/// entry is positive (points of projective space, so the sign carries no information).
/// </summary>
public sealed record RankOneFactor(double[] Left, double[] Right)
{
    /// <summary>
    /// The directions when M is rank one within `tolerance` relative to its largest entry, else null. By
    /// cross approximation: with (i0, j0) the largest entry, M ~ M[:,j0] M[i0,:] / M[i0,j0], exact for a
    /// rank-one M; no singular value decomposition is needed.
    /// </summary>
    public static RankOneFactor? Of(ReadOnlySpan<double> m, int rows, int cols, double tolerance)
    {
        if (m.Length != rows * cols) throw new ArgumentException($"{m.Length} entries are not {rows} x {cols}");
        int pivot = 0;
        for (int i = 1; i < m.Length; i++)
            if (Math.Abs(m[i]) > Math.Abs(m[pivot])) pivot = i;
        double top = m[pivot];
        if (top == 0) return null;
        int i0 = pivot / cols, j0 = pivot % cols;
        var left = new double[rows];
        var right = new double[cols];
        for (int i = 0; i < rows; i++) left[i] = m[i * cols + j0];
        for (int j = 0; j < cols; j++) right[j] = m[i0 * cols + j];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                if (Math.Abs(m[i * cols + j] - left[i] * right[j] / top) > tolerance * Math.Abs(top)) return null;
        return new RankOneFactor(Direction(left), Direction(right));
    }

    /// <summary>v / |v| with the sign that makes its largest-magnitude entry positive.</summary>
    public static double[] Direction(ReadOnlySpan<double> v)
    {
        double norm = 0;
        foreach (var x in v) norm += x * x;
        double scale = Math.Sign(SlotGauge.LargestEntry(v)) / Math.Sqrt(norm);
        var d = new double[v.Length];
        for (int i = 0; i < v.Length; i++) d[i] = v[i] * scale;
        return d;
    }
}
