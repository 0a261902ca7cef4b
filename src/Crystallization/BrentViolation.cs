namespace StrassenRepro.Crystallization;

/// <summary>One Brent equation that does not hold: sum_r U[r,x] V[r,y] W[z,r] = actual, T[x,y,z] = expected.</summary>
public readonly record struct BrentViolation(int X, int Y, int Z, string Actual, int Expected);
