using StrassenRepro.Reproduction.Claims;
namespace StrassenRepro.Reproduction.Report;

/// <summary>A written report's claims, what their verdicts can mean, and the numbers of its findings box.</summary>
public sealed record EvaluatedReport(IReadOnlyList<ClaimResult> Claims, ReportScope Scope, StudyFindings? Findings = null)
{
    /// <summary>"2 reproduced, 1 not reproduced, 9 inconclusive": the rules' verdicts, counted.</summary>
    public string VerdictCounts() => string.Join(", ", Enum.GetValues<Verdict>()
        .Select(v => (Verdict: v, Count: Claims.Count(c => c.Verdict == v)))
        .Where(x => x.Count > 0)
        .Select(x => $"{x.Count} {x.Verdict.ToWire()}"));
}
