namespace StrassenRepro.Crystallization;

public static class ExactArithmeticNames
{
    public static string ToWire(this ExactArithmetic a) => a switch
    {
        ExactArithmetic.Integer => "integer",
        ExactArithmetic.Rational => "rational",
        _ => "rounded",
    };
}
