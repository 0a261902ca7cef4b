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

    public static readonly Fraction Zero = new(0, 1);
    public static readonly Fraction One = new(1, 1);

    public bool IsZero => Numerator.IsZero;

    public static implicit operator Fraction(int n) => new(n, 1);

    public static Fraction operator +(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator -(Fraction a) => new(-a.Numerator, a.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    /// <summary>Throws ArgumentException for a zero divisor, as the constructor does for a zero denominator.</summary>
    public static Fraction operator /(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    /// <summary>The nearest integer, halves to even (as torch.round and Discretizer.Q on doubles), exactly.</summary>
    public BigInteger RoundHalfEven()
    {
        var floor = BigInteger.DivRem(Numerator, Denominator, out var remainder);
        // Division truncates toward zero; a negative remainder means the floor is one lower.
        if (remainder.Sign < 0) (floor, remainder) = (floor - 1, remainder + Denominator);
        // Twice the distance above the floor, against the denominator: below, at or above one half.
        int half = (2 * remainder).CompareTo(Denominator);
        return half < 0 || (half == 0 && floor.IsEven) ? floor : floor + 1;
    }

    /// <summary>
    /// Nearest double (within one rounding for terms of any size): exact when the fraction is one (|p|, q at most
    /// 2^53, q a power of two). Terms beyond the double range are scaled down together first, so 10^400 / 10^399 is
    /// 10, not infinity over infinity.
    /// </summary>
    public double ToDouble()
    {
        long extra = Math.Max((long)BigInteger.Abs(Numerator).GetBitLength(), (long)Denominator.GetBitLength()) - 1000;
        if (extra <= 0) return (double)Numerator / (double)Denominator;
        return (double)(Numerator >> (int)extra) / (double)(Denominator >> (int)extra);
    }

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

    /// <summary>
    /// Most decimal digits a numerator or denominator may have when read from text: 10^300 stays inside the double
    /// range, where the float measurements beside the exact check still mean something.
    /// </summary>
    public const int MaxDigits = 300;

    /// <summary>"p" or "p/q" (sign on p only, decimal digits, at most MaxDigits each, q &gt; 0), else null.</summary>
    public static Fraction? Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length > 2 || !Term(parts[0], signed: true, out var p)) return null;
        var q = BigInteger.One;
        if (parts.Length == 2 && (!Term(parts[1], signed: false, out q) || q.IsZero)) return null;
        return new Fraction(p, q);
    }

    /// <summary>Decimal digits, with a leading sign where allowed; at most MaxDigits digits.</summary>
    private static bool Term(string text, bool signed, out BigInteger value)
    {
        value = BigInteger.Zero;
        int start = signed && text.Length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
        int digits = text.Length - start;
        if (digits < 1 || digits > MaxDigits) return false;
        for (int i = start; i < text.Length; i++)
            if (text[i] is < '0' or > '9') return false;
        value = BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return true;
    }

    public override string ToString() => IsInteger ? Numerator.ToString(CultureInfo.InvariantCulture)
        : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
