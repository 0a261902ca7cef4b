using StrassenRepro.Crystallization;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The "Strassen canonical coefficients" of experiments/validation_experiments.py (:18-44): Strassen's V and W, but U's
/// first row is [1, 0, 0, 0] (its comment says "M1: A11"; Strassen's M1 needs A11 + A22, [1, 0, 0, 1]). Four of the 64
/// Brent equations fail (c11 and c22 each lose a22 (b11 + b22)): it is not a matrix-multiplication scheme, and every
/// noise and permutation test of that script measures it. examples/upstream-validation-constant.json holds the same.
/// </summary>
public static class ValidationConstant
{
    /// <summary>The row of U the script got wrong, and what Strassen's M1 needs there.</summary>
    public static readonly double[] WrongRow = [1, 0, 0, 0];

    public static Scheme Scheme()
    {
        var strassen = KnownSchemes.Strassen();
        var u = strassen.URows();
        u[0] = [.. WrongRow];
        return Crystallization.Scheme.FromRows(Shape.Square2, u, strassen.VRows(), strassen.WRows());
    }
}
