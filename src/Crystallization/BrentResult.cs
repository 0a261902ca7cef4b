namespace StrassenRepro.Crystallization;

/// <summary>The outcome of an exact Brent check.</summary>
public sealed record BrentResult(Ring Ring, int EquationCount, int FailedEquations, BrentViolation? FirstViolation)
{
    public bool IsValid => FailedEquations == 0;
}
