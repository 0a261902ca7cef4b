namespace StrassenRepro.Reproduction.Claims;

/// <summary>A claim's verdict, always computed from data by the claim's rule (printed next to it).</summary>
public enum Verdict
{
    Reproduced,
    NotReproduced,
    Inconclusive,
}
