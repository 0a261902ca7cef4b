using System.Text.Json;
using System.Text.Json.Serialization;
using StrassenRepro.Reproduction.Claims;
using StrassenRepro.Reproduction.Origins;

namespace StrassenRepro.Reproduction.Report;

/// <summary>
/// One row of the summary: what the paper says, what we measured, the verdict as the report may state it
/// (qualified in a partial or smoke report), the rule's own verdict and the rule; then whether the paper's numbers
/// trace to the upstream scripts (explained, qualified the same way, and the rule's own value) and each number's trace.
/// Explained and Origin are null for a claim whose numbers were not traced in this evaluation.
/// </summary>
public sealed record SummaryRow(
    string Id, string Title, string PaperSays, string WeMeasured, string Verdict, string RuleVerdict, string Rule,
    string? Explained, string? RuleExplained, IReadOnlyList<OriginRow>? Origin)
{
    public static SummaryRow Of(ClaimResult c, ReportScope scope) =>
        new(c.Id, c.Title, c.PaperSays, c.WeMeasured, scope.Show(c.Verdict), c.Verdict.ToWire(), c.Rule,
            c.Origin is { } o ? scope.Show(o.Explained) : null, c.Origin?.Explained.ToWire(),
            c.Origin?.Numbers.Select(n => OriginRow.Of(n, scope)).ToList());
}

/// <summary>summary.json: the report's scope, then its rows.</summary>
public sealed record SummaryDocument(
    string Preset, string Scope, bool Partial, int PlannedRuns, int StoredRuns, string Note,
    IReadOnlyList<SummaryRow> Claims)
{
    public static SummaryDocument Of(IEnumerable<ClaimResult> claims, ReportScope scope) => new(
        scope.Preset, scope.ToWire(), scope.IsPartial, scope.PlannedRuns, scope.StoredRuns, scope.Describe(),
        SummaryTable.Rows(claims, scope));
}

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
    /// paper, sources, reexecution, correct, explanation, explained, rule}]}].
    /// </summary>
    public static string ToJson(IEnumerable<ClaimResult> claims, ReportScope scope) =>
        JsonSerializer.Serialize(SummaryDocument.Of(claims, scope), Json);
}
