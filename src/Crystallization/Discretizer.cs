using System.Numerics;

namespace StrassenRepro.Crystallization;

/// <summary>Q(theta) = clamp(round(theta), -1, 1) and the margin delta(theta) = max |theta - Q(theta)|.</summary>
public static class Discretizer
{
    /// <summary>Q of one coefficient. Halves round to even, as torch.round does.</summary>
    public static double Q(double x) => Math.Clamp(Math.Round(x, MidpointRounding.ToEven), -1.0, 1.0);

    public static Scheme Q(Scheme s) => s.Map(Q);

    /// <summary>Q of exact coefficients, rounded exactly: 1/2 + 10^-300 is 1, though its nearest double rounds to 0.</summary>
    public static RationalScheme Q(RationalScheme s) =>
        s.Map(f => new Fraction(BigInteger.Clamp(f.RoundHalfEven(), BigInteger.MinusOne, BigInteger.One), 1));

    /// <summary>The L-infinity distance to the lattice {-1, 0, 1}; 0 exactly when every coefficient is in it.</summary>
    public static double Delta(Scheme s)
    {
        double max = 0;
        foreach (var x in s.Coefficients()) max = Math.Max(max, Math.Abs(x - Q(x)));
        return max;
    }

    /// <summary>The paper calls a model discretizable when delta &lt;= 0.1.</summary>
    public const double DiscretizableMargin = 0.1;
}
