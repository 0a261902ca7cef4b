using StrassenRepro.Reproduction.Claims;
namespace StrassenRepro.Reproduction.Report;

/// <summary>A written report's claims, and what their verdicts can mean.</summary>
public sealed record EvaluatedReport(IReadOnlyList<ClaimResult> Claims, ReportScope Scope)
{
    /// <summary>"2 reproduced, 1 not reproduced, 9 inconclusive": the rules' verdicts, counted.</summary>
    public string VerdictCounts() => string.Join(", ", Enum.GetValues<Verdict>()
        .Select(v => (Verdict: v, Count: Claims.Count(c => c.Verdict == v)))
        .Where(x => x.Count > 0)
        .Select(x => $"{x.Count} {x.Verdict.ToWire()}"));
}
