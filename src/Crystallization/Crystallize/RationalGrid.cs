namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// The values a coefficient may be rounded to: fractions k/d with 1 &lt;= d &lt;= MaxDenominator and
/// |k/d| &lt;= MaxMagnitude. A value's cost is its distance times its denominator, so an integer wins
/// over a nearby fraction unless the fraction is several times closer (with halves allowed, 0.49 and 0.45
/// go to 1/2 but 0.2 goes to 0: a half has to be twice as close as an integer to be chosen).
/// </summary>
public sealed record RationalGrid(int MaxDenominator, int MaxMagnitude)
{
    public static readonly RationalGrid Integers = new(1, 4);

    /// <summary>The grid value nearest to x by that cost (the smaller denominator on a tie), and the cost.</summary>
    public (Fraction Value, double Cost) Nearest(double x)
    {
        Fraction best = new(0, 1);
        double bestCost = double.PositiveInfinity;
        for (int d = 1; d <= MaxDenominator; d++)
        {
            double k = Math.Clamp(Math.Round(x * d), -(double)MaxMagnitude * d, (double)MaxMagnitude * d);
            double cost = Math.Abs(x - k / d) * d;
            if (cost >= bestCost) continue;
            best = new Fraction(new System.Numerics.BigInteger(k), d);
            bestCost = cost;
        }
        return (best, bestCost);
    }
}
