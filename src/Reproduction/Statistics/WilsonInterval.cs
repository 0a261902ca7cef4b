using MathNet.Numerics.Distributions;

namespace StrassenRepro.Reproduction.Statistics;

/// <summary>The Wilson score interval for a binomial proportion (Newcombe 1998, method 3).</summary>
public static class WilsonInterval
{
    public static ProportionInterval Of(int successes, int trials, double confidence = 0.95)
    {
        if (trials < 0 || successes < 0 || successes > trials)
            throw new ArgumentOutOfRangeException(nameof(successes), $"{successes}/{trials} is not a proportion");
        if (trials == 0) return new ProportionInterval(0, 0, double.NaN, 0, 1);
        double z = Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
        double n = trials, p = successes / n, z2 = z * z;
        double center = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new ProportionInterval(successes, trials, p, Math.Max(0, center - half), Math.Min(1, center + half));
    }
}
