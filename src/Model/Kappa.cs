using MathNet.Numerics.LinearAlgebra;

namespace StrassenRepro.Model;

/// <summary>
/// kappa of one run at one step (claims C8, C10). Definition: g_i = gradient of the i-th pair's loss
/// (1/np) sum_z (c_z - t_z)^2 with respect to all d = R (nm + mp + np) parameters (96 for <2,2,2;8>), for n probe pairs;
/// C = 1/(n-1) sum_i (g_i - mean g)(g_i - mean g)^T, the sample covariance (d x d); eigenvalues l_1 >= ... >= l_d.
/// Plain kappa = l_1 / l_d, reported as +Infinity when C is singular: n - 1 &lt; d, or l_d &lt;= l_1 d eps64 (NumPy's
/// matrix_rank tolerance). C is always singular here: the scalings U_r -> s U_r, W_:,r -> W_:,r / s (and the same
/// for V) leave every output unchanged, so every gradient is orthogonal to 2 directions per slot.
/// Effective kappa = l_1 / (smallest eigenvalue above RelativeCutoff l_1), over the EffectiveRank eigenvalues kept.
/// </summary>
public sealed record Kappa
{
    public long Step { get; init; }
    public int Samples { get; init; }
    public int Dimension { get; init; }
    public double LambdaMax { get; init; }
    public double LambdaMin { get; init; }
    public int NumericalRank { get; init; }
    public double KappaPlain { get; init; }
    public double RelativeCutoff { get; init; }
    public int EffectiveRank { get; init; }
    public double KappaEffective { get; init; }

    public static Kappa Measure(Weights weights, ReadOnlySpan<float> probe, double relativeCutoff, long step)
    {
        int width = new PairLayout(weights.Shape).Width;
        int n = probe.Length / width;
        int d = weights.Dimension;
        var grads = new double[n, d];
        var g = new double[d];
        var mean = new double[d];
        for (int i = 0; i < n; i++)
        {
            weights.SampleGradient(probe.Slice(i * width, width), g);
            for (int k = 0; k < d; k++)
            {
                grads[i, k] = g[k];
                mean[k] += g[k] / n;
            }
        }
        var centered = Matrix<double>.Build.Dense(n, d, (i, k) => grads[i, k] - mean[k]);
        var covariance = centered.TransposeThisAndMultiply(centered) / Math.Max(1, n - 1);
        var eigen = covariance.Evd(Symmetricity.Symmetric).EigenValues.Select(c => c.Real).OrderDescending().ToArray();
        double max = eigen[0], min = eigen[^1];
        double rankTolerance = max * d * 2.220446049250313e-16;
        int numericalRank = eigen.Count(l => l > rankTolerance);
        bool singular = n - 1 < d || numericalRank < d;
        var kept = eigen.Where(l => l > relativeCutoff * max).ToArray();
        return new Kappa
        {
            Step = step,
            Samples = n,
            Dimension = d,
            LambdaMax = max,
            LambdaMin = min,
            NumericalRank = numericalRank,
            KappaPlain = max <= 0 ? double.NaN : singular ? double.PositiveInfinity : max / min,
            RelativeCutoff = relativeCutoff,
            EffectiveRank = kept.Length,
            KappaEffective = kept.Length == 0 ? double.NaN : max / kept[^1],
        };
    }
}
