using System.Text.Json;
using System.Text.Json.Serialization;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// summary.json: the report's scope, the command that trained its runs, the commit(s) that trained them
/// (gitCommit, from the store) and the one that wrote the report (reportCommit), then its rows.
/// </summary>
public sealed record SummaryDocument(
    string Preset, string Scope, bool Partial, int PlannedRuns, int StoredRuns, string Note, string Command,
    string GitCommit, string ReportCommit, IReadOnlyList<SummaryRow> Claims)
{
    public static SummaryDocument Of(IEnumerable<ClaimResult> claims, ReportScope scope, ReportContext? context = null) => new(
        scope.Preset, scope.ToWire(), scope.IsPartial, scope.PlannedRuns, scope.StoredRuns, scope.Describe(),
        $"strassen-repro reproduce --preset {scope.Preset}", context?.TrainedBy ?? context?.GitCommit ?? "unknown",
        context?.GitCommit ?? "unknown", SummaryTable.Rows(claims, scope));
}
