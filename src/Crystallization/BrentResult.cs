namespace StrassenRepro.Crystallization;

/// <summary>One Brent equation that does not hold: sum_r U[r,x] V[r,y] W[z,r] = actual, T[x,y,z] = expected.</summary>
public readonly record struct BrentViolation(int X, int Y, int Z, string Actual, int Expected);

/// <summary>The outcome of an exact Brent check.</summary>
public sealed record BrentResult(Ring Ring, int EquationCount, int FailedEquations, BrentViolation? FirstViolation)
{
    public bool IsValid => FailedEquations == 0;
}
