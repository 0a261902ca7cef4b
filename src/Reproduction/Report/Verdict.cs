namespace StrassenRepro.Reproduction.Report;

/// <summary>A claim's verdict, always computed from data by the claim's rule (printed next to it).</summary>
public enum Verdict
{
    Reproduced,
    NotReproduced,
    Inconclusive,
}

public static class VerdictNames
{
    public static string ToWire(this Verdict v) => v switch
    {
        Verdict.Reproduced => "reproduced",
        Verdict.NotReproduced => "not reproduced",
        _ => "inconclusive",
    };
}
