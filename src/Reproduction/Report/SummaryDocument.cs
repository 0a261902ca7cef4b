using System.Text.Json;
using System.Text.Json.Serialization;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// summary.json: the report's scope, the command that trained its runs, the commit(s) that trained them
/// (gitCommit, from the store) and the one that wrote the report (reportCommit), then its rows, then the findings
/// box's sentences (null when the report has none).
/// </summary>
public sealed record SummaryDocument(
    string Preset, string Scope, bool Partial, int PlannedRuns, int StoredRuns, string Note, string Command,
    string GitCommit, string ReportCommit, IReadOnlyList<SummaryRow> Claims, IReadOnlyList<string>? Findings = null)
{
    public static SummaryDocument Of(IEnumerable<ClaimResult> claims, ReportScope scope, ReportContext? context = null,
        StudyFindings? findings = null) => new(
        scope.Preset, scope.ToWire(), scope.IsPartial, scope.PlannedRuns, scope.StoredRuns, scope.Describe(),
        $"strassen-repro reproduce --preset {scope.Preset}", context?.TrainedBy ?? context?.GitCommit ?? "unknown",
        context?.GitCommit ?? "unknown", SummaryTable.Rows(claims, scope),
        findings is null ? null : FindingsBox.Lines(findings));
}
