namespace StrassenRepro.Crystallization;

/// <summary>
/// The scheme a verdict is about and the arithmetic it was checked in: the kept slots as given when they
/// are integers, or (over Z) exact fractions checked over Q; else Q of them, as the paper does.
/// </summary>
/// <param name="Scheme">What was checked, as doubles: the kept slots as given, or Q of them.</param>
/// <param name="Rational">The exact coefficients when Arithmetic is Rational, else null.</param>
public sealed record Judgement(ExactArithmetic Arithmetic, Scheme Scheme, RationalScheme? Rational, BrentResult Brent)
{
    /// <param name="kept">The kept slots as doubles.</param>
    /// <param name="declared">The same slots as the file's exact fractions ("p/q" in JSON), if it gave any.</param>
    public static Judgement Of(Scheme kept, Ring ring, RationalScheme? declared = null)
    {
        // A declared fraction decides even where its double happens to be an integer (2^52 + 1/3 rounds to one).
        bool integral = declared?.IsIntegral ?? kept.IsIntegral;
        if (integral) return new(ExactArithmetic.Integer, kept, null, BrentCheck.Exact(kept, ring));
        // Modulo 2 a half has no meaning, so fractions are only checked over Q.
        if (ring == Ring.Z && (declared ?? RationalScheme.FromDyadic(kept)) is { } exact)
            return new(ExactArithmetic.Rational, kept, exact, BrentCheck.Exact(exact));
        var rounded = Discretizer.Q(kept);
        return new(ExactArithmetic.Rounded, rounded, null, BrentCheck.Exact(rounded, ring));
    }

    /// <summary>The input itself was checked (integer or rational), not Q of it.</summary>
    public bool CheckedAsGiven => Arithmetic != ExactArithmetic.Rounded;
}
