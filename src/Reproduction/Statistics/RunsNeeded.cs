namespace StrassenRepro.Reproduction.Statistics;

/// <summary>
/// How many runs a rule would need to decide if the rate measured so far held: the size an inconclusive verdict
/// reports. Each is the smallest n meeting a condition monotone in n, found by bisection up to <see cref="Limit"/>.
/// </summary>
public static class RunsNeeded
{
    /// <summary>Beyond this many runs no answer is given: the rate is too small to size a study from.</summary>
    public const int Limit = 100_000_000;

    /// <summary>The probability with which the returned n gives the needed successes.</summary>
    public const double DefaultAssurance = 0.8;

    /// <summary>
    /// The smallest n with P(Binomial(n, rate) &gt;= needed) &gt;= assurance; null when the rate is 0 (no n ever
    /// gives a success) or the n exceeds <see cref="Limit"/>.
    /// </summary>
    public static int? ForSuccesses(double rate, int needed, double assurance = DefaultAssurance)
    {
        if (!(rate >= 0 && rate <= 1)) throw new ArgumentOutOfRangeException(nameof(rate), $"{rate} is not a probability");
        ArgumentOutOfRangeException.ThrowIfLessThan(needed, 1);
        if (!(assurance > 0 && assurance < 1))
            throw new ArgumentOutOfRangeException(nameof(assurance), $"{assurance} is not a probability in (0, 1)");
        if (rate == 0) return null;
        // Every run succeeds: the successes asked for take that many runs (and 1 - rate below would divide by 0).
        if (rate == 1) return needed;
        return Smallest(needed, n => 1 - Below(needed, n, rate) >= assurance);
    }

    /// <summary>
    /// P(Binomial(n, rate) &lt; needed) as the sum of its first terms, each from the one before; exact where the
    /// terms are (0.5^2 is 0.25), which a regularized-beta CDF is not.
    /// </summary>
    static double Below(int needed, int n, double rate)
    {
        double term = Math.Pow(1 - rate, n), sum = 0;
        for (int j = 0; j < needed; j++)
        {
            sum += term;
            term *= (n - j) / (j + 1.0) * rate / (1 - rate);
        }
        return sum;
    }

    /// <summary>
    /// The smallest n at which the Wilson interval around the rate is at most <paramref name="halfWidth"/> wide on
    /// each side; null when that n exceeds <see cref="Limit"/>. The half-width falls as n grows, at every rate.
    /// </summary>
    public static int? ForHalfWidth(double rate, double halfWidth, double confidence = 0.95)
    {
        if (!(halfWidth > 0)) throw new ArgumentOutOfRangeException(nameof(halfWidth), $"{halfWidth} is not a positive width");
        return Smallest(1, n => WilsonInterval.HalfWidth(rate, n, confidence) <= halfWidth);
    }

    /// <summary>The least n in [from, Limit] where ok holds, for an ok that once true stays true; null if none.</summary>
    static int? Smallest(int from, Func<int, bool> ok)
    {
        if (!ok(Limit)) return null;
        int lo = from, hi = Limit;
        while (lo < hi)
        {
            int mid = lo + (hi - lo) / 2;
            if (ok(mid)) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
