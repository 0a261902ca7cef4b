using StrassenRepro.Crystallization;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The "discretization error" of experiments/statistics/rigorous_experiment.py (compute_discretization_error,
/// :143-154), the quantity its ANOVA tests: for each of U, V and W the mean over its entries of the distance to the
/// nearest of {-1, 0, 1}, then the mean of the three means. A mean distance, not the paper's delta (the largest one).
/// </summary>
public static class MeanLatticeDistance
{
    public static double Of(Scheme s) =>
        new[] { Mean(s.UFlat), Mean(s.VFlat), Mean(s.WFlat) }.Average();

    /// <summary>Distance of one value to the nearest of -1, 0, 1.</summary>
    public static double Distance(double x) => Math.Min(Math.Abs(x), Math.Min(Math.Abs(x - 1), Math.Abs(x + 1)));

    private static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (var x in values) sum += Distance(x);
        return sum / values.Length;
    }
}
