using MathNet.Numerics;

namespace StrassenRepro.Reproduction.Statistics;

/// <summary>
/// Fisher's exact test on a 2x2 table [[a, b], [c, d]] (rows: groups, columns: success / failure).
/// Two-sided p-value as R's fisher.test: the probability of tables no more likely than the observed one.
/// </summary>
public static class FisherExactTest
{
    public readonly record struct Result(double TwoSided, double Less, double Greater);

    public static Result Of(int a, int b, int c, int d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0) throw new ArgumentOutOfRangeException(nameof(a), "counts must not be negative");
        int row1 = a + b, col1 = a + c, total = a + b + c + d;
        // Stryker disable once Linq : equivalent, see mutation/equivalent-mutants.md
        int lo = Math.Max(0, col1 - (c + d)), hi = Math.Min(row1, col1);
        // Hypergeometric(N = total, K = col1 successes, n = row1 draws): x = a, in log space: MathNet's
        // Hypergeometric.PMF divides binomial coefficients that overflow to infinity (C(5000, 3000)), giving NaN.
        double lnAll = SpecialFunctions.BinomialLn(total, row1);
        double P(int x) => Math.Exp(SpecialFunctions.BinomialLn(col1, x) + SpecialFunctions.BinomialLn(total - col1, row1 - x) - lnAll);
        double observed = P(a), two = 0, less = 0, greater = 0;
        for (int x = lo; x <= hi; x++)
        {
            double px = P(x);
            // Stryker disable once Equality : equivalent, see mutation/equivalent-mutants.md
            if (px <= observed * (1 + 1e-7)) two += px;
            if (x <= a) less += px;
            if (x >= a) greater += px;
        }
        return new Result(Math.Min(1, two), Math.Min(1, less), Math.Min(1, greater));
    }
}
