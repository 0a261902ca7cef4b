using MathNet.Numerics.Distributions;

namespace StrassenRepro.Reproduction.Statistics;

/// <summary>
/// Pearson's chi-squared test that two groups share one distribution over categories (a 2 x k table of counts), as
/// R's chisq.test(matrix) without continuity correction: X^2 = sum (O - E)^2 / E, df = k' - 1 over the k' categories
/// with a nonzero column total. With fewer than two such categories there is nothing to compare: p = 1, df = 0.
/// </summary>
public static class ChiSquaredHomogeneity
{
    public readonly record struct Result(double Statistic, int DegreesOfFreedom, double P);

    public static Result Of(IReadOnlyList<int> first, IReadOnlyList<int> second)
    {
        if (first.Count != second.Count) throw new ArgumentException("both groups need a count for every category");
        if (first.Concat(second).Any(c => c < 0)) throw new ArgumentOutOfRangeException(nameof(first), "counts must not be negative");
        double n1 = first.Sum(), n2 = second.Sum(), total = n1 + n2;
        if (n1 == 0 || n2 == 0) throw new ArgumentException("each group needs at least one observation");
        double statistic = 0;
        int used = 0;
        for (int k = 0; k < first.Count; k++)
        {
            double column = first[k] + second[k];
            if (column == 0) continue;
            used++;
            double e1 = n1 * column / total, e2 = n2 * column / total;
            double d1 = first[k] - e1, d2 = second[k] - e2;
            statistic += d1 * d1 / e1 + d2 * d2 / e2;
        }
        if (used < 2) return new Result(0, 0, 1);
        return new Result(statistic, used - 1, 1 - ChiSquared.CDF(used - 1, statistic));
    }
}
