using System.Globalization;
using System.Numerics;

namespace StrassenRepro.Crystallization;

/// <summary>
/// An exact rational number p/q in lowest terms, q &gt; 0: a coefficient of a scheme checked over Q, where a
/// float64 of 1/3 (or a Q that rounds 1/8 to 0) would give a wrong answer.
/// </summary>
public readonly record struct Fraction
{
    public BigInteger Numerator { get; }

    /// <summary>Positive; 1 for an integer.</summary>
    public BigInteger Denominator { get; }

    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
            throw new ArgumentException("a fraction's denominator is not zero", nameof(denominator));
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        // Stryker disable once Equality : equivalent, see mutation/equivalent-mutants.md
        if (denominator.Sign < 0) g = -g;
        Numerator = numerator / g;
        Denominator = denominator / g;
    }

    public bool IsInteger => Denominator.IsOne;

    /// <summary>Nearest double: exact when the fraction is one (|p|, q at most 2^53, q a power of two).</summary>
    public double ToDouble() => (double)Numerator / (double)Denominator;

    /// <summary>
    /// The value of a double as a fraction when its denominator is at most `maxDenominator` (a power of two,
    /// since every double is dyadic); null otherwise, e.g. for 0.1 or a trained float32 weight.
    /// </summary>
    public static Fraction? FromDyadic(double x, long maxDenominator)
    {
        // Smallest k first: every double of magnitude 2^52 or more is an integer, so x * 2^k never overflows here.
        for (long d = 1; d <= maxDenominator; d *= 2)
        {
            double scaled = x * d;
            if (scaled == Math.Floor(scaled)) return new Fraction(new BigInteger(scaled), d);
        }
        return null;
    }

    /// <summary>Largest numerator or denominator a fraction string may have: both stay exact as doubles.</summary>
    public const long MaxTerm = 1L << 53;

    /// <summary>"p" or "p/q" (sign on p only, decimal digits, |p| and q at most 2^53, q &gt; 0), else null.</summary>
    public static Fraction? Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length > 2 || !Term(parts[0], NumberStyles.AllowLeadingSign, out long p)) return null;
        long q = 1;
        if (parts.Length == 2 && (!Term(parts[1], NumberStyles.None, out q) || q == 0)) return null;
        return new Fraction(p, q);
    }

    private static bool Term(string text, NumberStyles style, out long value) =>
        long.TryParse(text, style, CultureInfo.InvariantCulture, out value) && value is >= -MaxTerm and <= MaxTerm;

    public override string ToString() => IsInteger ? Numerator.ToString(CultureInfo.InvariantCulture)
        : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
