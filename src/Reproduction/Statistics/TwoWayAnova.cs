using MathNet.Numerics.Distributions;

namespace StrassenRepro.Reproduction.Statistics;

/// <summary>
/// Two-way analysis of variance without interaction (y ~ A + B) on a balanced design: every combination of the two
/// factors' levels holds the same number of observations. SS_A = sum over A's levels of n_a (mean_a - mean)^2 (and the
/// same for B), SS_error = SS_total - SS_A - SS_B, df_error = N - a - b + 1; F = (SS / df) / (SS_error / df_error).
/// Both effect sizes are given: classical eta^2 = SS / SS_total and partial eta^2 = SS / (SS + SS_error). R's aov(y ~ A
/// + B) gives the same table on a balanced design (tests: warpbreaks).
/// </summary>
public static class TwoWayAnova
{
    /// <summary>One factor's row of the table.</summary>
    public readonly record struct Effect(double SumOfSquares, int Df, double F, double P, double EtaSquared,
        double PartialEtaSquared);

    public readonly record struct Result(Effect A, Effect B, double ErrorSumOfSquares, int ErrorDf,
        double TotalSumOfSquares, int N);

    /// <summary>
    /// The table, or null when the design is not a balanced one with two levels of each factor (such a design always
    /// has an error degree of freedom: df_error = (a - 1)(b - 1) + ab (m - 1) &gt;= 1).
    /// </summary>
    public static Result? TryOf<TA, TB>(IReadOnlyList<(TA A, TB B, double Y)> observations)
        where TA : notnull where TB : notnull =>
        Problem(observations) is null ? Compute(observations) : null;

    /// <summary>The table; throws ArgumentException for a design it cannot analyse, saying why.</summary>
    public static Result Of<TA, TB>(IReadOnlyList<(TA A, TB B, double Y)> observations)
        where TA : notnull where TB : notnull =>
        Problem(observations) is { } why ? throw new ArgumentException(why, nameof(observations))
            : Compute(observations);

    private static string? Problem<TA, TB>(IReadOnlyList<(TA A, TB B, double Y)> observations)
        where TA : notnull where TB : notnull
    {
        int a = observations.Select(o => o.A).Distinct().Count(), b = observations.Select(o => o.B).Distinct().Count();
        if (a < 2 || b < 2) return $"two-way ANOVA needs two levels of each factor, not {a} and {b}";
        var cells = observations.GroupBy(o => (o.A, o.B)).Select(g => g.Count()).ToList();
        if (cells.Count != a * b || cells.Distinct().Count() != 1)
            return $"two-way ANOVA needs a balanced design: every one of the {a} x {b} cells with the same count";
        return null;
    }

    private static Result Compute<TA, TB>(IReadOnlyList<(TA A, TB B, double Y)> observations)
        where TA : notnull where TB : notnull
    {
        int n = observations.Count;
        double grand = observations.Average(o => o.Y);
        // Stryker disable once Arithmetic : equivalent, see mutation/equivalent-mutants.md
        double total = observations.Sum(o => (o.Y - grand) * (o.Y - grand));
        var byA = observations.GroupBy(o => o.A).ToList();
        var byB = observations.GroupBy(o => o.B).ToList();
        double ssA = byA.Sum(g => g.Count() * Math.Pow(g.Average(o => o.Y) - grand, 2));
        double ssB = byB.Sum(g => g.Count() * Math.Pow(g.Average(o => o.Y) - grand, 2));
        double ssError = total - ssA - ssB;
        int dfError = n - byA.Count - byB.Count + 1;
        return new Result(Row(ssA, byA.Count - 1, ssError, dfError, total),
            Row(ssB, byB.Count - 1, ssError, dfError, total),
            ssError, dfError, total, n);
    }

    private static Effect Row(double ss, int df, double ssError, int dfError, double total)
    {
        // IEEE division covers SS_error = 0: +infinity when the factor has an effect, NaN (0/0) when nothing varies.
        double f = ss / df / (ssError / dfError);
        double p = double.IsPositiveInfinity(f) ? 0 : 1 - FisherSnedecor.CDF(df, dfError, f);
        return new Effect(ss, df, f, p, ss / total, ss / (ss + ssError));
    }
}
