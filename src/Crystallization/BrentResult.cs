namespace StrassenRepro.Crystallization;

/// <summary>The outcome of an exact Brent check.</summary>
/// <param name="MaxResidual">max |sum_r U V W - T| over the equations, computed exactly and only then rounded to a
/// double (0 or 1 per equation modulo 2); never a float sum of the coefficients.</param>
public sealed record BrentResult(
    Ring Ring, int EquationCount, int FailedEquations, BrentViolation? FirstViolation, double MaxResidual = 0)
{
    public bool IsValid => FailedEquations == 0;
}
