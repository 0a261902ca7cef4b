namespace StrassenRepro.Crystallization;

/// <summary>The integer type an exact transfer ran in: the smallest that no intermediate value can overflow.</summary>
public enum ExactTransferArithmetic
{
    Int64,
    Int128,
    BigInteger,
}
