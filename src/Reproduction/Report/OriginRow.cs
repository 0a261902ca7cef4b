using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// One of the paper's numbers in summary.json and the report's section "Where the paper's numbers come from": the
/// number, the upstream code that computes it (`path:lines`; none: no script), our re-execution, the correct
/// computation, one line of explanation, and whether it traced (as the report may state it) by which rule.
/// </summary>
public sealed record OriginRow(string Quantity, string Paper, IReadOnlyList<string> Sources, string Reexecution,
    string Correct, string Explanation, string Explained, string Rule)
{
    public static OriginRow Of(NumberTrace n, ReportScope scope) => new(n.Quantity, n.Paper,
        n.Sources.Select(s => s.ToString()).ToList(), n.Reexecution, n.Correct, n.Explanation, scope.Show(n.Explained),
            n.Rule);

    /// <summary>"path:lines, path:lines", or "no script".</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string SourcesText => Sources.Count == 0 ? "no script" : string.Join(", ", Sources);
}
