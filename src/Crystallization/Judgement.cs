namespace StrassenRepro.Crystallization;

/// <summary>
/// The scheme a verdict is about and the arithmetic it was checked in: the kept slots as given when they
/// are integers, or (over Z) exact fractions checked over Q; else Q of them, as the paper does.
/// </summary>
/// <param name="Scheme">What was checked, as doubles: the kept slots as given, or Q of them. Only approximate where
/// the file gave values a double cannot hold (integers past 2^53, fractions such as 1/3): Exact is the truth.</param>
/// <param name="Exact">The same coefficients exactly: what the Brent check (and the exact transfer) ran on.</param>
public sealed record Judgement(ExactArithmetic Arithmetic, Scheme Scheme, RationalScheme Exact, BrentResult Brent)
{
    /// <param name="kept">The kept slots as doubles.</param>
    /// <param name="declared">The same slots as the file's exact values (integers of any size, "p/q"), if it gave them.</param>
    public static Judgement Of(Scheme kept, Ring ring, RationalScheme? declared = null)
    {
        // The file's exact values decide, never their doubles: 2^53 + 1 reads as the double 2^53, 1/3 as a float.
        var exact = declared ?? RationalScheme.FromDyadic(kept);
        if (exact is { IsIntegral: true }) return new(ExactArithmetic.Integer, kept, exact, BrentCheck.Exact(exact, ring));
        // Modulo 2 a half has no meaning, so fractions are only checked over Q.
        if (ring == Ring.Z && exact is not null)
            return new(ExactArithmetic.Rational, kept, exact, BrentCheck.Exact(exact));
        var rounded = Discretizer.Q(kept);
        var roundedExact = RationalScheme.FromDyadic(rounded, maxDenominator: 1)!;
        return new(ExactArithmetic.Rounded, rounded, roundedExact, BrentCheck.Exact(roundedExact, ring));
    }

    /// <summary>The input itself was checked (integer or rational), not Q of it.</summary>
    public bool CheckedAsGiven => Arithmetic != ExactArithmetic.Rounded;

    /// <summary>The exact fractions when Arithmetic is Rational, else null (an integer scheme is written as integers).</summary>
    public RationalScheme? Rational => Arithmetic == ExactArithmetic.Rational ? Exact : null;
}
