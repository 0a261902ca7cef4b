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
        double z = Z(confidence);
        double n = trials, p = successes / n, z2 = z * z;
        double center = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = HalfWidth(p, trials, confidence);
        return new ProportionInterval(successes, trials, p, Math.Max(0, center - half), Math.Min(1, center + half));
    }

    /// <summary>
    /// Half the width of the interval at a rate observed in <paramref name="trials"/> trials; the rate need not be a
    /// fraction k/n (a power calculation asks what the width would be if a measured rate held at another n).
    /// </summary>
    public static double HalfWidth(double rate, int trials, double confidence = 0.95)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, 1);
        if (!(rate >= 0 && rate <= 1)) throw new ArgumentOutOfRangeException(nameof(rate), $"{rate} is not a probability");
        double z = Z(confidence);
        double n = trials, z2 = z * z;
        return z * Math.Sqrt(rate * (1 - rate) / n + z2 / (4 * n * n)) / (1 + z2 / n);
    }

    /// <summary>The two-sided normal quantile of a confidence level strictly between 0 and 1.</summary>
    public static double Z(double confidence)
    {
        if (!(confidence > 0 && confidence < 1))
            throw new ArgumentOutOfRangeException(nameof(confidence), $"{confidence} is not a confidence level in (0, 1)");
        return Normal.InvCDF(0, 1, 1 - (1 - confidence) / 2);
    }
}
