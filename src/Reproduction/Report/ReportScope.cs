using System.Globalization;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// What a report's stored runs cover of the plan its claims need. Only a whole report claims findings: a partial
/// or smoke report shows each rule's verdict qualified, and its exit code is 0 (the mechanics worked).
/// </summary>
public sealed record ReportScope(string Preset, int PlannedRuns, int StoredRuns)
{
    public const string SmokePreset = "smoke";

    public bool IsPartial => StoredRuns < PlannedRuns;

    public ScopeKind Kind =>
        Preset == SmokePreset ? ScopeKind.MechanicsOnly : IsPartial ? ScopeKind.Partial : ScopeKind.Whole;

    public bool ClaimsFindings => Kind == ScopeKind.Whole;

    /// <summary>"whole", "partial" or "mechanics only" (summary.json's scope).</summary>
    public string ToWire() => Kind switch
    {
        ScopeKind.Whole => "whole",
        ScopeKind.Partial => "partial",
        _ => "mechanics only",
    };

    /// <summary>One line for the report header and the command's last line.</summary>
    public string Describe()
    {
        string runs = $"{Count(StoredRuns)} of {Count(PlannedRuns)} planned runs stored";
        return Kind switch
        {
            ScopeKind.Whole => $"whole: {runs}",
            ScopeKind.Partial => $"partial: {runs} -> verdicts are not findings",
            _ => $"preset: smoke -> verdicts are mechanics only ({runs})",
        };
    }

    /// <summary>A verdict as this report may state it: the rule's own in a whole report, qualified otherwise.</summary>
    public string Show(Verdict verdict) => Kind switch
    {
        ScopeKind.Whole => verdict.ToWire(),
        ScopeKind.Partial => $"partial (rule: {verdict.ToWire()})",
        _ => $"mechanics only (rule: {verdict.ToWire()})",
    };

    /// <summary>
    /// Whether a number traced, as this report may state it: qualified like a verdict outside a whole report.
    /// </summary>
    public string Show(Explained explained) => Kind switch
    {
        ScopeKind.Whole => explained.ToWire(),
        ScopeKind.Partial => $"partial (rule: {explained.ToWire()})",
        _ => $"mechanics only (rule: {explained.ToWire()})",
    };

    /// <summary>A finding of failure: a whole report in which a claim did not reproduce or is inconclusive.</summary>
    public bool FindsFailure(IEnumerable<ClaimResult> claims) =>
        ClaimsFindings && claims.Any(c => c.Verdict != Verdict.Reproduced);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
