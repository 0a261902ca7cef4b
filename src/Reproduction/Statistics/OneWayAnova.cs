using MathNet.Numerics.Distributions;

namespace StrassenRepro.Reproduction.Statistics;

/// <summary>One-way analysis of variance: F, its p-value, and eta^2 = SS_between / SS_total.</summary>
public static class OneWayAnova
{
    public readonly record struct Result(double F, double P, double EtaSquared, int DfBetween, int DfWithin, int N);

    public static Result Of(IReadOnlyList<IReadOnlyList<double>> groups)
    {
        var nonEmpty = groups.Where(g => g.Count > 0).ToList();
        int k = nonEmpty.Count, n = nonEmpty.Sum(g => g.Count);
        if (k < 2 || n <= k) return new Result(double.NaN, double.NaN, double.NaN, Math.Max(0, k - 1), Math.Max(0, n - k), n);
        double grand = nonEmpty.SelectMany(g => g).Average();
        double between = nonEmpty.Sum(g => g.Count * Math.Pow(g.Average() - grand, 2));
        // Stryker disable once Arithmetic : equivalent, see mutation/equivalent-mutants.md
        double within = nonEmpty.Sum(g => { double m = g.Average(); return g.Sum(x => (x - m) * (x - m)); });
        int df1 = k - 1, df2 = n - k;
        // IEEE division covers within = 0: +infinity when the groups differ, NaN (0/0) when all values are equal.
        double f = between / df1 / (within / df2);
        double p = double.IsPositiveInfinity(f) ? 0 : 1 - FisherSnedecor.CDF(df1, df2, f); // the CDF of NaN is NaN
        double total = between + within;
        return new Result(f, p, between / total, df1, df2, n); // 0/0 = NaN when every value is equal
    }
}
