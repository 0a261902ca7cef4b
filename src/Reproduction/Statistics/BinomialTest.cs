using MathNet.Numerics.Distributions;

namespace StrassenRepro.Reproduction.Statistics;

/// <summary>
/// The exact binomial test of H0: p = p0. Two-sided p-value as R's binom.test: the total probability of
/// outcomes no more likely than the observed one (with R's relative tolerance 1e-7).
/// </summary>
public static class BinomialTest
{
    public static double TwoSidedPValue(int successes, int trials, double p0)
    {
        if (trials < 0 || successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes));
        // p0 = 0 and p0 = 1 need no special case: the PMF is then 1 at one outcome and 0 elsewhere.
        if (!(p0 >= 0 && p0 <= 1)) throw new ArgumentOutOfRangeException(nameof(p0), $"{p0} is not a probability");
        double observed = Binomial.PMF(p0, trials, successes);
        double total = 0;
        for (int k = 0; k <= trials; k++)
        {
            double pk = Binomial.PMF(p0, trials, k);
            // Stryker disable once Equality : equivalent, see mutation/equivalent-mutants.md
            if (pk <= observed * (1 + 1e-7)) total += pk;
        }
        return Math.Min(1.0, total);
    }
}
