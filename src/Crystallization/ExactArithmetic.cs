namespace StrassenRepro.Crystallization;

/// <summary>How the Brent equations of the kept slots were checked (the `exactArithmetic` field of a record).</summary>
public enum ExactArithmetic
{
    /// <summary>Integer input, checked as given (Q would clamp a valid +-2).</summary>
    Integer,

    /// <summary>Exact fractions (a double's denominator at most 2^10, or "p/q" in JSON), checked over Q.</summary>
    Rational,

    /// <summary>Any other real input: Q of it is checked, as the paper does.</summary>
    Rounded,
}
