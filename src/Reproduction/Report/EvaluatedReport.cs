namespace StrassenRepro.Reproduction.Report;

/// <summary>A written report's claims, and what their verdicts can mean.</summary>
public sealed record EvaluatedReport(IReadOnlyList<ClaimResult> Claims, ReportScope Scope)
{
    /// <summary>"2 reproduced, 1 not reproduced, 9 inconclusive": the rules' verdicts, counted.</summary>
    public string VerdictCounts() => string.Join(", ",
        Enum.GetValues<Verdict>().Select(v => (v, n: Claims.Count(c => c.Verdict == v))).Where(x => x.n > 0).Select(x => $"{x.n} {x.v.ToWire()}"));
}
