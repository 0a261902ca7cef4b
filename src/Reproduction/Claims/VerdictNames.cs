namespace StrassenRepro.Reproduction.Claims;

/// <summary>Verdicts as the report and summary.json write them.</summary>
public static class VerdictNames
{
    public static string ToWire(this Verdict v) => v switch
    {
        Verdict.Reproduced => "reproduced",
        Verdict.NotReproduced => "not reproduced",
        _ => "inconclusive",
    };
}
