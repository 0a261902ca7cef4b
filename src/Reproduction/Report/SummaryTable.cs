using System.Text.Json;
using System.Text.Json.Serialization;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Report;

/// <summary>The summary table the report opens with (and the CLI prints at the end of `reproduce`).</summary>
public static class SummaryTable
{
    public static readonly IReadOnlyList<string> Columns = ["claim", "paper says", "we measured", "verdict",
        "explained", "rule"];

    static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        // Read by people and jq, never embedded in HTML: keep '<', '>' and non-ASCII as they are.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Rows in claim id order (C1..C12).</summary>
    public static IReadOnlyList<SummaryRow> Rows(IEnumerable<ClaimResult> claims, ReportScope scope) =>
        ClaimOrder.Sort(claims).Select(c => SummaryRow.Of(c, scope)).ToList();

    /// <summary>Claim cell: "C1 title".</summary>
    public static string ClaimCell(SummaryRow row) => string.IsNullOrWhiteSpace(row.Title) ? row.Id : $"{row.Id} {row.Title}";

    public static string ToMarkdown(IEnumerable<ClaimResult> claims, ReportScope scope) =>
        MarkdownText.Table(Columns,
            Rows(claims, scope).Select(r =>
                new[] { ClaimCell(r), r.PaperSays, r.WeMeasured, r.Verdict, r.Explained ?? "-", r.Rule }));

    /// <summary>
    /// The scope {preset, scope, partial, plannedRuns, storedRuns, note} and the rows as claims:
    /// [{id, title, paperSays, weMeasured, verdict, ruleVerdict, rule, explained, ruleExplained, origin: [{quantity,
    /// paper, sources, reexecution, correct, explanation, explained, rule}], runsNeeded, runsToDecide}], then findings.
    /// </summary>
    public static string ToJson(IEnumerable<ClaimResult> claims, ReportScope scope, ReportContext? context = null,
        StudyFindings? findings = null) =>
        JsonSerializer.Serialize(SummaryDocument.Of(claims, scope, context, findings), Json);
}
