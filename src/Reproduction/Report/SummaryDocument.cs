using System.Text.Json;
using System.Text.Json.Serialization;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Report;

/// <summary>summary.json: the report's scope, then its rows.</summary>
public sealed record SummaryDocument(
    string Preset, string Scope, bool Partial, int PlannedRuns, int StoredRuns, string Note,
    IReadOnlyList<SummaryRow> Claims)
{
    public static SummaryDocument Of(IEnumerable<ClaimResult> claims, ReportScope scope) => new(
        scope.Preset, scope.ToWire(), scope.IsPartial, scope.PlannedRuns, scope.StoredRuns, scope.Describe(),
        SummaryTable.Rows(claims, scope));
}
