using System.Globalization;
using System.Numerics;
using StrassenRepro.Crystallization;

namespace StrassenRepro.Formats;

/// <summary>
/// A JSON number read from its text, not through a double: an integer literal is an exact integer of any size (up
/// to Fraction.MaxDigits digits); a literal with a fraction or an exponent is a float, exact only where float64
/// holds the decimal text exactly (0.5, 1e22) and its denominator is at most 2^10, as for any other float.
/// </summary>
/// <param name="Value">The nearest double (for importance and the float measurements).</param>
/// <param name="Exact">The exact value, or null for a float that is not one (0.1, 1e30, a trained weight).</param>
/// <param name="Misleading">A float whose double is an exact dyadic value that differs from its text (1e30 is not
/// the double 1e30, 9007199254740993.0 is not 2^53): reading it as exact would check another number.</param>
public readonly record struct JsonNumber(double Value, Fraction? Exact, bool Misleading)
{
    /// <summary>Longest number text read: BigInteger work on a number stays small.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>The number, or null when the text is over MaxTextLength or the integer over Fraction.MaxDigits
    /// digits (the caller names the entry).</summary>
    public static JsonNumber? Parse(string text)
    {
        if (text.Length > MaxTextLength) return null;
        bool integerLiteral = text.IndexOfAny(['.', 'e', 'E']) < 0;
        if (integerLiteral)
        {
            if (Fraction.Parse(text) is not { } n) return null;
            return new JsonNumber(n.ToDouble(), n, false);
        }
        double x = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(x)) return new JsonNumber(x, null, false);
        var dyadic = Fraction.FromDyadic(x, RationalScheme.MaxDyadicDenominator);
        if (dyadic is null) return new JsonNumber(x, null, false);
        return Decimal(text) == dyadic ? new JsonNumber(x, dyadic, false) : new JsonNumber(x, null, true);
    }

    /// <summary>The exact value of a decimal literal (digits, '.', exponent), or null when its exponent is so large
    /// that no double of denominator at most 2^10 can equal it (then it is not exact).</summary>
    private static Fraction? Decimal(string text)
    {
        int e = text.IndexOfAny(['e', 'E']);
        string mantissa = e < 0 ? text : text[..e];
        int dot = mantissa.IndexOf('.');
        int fractionDigits = dot < 0 ? 0 : mantissa.Length - dot - 1;
        var digits = BigInteger.Parse(dot < 0 ? mantissa : mantissa.Remove(dot, 1), NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture);
        if (digits.IsZero) return new Fraction(0, 1);
        long exponent = 0;
        if (e >= 0 && !long.TryParse(text[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture,
                out exponent)) return null;
        exponent -= fractionDigits;
        // A double of denominator at most 2^10 lies in [2^-10, 2^1024): its decimal needs |exponent| within the
        // text's own digits plus about 310, so anything beyond cannot be equal.
        if (Math.Abs(exponent) > MaxTextLength + 400) return null;
        var power = BigInteger.Pow(10, (int)Math.Abs(exponent));
        return exponent >= 0 ? new Fraction(digits * power, 1) : new Fraction(digits, power);
    }
}
