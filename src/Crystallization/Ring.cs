namespace StrassenRepro.Crystallization;

/// <summary>Where the Brent equations are checked: exactly over the integers, or modulo 2.</summary>
public enum Ring
{
    Z,
    F2,
}
